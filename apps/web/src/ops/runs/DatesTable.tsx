// The business dates (清算日期) newest first, each with its state and the run it allows: cutoff
// (日切) on a due date, settlement (结算) on a cut-off one; other buttons stay disabled so the API
// is never asked to refuse.
import type { BusinessDateSummary, RunKind } from '@shoudan/contracts';
import { Button, Card, Grid, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { fenText, formatInstant } from '../shared/format.ts';
import { useMay } from '../shared/ui.tsx';
import { useBusinessDates } from './api.ts';
import { runAllowed } from './progress.ts';

const COLORS: Record<string, string> = {
  open: 'processing',
  due: 'warning',
  cut_off: 'cyan',
  settled: 'success',
};

export type StartRun = (kind: RunKind, businessDate: string) => void;

function RunButtons({
  date,
  start,
  busy,
}: {
  readonly date: BusinessDateSummary;
  readonly start: StartRun;
  readonly busy: boolean;
}) {
  const { t } = useTranslation('ops.runs');
  const mayCutoff = useMay('cutoff');
  const maySettle = useMay('settlement');
  const d = date.businessDate;
  return (
    <Space>
      <Button
        size="small"
        disabled={!mayCutoff || busy || !runAllowed('cutoff', date.status)}
        onClick={() => start('cutoff', d)}
        data-testid={`runs-cutoff-${d}`}
      >
        {t('cutoff')}
      </Button>
      <Button
        size="small"
        type="primary"
        disabled={!maySettle || busy || !runAllowed('settlement', date.status)}
        onClick={() => start('settlement', d)}
        data-testid={`runs-settle-${d}`}
      >
        {t('settle')}
      </Button>
    </Space>
  );
}

function useColumns(start: StartRun, busy: boolean): ColumnsType<BusinessDateSummary> {
  const { t } = useTranslation('ops.runs');
  const wide = Grid.useBreakpoint().md;
  return [
    { title: t('businessDate'), dataIndex: 'businessDate' },
    {
      title: t('dateStatus'),
      key: 'status',
      render: (_, d) => (
        <Tag color={COLORS[d.status]} data-status={d.status}>
          {t(`dateStatuses.${d.status}`)}
        </Tag>
      ),
    },
    ...(wide
      ? [
          { title: t('transactions'), dataIndex: 'transactionCount', align: 'right' as const },
          {
            title: t('sales'),
            key: 'sales',
            align: 'right' as const,
            render: (_: unknown, d: BusinessDateSummary) => fenText(d.salesFen),
          },
          {
            title: t('merchants'),
            key: 'merchants',
            render: (_: unknown, d: BusinessDateSummary) =>
              `${d.merchantsSettled} / ${d.merchantsToSettle}`,
          },
          {
            title: t('cutoffDueAt'),
            key: 'due',
            render: (_: unknown, d: BusinessDateSummary) => formatInstant(d.cutoffDueAt),
          },
        ]
      : []),
    { title: '', key: 'run', render: (_, d) => <RunButtons date={d} start={start} busy={busy} /> },
  ];
}

export function DatesTable({ start, busy }: { readonly start: StartRun; readonly busy: boolean }) {
  const { t } = useTranslation('ops.runs');
  const query = useBusinessDates();
  const columns = useColumns(start, busy);
  const mayCutoff = useMay('cutoff');
  const maySettle = useMay('settlement');
  const mayRun = mayCutoff || maySettle;
  return (
    <Card title={t('dates')} variant="outlined">
      <Typography.Paragraph type="secondary">
        {mayRun ? t('cutoffHint') : t('noRole')}
      </Typography.Paragraph>
      <ErrorAlert error={query.error} />
      <Table<BusinessDateSummary>
        rowKey="businessDate"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        onRow={(d) =>
          ({
            'data-testid': `runs-date-${d.businessDate}`,
            'data-status': d.status,
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </Card>
  );
}
