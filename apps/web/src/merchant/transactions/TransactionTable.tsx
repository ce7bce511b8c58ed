// One page of transactions as a table: every column on a wide screen, time / type / amount on a
// phone; the time opens the transaction's detail.
import type { TransactionBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Empty, Grid, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../common/money.ts';
import { KindTag, StatusTag, usePaymentText } from './labels.tsx';

function useColumns(narrow: boolean): TableColumnsType<TransactionBody> {
  const { t } = useTranslation('merchant.transactions');
  const payment = usePaymentText();
  const time: TableColumnsType<TransactionBody>[number] = {
    key: 'createdAt',
    title: t('column.createdAt'),
    render: (_, tx) => (
      <Link
        to="/merchant/transactions/$id"
        params={{ id: tx.id }}
        data-testid={`txn-open-${tx.id}`}
      >
        {dayjs(tx.createdAt).format(narrow ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm:ss')}
      </Link>
    ),
  };
  const amount: TableColumnsType<TransactionBody>[number] = {
    key: 'amount',
    title: t('column.amount'),
    align: 'right',
    render: (_, tx) => formatFen(BigInt(tx.amountFen)),
  };
  if (narrow) {
    return [
      time,
      {
        key: 'kind',
        title: t('column.kind'),
        render: (_, tx) => (
          <Space orientation="vertical" size={2}>
            <KindTag kind={tx.kind} />
            <StatusTag status={tx.status} />
          </Space>
        ),
      },
      amount,
    ];
  }
  return [
    time,
    { key: 'kind', title: t('column.kind'), render: (_, tx) => <KindTag kind={tx.kind} /> },
    {
      key: 'status',
      title: t('column.status'),
      render: (_, tx) => <StatusTag status={tx.status} />,
    },
    amount,
    {
      key: 'fee',
      title: t('column.fee'),
      align: 'right',
      render: (_, tx) => formatFen(BigInt(tx.feeFen)),
    },
    { key: 'terminal', title: t('column.terminal'), dataIndex: 'terminalId' },
    { key: 'voucher', title: t('column.voucher'), dataIndex: 'voucherNo' },
    { key: 'card', title: t('column.card'), render: (_, tx) => payment(tx) },
    { key: 'rrn', title: t('column.rrn'), dataIndex: 'rrn' },
    { key: 'businessDate', title: t('column.businessDate'), dataIndex: 'businessDate' },
  ];
}

export type TransactionTableProps = {
  readonly rows: readonly TransactionBody[];
  readonly loading: boolean;
};

export function TransactionTable({ rows, loading }: TransactionTableProps) {
  const { t } = useTranslation('merchant.transactions');
  const screens = Grid.useBreakpoint();
  const columns = useColumns(!screens.md);
  return (
    <Table<TransactionBody>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows as TransactionBody[]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('empty')} data-testid="txn-empty" /> }}
      onRow={(tx) => ({ 'data-testid': `txn-row-${tx.id}` }) as HTMLAttributes<HTMLElement>}
      data-testid="txn-table"
    />
  );
}
