// Cutoff and settlement (日切与结算): the business dates with the run each allows, the run going
// on with its progress, the recent runs, and for finance the record of payouts paid.
import type { RunKind } from '@shoudan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Col, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle, RoleGate, useMay } from '../shared/ui.tsx';
import { useRun, useStartRun } from './api.ts';
import { DatesTable } from './DatesTable.tsx';
import { Payouts } from './Payouts.tsx';
import { RecentRuns, RunCard } from './RunCard.tsx';

/** Once the run shown ends, the dates and the recent runs are read again. */
function useRefreshWhenDone(runId: string | undefined) {
  const client = useQueryClient();
  const status = useRun(runId).data?.status;
  useEffect(() => {
    if (status === 'completed' || status === 'failed') {
      void client.invalidateQueries({ queryKey: ['ops', 'business-dates'] });
      void client.invalidateQueries({ queryKey: ['ops', 'runs'] });
    }
  }, [client, status]);
  return status;
}

function Runs() {
  const { t } = useTranslation('ops.runs');
  const [runId, setRunId] = useState<string>();
  const start = useStartRun();
  const status = useRefreshWhenDone(runId);
  const mayPayouts = useMay('payoutsPaid');
  const startRun = (kind: RunKind, businessDate: string) =>
    start.mutate({ kind, businessDate }, { onSuccess: (run) => setRunId(run.id) });
  const busy = start.isPending || status === 'running';
  return (
    <>
      <PageTitle title={t('title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={mayPayouts ? 16 : 24}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <RunCard runId={runId} startError={start.error} />
            <DatesTable start={startRun} busy={busy} />
            <RecentRuns onView={setRunId} />
          </Space>
        </Col>
        {mayPayouts && (
          <Col xs={24} xxl={8}>
            <Payouts />
          </Col>
        )}
      </Row>
    </>
  );
}

export function RunsPage() {
  return (
    <RoleGate permission="businessDates">
      <Runs />
    </RoleGate>
  );
}
