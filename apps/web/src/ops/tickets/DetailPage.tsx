// One ticket (工单详情): what it is about, the conversation oldest first, a reply and closing it.
import type { TicketMessageBody, TicketWithMessages } from '@shoudan/contracts';
import { Link, useParams } from '@tanstack/react-router';
import { App, Button, Card, Descriptions, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatInstant } from '../shared/format.ts';
import { MerchantLink } from '../shared/MerchantLink.tsx';
import { PageTitle, RoleGate } from '../shared/ui.tsx';
import { useTicket, useTicketAction } from './api.ts';
import { TicketStatusTag } from './TicketStatusTag.tsx';

function Message({ message }: { readonly message: TicketMessageBody }) {
  const { t } = useTranslation('ops.tickets');
  const staff = message.authorKind === 'staff';
  return (
    <div style={{ display: 'flex', justifyContent: staff ? 'flex-end' : 'flex-start' }}>
      <div
        style={{
          maxWidth: '85%',
          background: staff ? '#fff1f0' : '#f5f5f5',
          borderRadius: 8,
          padding: '8px 12px',
        }}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`authors.${message.authorKind}`)} · {message.authorName} · {formatInstant(message.at)}
        </Typography.Text>
        <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{message.body}</div>
      </div>
    </div>
  );
}

function Reply({ ticket }: { readonly ticket: TicketWithMessages }) {
  const { t } = useTranslation('ops.tickets');
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const [key, setKey] = useState(newIdempotencyKey);
  const action = useTicketAction(ticket.id);
  const send = ({ body }: { body: string }) =>
    action.mutate(
      { action: 'reply', body: body.trim(), key },
      {
        onSuccess: () => {
          form.resetFields();
          setKey(newIdempotencyKey());
          void message.success(t('sent'));
        },
      },
    );
  const close = () =>
    modal.confirm({
      title: t('confirmClose', { no: ticket.ticketNo }),
      okText: t('common:confirm'),
      cancelText: t('common:cancel'),
      onOk: () =>
        action.mutate({ action: 'close' }, { onSuccess: () => void message.success(t('closed')) }),
    });
  return (
    <>
      <ErrorAlert error={action.error} />
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item
          name="body"
          label={t('reply')}
          rules={[{ required: true, whitespace: true, max: 4000, message: t('replyRule') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="ticket-reply" />
        </Form.Item>
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={action.isPending}
            data-testid="ticket-send"
          >
            {t('send')}
          </Button>
          <Button onClick={close} disabled={action.isPending} data-testid="ticket-close">
            {t('close')}
          </Button>
        </Space>
      </Form>
    </>
  );
}

function Ticket({ ticket }: { readonly ticket: TicketWithMessages }) {
  const { t } = useTranslation('ops.tickets');
  const items = [
    { key: 'no', label: t('ticketNo'), children: ticket.ticketNo },
    {
      key: 'status',
      label: t('status'),
      children: <TicketStatusTag status={ticket.status} testId="ticket-status" />,
    },
    { key: 'merchant', label: t('merchant'), children: <MerchantLink id={ticket.merchantId} /> },
    { key: 'at', label: t('createdAt'), children: formatInstant(ticket.createdAt) },
    ...(ticket.terminalId
      ? [{ key: 'terminal', label: t('terminal'), children: ticket.terminalId }]
      : []),
    ...(ticket.transactionId
      ? [{ key: 'txn', label: t('transaction'), children: ticket.transactionId }]
      : []),
    ...(ticket.closedAt
      ? [{ key: 'closed', label: t('closedAt'), children: formatInstant(ticket.closedAt) }]
      : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card variant="outlined">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
          items={items}
        />
      </Card>
      <Card title={t('messages')} variant="outlined">
        <Space
          orientation="vertical"
          size={12}
          style={{ width: '100%' }}
          data-testid="ticket-messages"
        >
          {ticket.messages.map((m) => (
            <Message key={m.id} message={m} />
          ))}
        </Space>
      </Card>
      {ticket.status !== 'closed' && (
        <Card variant="outlined">
          <Reply ticket={ticket} />
        </Card>
      )}
    </Space>
  );
}

function Detail() {
  const { t } = useTranslation('ops.tickets');
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useTicket(id);
  return (
    <>
      <PageTitle
        title={query.data?.subject ?? t('title')}
        extra={<Link to="/ops/tickets">{t('back')}</Link>}
      />
      <ErrorAlert error={query.error} />
      {query.isLoading && <Skeleton active />}
      {query.data && <Ticket ticket={query.data} />}
    </>
  );
}

export function DetailPage() {
  return (
    <RoleGate permission="tickets">
      <Detail />
    </RoleGate>
  );
}
