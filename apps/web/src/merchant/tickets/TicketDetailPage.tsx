// One ticket: what it is about, the conversation, a reply, and closing it (neither once closed).
import type { TicketWithMessages } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Typography,
  type ButtonProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { instantText } from '../applications/format.ts';
import { useIdempotencyKey } from '../applications/idempotency.ts';
import { useCloseTicket, useReply, useTicket } from './api.ts';
import { Conversation } from './Conversation.tsx';
import { TicketStatusTag } from './TicketStatusTag.tsx';

const CLOSE_OK = { 'data-testid': 'ticket-close-confirm' } as ButtonProps;

function TicketFacts({ ticket }: { readonly ticket: TicketWithMessages }) {
  const { t } = useTranslation('merchant.tickets');
  const items = [
    { key: 'no', label: t('field.ticketNo'), children: ticket.ticketNo },
    {
      key: 'status',
      label: t('field.status'),
      children: <TicketStatusTag status={ticket.status} testId="ticket-status" />,
    },
    { key: 'createdAt', label: t('field.createdAt'), children: instantText(ticket.createdAt) },
  ];
  if (ticket.closedAt) {
    items.push({
      key: 'closedAt',
      label: t('field.closedAt'),
      children: instantText(ticket.closedAt),
    });
  }
  if (ticket.transactionId) {
    const to = `/merchant/transactions/${ticket.transactionId}`;
    items.push({
      key: 'txn',
      label: t('field.transaction'),
      children: <Link to={to}>{t('viewTransaction')}</Link>,
    });
  }
  if (ticket.terminalId) {
    items.push({ key: 'terminal', label: t('field.terminal'), children: ticket.terminalId });
  }
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

function ReplyForm({ ticket }: { readonly ticket: TicketWithMessages }) {
  const { t } = useTranslation('merchant.tickets');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const reply = useReply(ticket.id);
  const key = useIdempotencyKey();
  const onFinish = ({ body }: { body: string }) => {
    const request = { body: body.trim() };
    reply.mutate(
      { body: request, idempotencyKey: key.keyFor(request) },
      {
        onSuccess: () => {
          key.reset();
          form.resetFields();
          void message.success(t('replied'));
        },
      },
    );
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish}>
      <ErrorAlert error={reply.error} />
      <Form.Item
        name="body"
        label={t('replyLabel')}
        rules={[
          { required: true, whitespace: true, message: t('bodyRequired') },
          { max: 4000, message: t('bodyTooLong') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={4000} data-testid="ticket-reply" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={reply.isPending}
        data-testid="ticket-reply-send"
      >
        {t('replySend')}
      </Button>
    </Form>
  );
}

function CloseButton({ ticket }: { readonly ticket: TicketWithMessages }) {
  const { t } = useTranslation('merchant.tickets');
  const { message } = App.useApp();
  const close = useCloseTicket(ticket.id);
  const key = useIdempotencyKey();
  const onConfirm = () =>
    close.mutate(
      { body: {}, idempotencyKey: key.keyFor({ close: ticket.id }) },
      { onSuccess: () => void message.success(t('closed')) },
    );
  return (
    <Space orientation="vertical">
      <ErrorAlert error={close.error} />
      <Popconfirm
        title={t('closeTitle')}
        description={t('closeBody')}
        okText={t('close')}
        cancelText={t('common:cancel')}
        okButtonProps={CLOSE_OK}
        onConfirm={onConfirm}
      >
        <Button loading={close.isPending} data-testid="ticket-close">
          {t('close')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

export function TicketDetailPage({ id }: { readonly id: string }) {
  const { t } = useTranslation('merchant.tickets');
  const one = useTicket(id);
  const back = <Link to="/merchant/tickets">{t('title')}</Link>;
  if (one.error instanceof ApiError && one.error.status === 404) {
    return <Result status="404" title={t('notFound')} extra={back} />;
  }
  const ticket = one.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }}>
      {back}
      <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }}>
        {ticket?.subject ?? t('title')}
      </Typography.Title>
      <ErrorAlert error={one.error} />
      {one.isLoading && <Skeleton active />}
      {ticket && (
        <>
          <Card size="small" extra={ticket.status !== 'closed' && <CloseButton ticket={ticket} />}>
            <TicketFacts ticket={ticket} />
          </Card>
          <Card size="small" title={t('conversation')}>
            <Conversation messages={ticket.messages} />
          </Card>
          <Card size="small" title={t('reply')}>
            {ticket.status === 'closed' ? (
              <Alert type="info" showIcon title={t('closedNote')} />
            ) : (
              <ReplyForm ticket={ticket} />
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
