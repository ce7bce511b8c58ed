// The support queue (客服工单): tickets by status, newest first, each opening its conversation.
import { TicketStatus, type TicketBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Grid, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatInstant } from '../shared/format.ts';
import { MerchantLink } from '../shared/MerchantLink.tsx';
import { PageTitle, RoleGate } from '../shared/ui.tsx';
import { useTickets } from './api.ts';
import { TicketStatusTag } from './TicketStatusTag.tsx';

function useColumns(): ColumnsType<TicketBody> {
  const { t } = useTranslation('ops.tickets');
  const wide = Grid.useBreakpoint().md;
  return [
    {
      title: t('subject'),
      key: 'subject',
      render: (_, k) => (
        <Link to="/ops/tickets/$id" params={{ id: k.id }} data-testid={`ticket-open-${k.id}`}>
          {k.subject}
        </Link>
      ),
    },
    ...(wide
      ? [
          {
            title: t('ticketNo'),
            dataIndex: 'ticketNo',
            render: (no: string) => <Typography.Text code>{no}</Typography.Text>,
          },
          {
            title: t('merchant'),
            key: 'merchant',
            render: (_: unknown, k: TicketBody) => <MerchantLink id={k.merchantId} />,
          },
          {
            title: t('createdAt'),
            key: 'at',
            render: (_: unknown, k: TicketBody) => formatInstant(k.createdAt),
          },
        ]
      : []),
    { title: t('status'), key: 'status', render: (_, k) => <TicketStatusTag status={k.status} /> },
  ];
}

function Tickets() {
  const { t } = useTranslation('ops.tickets');
  const [status, setStatus] = useState<string>('open');
  const query = useTickets(status === 'all' ? undefined : status);
  const columns = useColumns();
  return (
    <>
      <PageTitle title={t('title')} />
      <div style={{ overflowX: 'auto', marginBottom: 16 }}>
        <Segmented
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={[
            ...TicketStatus.options.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
            { value: 'all', label: t('ops.shared:all') },
          ]}
          data-testid="ticket-filter-status"
        />
      </div>
      <ErrorAlert error={query.error} />
      <Table<TicketBody>
        rowKey="id"
        loading={query.isLoading}
        dataSource={query.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('empty') }}
        onRow={(k) => ({ 'data-testid': `ticket-row-${k.id}` }) as HTMLAttributes<HTMLElement>}
      />
    </>
  );
}

export function ListPage() {
  return (
    <RoleGate permission="tickets">
      <Tickets />
    </RoleGate>
  );
}
