// The merchant's settlements, newest business date first, each with its statement and downloads.
import type { SettlementBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Empty, Grid, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadHref } from '../../common/download.ts';
import { formatFen } from '../../common/money.ts';

type Column = TableColumnsType<SettlementBody>[number];
const money = (fen: string) => formatFen(BigInt(fen));

function useColumns(narrow: boolean): TableColumnsType<SettlementBody> {
  const { t } = useTranslation('merchant.settlements');
  const date: Column = {
    key: 'businessDate',
    title: t('column.businessDate'),
    render: (_, s) => (
      <Link
        to="/merchant/settlements/$businessDate"
        params={{ businessDate: s.businessDate }}
        data-testid={`settlement-open-${s.businessDate}`}
      >
        {s.businessDate}
      </Link>
    ),
  };
  const net: Column = {
    key: 'net',
    title: t('column.net'),
    align: 'right',
    render: (_, s) => money(s.netFen),
  };
  const status: Column = {
    key: 'status',
    title: t('column.status'),
    render: (_, s) => (
      <Tag color={s.status === 'paid' ? 'success' : 'processing'}>
        {t(`settlementStatus.${s.status}`, { defaultValue: s.status })}
      </Tag>
    ),
  };
  if (narrow) return [date, net, status];
  return [
    date,
    { key: 'mode', title: t('column.mode'), render: (_, s) => t(`mode.${s.settlementMode}`) },
    { key: 'sales', title: t('column.sales'), dataIndex: 'saleCount', align: 'right' },
    { key: 'gross', title: t('column.gross'), align: 'right', render: (_, s) => money(s.grossFen) },
    { key: 'fee', title: t('column.fee'), align: 'right', render: (_, s) => money(s.feeFen) },
    {
      key: 'refunds',
      title: t('column.refunds'),
      align: 'right',
      render: (_, s) => `${money(s.refundFen)} (${s.refundCount})`,
    },
    net,
    {
      key: 'payout',
      title: t('column.payout'),
      align: 'right',
      render: (_, s) => money(s.payoutFen),
    },
    { key: 'payableDate', title: t('column.payableDate'), dataIndex: 'payableDate' },
    status,
    {
      key: 'actions',
      title: t('column.actions'),
      render: (_, s) => (
        <Space size="small">
          <a href={downloadHref(`/v1/merchant/statements/${s.businessDate}.csv`)} download>
            {t('csv')}
          </a>
          <a href={downloadHref(`/v1/merchant/statements/${s.businessDate}.pdf`)} download>
            {t('pdf')}
          </a>
        </Space>
      ),
    },
  ];
}

export type SettlementTableProps = {
  readonly rows: readonly SettlementBody[];
  readonly loading: boolean;
};

export function SettlementTable({ rows, loading }: SettlementTableProps) {
  const { t } = useTranslation('merchant.settlements');
  const screens = Grid.useBreakpoint();
  return (
    <Table<SettlementBody>
      rowKey="id"
      size="middle"
      columns={useColumns(!screens.md)}
      dataSource={rows as SettlementBody[]}
      loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('empty')} data-testid="settlements-empty" /> }}
      onRow={(s) =>
        ({ 'data-testid': `settlement-row-${s.businessDate}` }) as HTMLAttributes<HTMLElement>
      }
      data-testid="settlements-table"
    />
  );
}
