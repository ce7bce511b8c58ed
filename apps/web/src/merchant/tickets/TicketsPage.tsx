// 工单: the merchant's support tickets, newest first, by status; each opens its conversation.
import { PlusOutlined } from '@ant-design/icons';
import type { TicketBody, TicketStatus } from '@shoudan/contracts';
import { Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Grid, Select, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { instantText, testIdProps } from '../applications/format.ts';
import { useTickets } from './api.ts';
import { TicketStatusTag } from './TicketStatusTag.tsx';

const STATUSES: readonly TicketStatus[] = ['open', 'answered', 'closed'];

function useColumns(): TableProps<TicketBody>['columns'] {
  const { t } = useTranslation('merchant.tickets');
  const wide = Grid.useBreakpoint().md === true;
  const columns: TableProps<TicketBody>['columns'] = [
    {
      key: 'subject',
      title: t('field.subject'),
      render: (_: unknown, row: TicketBody) => (
        <Link to={`/merchant/tickets/${row.id}`}>{row.subject}</Link>
      ),
    },
    {
      key: 'status',
      title: t('field.status'),
      render: (_: unknown, row: TicketBody) => <TicketStatusTag status={row.status} />,
    },
  ];
  if (!wide) return columns;
  return [
    { key: 'ticketNo', title: t('field.ticketNo'), dataIndex: 'ticketNo' },
    ...columns,
    {
      key: 'createdAt',
      title: t('field.createdAt'),
      render: (_: unknown, row: TicketBody) => instantText(row.createdAt),
    },
  ];
}

export function TicketsPage() {
  const { t } = useTranslation('merchant.tickets');
  const navigate = useNavigate();
  const [status, setStatus] = useState<TicketStatus | undefined>(undefined);
  const tickets = useTickets(status);
  const columns = useColumns();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate({ to: '/merchant/tickets/new' })}
            data-testid="ticket-new"
          >
            {t('newTicket')}
          </Button>
          <Select<TicketStatus>
            aria-label={t('statusLabel')}
            placeholder={t('allStatuses')}
            allowClear
            style={{ minWidth: 140 }}
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </Space>
      </Card>
      <ErrorAlert error={tickets.error} />
      <Table<TicketBody>
        rowKey="id"
        loading={tickets.isLoading}
        dataSource={tickets.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('empty') }}
        onRow={(row) => testIdProps(`ticket-row-${row.id}`, { status: row.status })}
      />
    </Space>
  );
}
