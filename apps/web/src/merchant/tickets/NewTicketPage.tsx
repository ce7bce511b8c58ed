// 新建工单: subject and description, optionally about a transaction or a terminal (prefilled from
// `?transactionId=` / `?terminalId=` when another page sends the merchant here).
import type { OpenTicketRequest } from '@shoudan/contracts';
import { Link, useNavigate } from '@tanstack/react-router';
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useIdempotencyKey } from '../applications/idempotency.ts';
import { useOpenTicket } from './api.ts';

export type NewTicketSearch = {
  readonly transactionId?: string | undefined;
  readonly terminalId?: string | undefined;
};

type Fields = {
  readonly subject: string;
  readonly body: string;
  readonly transactionId?: string;
  readonly terminalId?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TERMINAL_ID = /^[0-9A-Za-z]{8}$/;
const FIELDS: readonly (keyof Fields)[] = ['subject', 'body', 'transactionId', 'terminalId'];

/** The form field an API error names, if it names one. */
function fieldOf(error: unknown): keyof Fields | undefined {
  const param = error instanceof ApiError ? error.param : undefined;
  return FIELDS.find((name) => name === param);
}

function requestOf(fields: Fields): OpenTicketRequest {
  const transactionId = fields.transactionId?.trim();
  const terminalId = fields.terminalId?.trim();
  return {
    subject: fields.subject.trim(),
    body: fields.body.trim(),
    ...(transactionId ? { transactionId } : {}),
    ...(terminalId ? { terminalId } : {}),
  };
}

function TicketFields() {
  const { t } = useTranslation('merchant.tickets');
  return (
    <>
      <Form.Item
        name="subject"
        label={t('field.subject')}
        rules={[
          { required: true, whitespace: true, message: t('subjectRequired') },
          { max: 200, message: t('subjectTooLong') },
        ]}
      >
        <Input maxLength={200} data-testid="ticket-subject" />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('field.body')}
        rules={[
          { required: true, whitespace: true, message: t('bodyRequired') },
          { max: 4000, message: t('bodyTooLong') },
        ]}
      >
        <Input.TextArea rows={5} maxLength={4000} showCount data-testid="ticket-body" />
      </Form.Item>
      <Form.Item
        name="transactionId"
        label={`${t('field.transaction')}${t('optional')}`}
        rules={[{ pattern: UUID, message: t('transactionInvalid') }]}
      >
        <Input data-testid="ticket-transaction-id" />
      </Form.Item>
      <Form.Item
        name="terminalId"
        label={`${t('field.terminal')}${t('optional')}`}
        rules={[{ pattern: TERMINAL_ID, message: t('terminalInvalid') }]}
      >
        <Input maxLength={8} data-testid="ticket-terminal-id" />
      </Form.Item>
    </>
  );
}

export function NewTicketPage({ search }: { readonly search: NewTicketSearch }) {
  const { t } = useTranslation('merchant.tickets');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Fields>();
  const open = useOpenTicket();
  const key = useIdempotencyKey();
  const onFinish = (fields: Fields) => {
    const body = requestOf(fields);
    open.mutate(
      { body, idempotencyKey: key.keyFor(body) },
      {
        onSuccess: (ticket) => {
          key.reset();
          void message.success(t('opened', { ticketNo: ticket.ticketNo }));
          void navigate({ to: `/merchant/tickets/${ticket.id}` });
        },
        onError: (error) => {
          const name = fieldOf(error);
          if (name) form.setFields([{ name, errors: [error.message] }]);
        },
      },
    );
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Link to="/merchant/tickets">{t('title')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('newTicket')}
      </Typography.Title>
      <Card size="small">
        <ErrorAlert error={open.error} />
        <Form<Fields> form={form} layout="vertical" initialValues={search} onFinish={onFinish}>
          <TicketFields />
          <Button
            type="primary"
            htmlType="submit"
            loading={open.isPending}
            data-testid="ticket-submit"
          >
            {t('submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
