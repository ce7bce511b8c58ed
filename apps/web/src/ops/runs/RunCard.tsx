// A run's progress (antd Progress, the run polled every second until completed or failed), its
// outcome and summary; and the recent runs of this server process.
import type { RunBody } from '@shoudan/contracts';
import { Alert, Button, Card, Descriptions, Grid, Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { fenText, formatInstant } from '../shared/format.ts';
import { useRun, useRuns } from './api.ts';
import { runPercent } from './progress.ts';

const STATUS_COLORS: Record<string, string> = {
  running: 'processing',
  completed: 'success',
  failed: 'error',
};

export function RunStatusTag({ run, testId }: { readonly run: RunBody; readonly testId?: string }) {
  const { t } = useTranslation('ops.runs');
  return (
    <Tag color={STATUS_COLORS[run.status]} data-status={run.status} data-testid={testId}>
      {t(`runStatuses.${run.status}`)}
    </Tag>
  );
}

function Summary({ summary }: { readonly summary: Record<string, string | number> }) {
  const { t } = useTranslation('ops.runs');
  return (
    <Descriptions
      size="small"
      style={{ marginTop: 12 }}
      column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 3, xxl: 3 }}
      items={Object.entries(summary).map(([key, value]) => ({
        key,
        label: t(`summary.${key}`, { defaultValue: key }),
        children: /Fen$/.test(key) ? fenText(value) : String(value),
      }))}
    />
  );
}

export function RunCard({
  runId,
  startError,
}: {
  readonly runId: string | undefined;
  readonly startError: unknown;
}) {
  const { t } = useTranslation('ops.runs');
  const query = useRun(runId);
  const run = query.data;
  if (!runId && !startError) return null;
  return (
    <Card title={t('run')} variant="outlined" loading={query.isLoading} data-testid="run-card">
      <ErrorAlert error={startError ?? query.error} />
      {run && (
        <>
          <Typography.Paragraph>
            <Typography.Text strong>
              {t('runOf', { kind: t(`runKinds.${run.kind}`), date: run.businessDate })}
            </Typography.Text>{' '}
            <RunStatusTag run={run} testId="run-status" />
          </Typography.Paragraph>
          <Progress
            percent={runPercent(run)}
            status={
              run.status === 'failed'
                ? 'exception'
                : run.status === 'completed'
                  ? 'success'
                  : 'active'
            }
            format={() => `${run.done} / ${run.total}`}
            data-testid="run-progress"
          />
          {run.outcome && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={run.outcome.message}
              style={{ marginTop: 12 }}
            />
          )}
          {run.summary && <Summary summary={run.summary} />}
        </>
      )}
    </Card>
  );
}

export function RecentRuns({ onView }: { readonly onView: (id: string) => void }) {
  const { t } = useTranslation('ops.runs');
  const wide = Grid.useBreakpoint().md;
  const query = useRuns();
  return (
    <Card title={t('recent')} variant="outlined">
      <Typography.Paragraph type="secondary">{t('recentHint')}</Typography.Paragraph>
      <ErrorAlert error={query.error} />
      <Table<RunBody>
        rowKey="id"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('noRuns') }}
        columns={[
          {
            title: t('runColumn'),
            key: 'run',
            render: (_, r) => t('runOf', { kind: t(`runKinds.${r.kind}`), date: r.businessDate }),
          },
          { title: t('dateStatus'), key: 'status', render: (_, r) => <RunStatusTag run={r} /> },
          ...(wide
            ? [
                {
                  title: t('progress'),
                  key: 'progress',
                  render: (_: unknown, r: RunBody) => `${r.done} / ${r.total}`,
                },
                { title: t('startedBy'), dataIndex: 'startedBy' },
                {
                  title: t('startedAt'),
                  key: 'at',
                  render: (_: unknown, r: RunBody) => formatInstant(r.startedAt, true),
                },
              ]
            : []),
          {
            title: '',
            key: 'view',
            render: (_, r) => (
              <Button size="small" type="link" onClick={() => onView(r.id)}>
                {t('view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
