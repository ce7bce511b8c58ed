// Adding a webhook endpoint (URL and events), then its signing secret, shown this once.
import { App, Alert, Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useAddEndpoint } from './api.ts';
import { invalidEvent, isWebhookUrl, WEBHOOK_EVENTS } from './events.ts';

type Fields = { readonly url: string; readonly events: string[] };

const SUBMIT = { 'data-testid': 'webhook-submit' } as ButtonProps;
const SECRET_OK = { 'data-testid': 'webhook-secret-done' } as ButtonProps;

function EndpointFields() {
  const { t } = useTranslation('merchant.webhooks');
  return (
    <>
      <Form.Item
        name="url"
        label={t('url')}
        rules={[
          { required: true, whitespace: true, message: t('urlRequired') },
          {
            validator: (_, value: string | undefined) =>
              !value || isWebhookUrl(value.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('urlInvalid'))),
          },
        ]}
      >
        <Input placeholder="https://" inputMode="url" data-testid="webhook-url" />
      </Form.Item>
      <Form.Item
        name="events"
        label={t('events')}
        extra={t('eventsHelp')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('eventsRequired') },
          {
            validator: (_, value: string[] | undefined) => {
              const bad = invalidEvent(value ?? []);
              return bad === undefined
                ? Promise.resolve()
                : Promise.reject(new Error(t('eventInvalid', { event: bad })));
            },
          },
        ]}
      >
        <Select
          mode="tags"
          options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: e === '*' ? t('allEvents') : e }))}
          data-testid="webhook-events"
        />
      </Form.Item>
    </>
  );
}

export function AddEndpointModal({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation('merchant.webhooks');
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const add = useAddEndpoint();
  const [secret, setSecret] = useState<string | null>(null);
  const onFinish = (fields: Fields) =>
    add.mutate(
      { url: fields.url.trim(), events: fields.events },
      {
        onSuccess: (created) => {
          void message.success(t('created'));
          setSecret(created.secret);
        },
      },
    );
  if (secret !== null) {
    return (
      <Modal
        open
        title={t('secretTitle')}
        okText={t('secretDone')}
        okButtonProps={SECRET_OK}
        cancelButtonProps={{ style: { display: 'none' } }}
        onOk={onClose}
        onCancel={onClose}
      >
        <Alert type="warning" showIcon title={t('secretOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="webhook-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={t('addTitle')}
      okText={t('add')}
      cancelText={t('common:cancel')}
      okButtonProps={SUBMIT}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={add.error} />
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ events: ['*'] }}
      >
        <EndpointFields />
      </Form>
    </Modal>
  );
}
