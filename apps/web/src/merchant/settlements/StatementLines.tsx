// A statement's lines (对账明细) with a totals row: sales, refunds, the D0 fee and debt carried in.
import type { StatementLineBody } from '@shoudan/contracts';
import { Empty, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../common/money.ts';
import type { StatementTotals } from './statement.ts';

type Line = StatementLineBody & { readonly key: number };
type Column = TableColumnsType<Line>[number];

const KIND_COLOR: Record<StatementLineBody['kind'], string> = {
  sale: 'blue',
  refund: 'purple',
  d0_fee: 'gold',
  carried_in: 'default',
};

function useColumns(narrow: boolean): TableColumnsType<Line> {
  const { t } = useTranslation('merchant.settlements');
  const money = (key: 'amountFen' | 'feeFen' | 'netFen', title: string): Column => ({
    key,
    title,
    align: 'right',
    render: (_, l) => formatFen(BigInt(l[key])),
  });
  const kind: Column = {
    key: 'kind',
    title: t('line.kind'),
    render: (_, l) => <Tag color={KIND_COLOR[l.kind]}>{t(`lineKind.${l.kind}`)}</Tag>,
  };
  const at: Column = {
    key: 'at',
    title: t('line.at'),
    render: (_, l) => (l.at ? dayjs(l.at).format(narrow ? 'HH:mm' : 'MM-DD HH:mm:ss') : '—'),
  };
  if (narrow)
    return [kind, at, money('amountFen', t('line.amount')), money('netFen', t('line.net'))];
  return [
    kind,
    at,
    { key: 'terminal', title: t('line.terminal'), dataIndex: 'terminalId' },
    { key: 'voucher', title: t('line.voucher'), dataIndex: 'voucherNo' },
    { key: 'rrn', title: t('line.rrn'), dataIndex: 'rrn' },
    { key: 'card', title: t('line.card'), render: (_, l) => l.panMasked || '—' },
    money('amountFen', t('line.amount')),
    money('feeFen', t('line.fee')),
    money('netFen', t('line.net')),
  ];
}

export type StatementLinesProps = {
  readonly lines: readonly StatementLineBody[];
  readonly totals: StatementTotals;
};

export function StatementLines({ lines, totals }: StatementLinesProps) {
  const { t } = useTranslation('merchant.settlements');
  const narrow = !Grid.useBreakpoint().md;
  const columns = useColumns(narrow);
  const rows: Line[] = lines.map((l, i) => ({ ...l, key: i }));
  const cell = (index: number, value: bigint) => (
    <Table.Summary.Cell index={index} align="right">
      <Typography.Text strong>{formatFen(value)}</Typography.Text>
    </Table.Summary.Cell>
  );
  return (
    <Table<Line>
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('statement.empty')} /> }}
      data-testid="statement-lines"
      summary={() =>
        rows.length === 0 ? null : (
          <Table.Summary.Row data-testid="statement-total">
            <Table.Summary.Cell index={0} colSpan={narrow ? 2 : 6}>
              <Typography.Text strong>{t('statement.total')}</Typography.Text>
            </Table.Summary.Cell>
            {cell(1, totals.amountFen)}
            {!narrow && cell(2, totals.feeFen)}
            {cell(3, totals.linesNetFen)}
          </Table.Summary.Row>
        )
      }
    />
  );
}
