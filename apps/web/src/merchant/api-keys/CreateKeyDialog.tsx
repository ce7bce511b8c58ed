// Creating a secret key: a name, then the secret shown this once, copyable, with a warning that it
// cannot be shown again.
import type { ApiKeyCreated } from '@shoudan/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';

type Fields = { readonly name: string };

export type CreateKeyDialogProps = {
  readonly onClose: () => void;
  readonly onCreated: () => void;
};

function Secret({
  created,
  onClose,
}: {
  readonly created: ApiKeyCreated;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('merchant.api-keys');
  return (
    <Modal
      open
      title={t('createdTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-secret-done">
          {t('done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('createdWarning')} style={{ marginBottom: 16 }} />
      <Typography.Text type="secondary">{t('secret')}</Typography.Text>
      <Typography.Paragraph
        copyable={{ text: created.secret }}
        code
        style={{ wordBreak: 'break-all' }}
        data-testid="api-key-secret"
      >
        {created.secret}
      </Typography.Paragraph>
    </Modal>
  );
}

/** Mounted afresh for each creation (the parent renders it only while open). */
export function CreateKeyDialog({ onClose, onCreated }: CreateKeyDialogProps) {
  const { t } = useTranslation('merchant.api-keys');
  const [form] = Form.useForm<Fields>();
  const mutation = useMutation({
    mutationFn: (fields: Fields) =>
      api.post<ApiKeyCreated>('/v1/merchant/api-keys', { name: fields.name.trim() }),
    onSuccess: onCreated,
    onError: (error) => {
      if (error instanceof ApiError && error.param === 'name') {
        form.setFields([{ name: 'name', errors: [error.body.message] }]);
      }
    },
  });
  if (mutation.data) return <Secret created={mutation.data} onClose={onClose} />;
  return (
    <Modal
      open
      title={t('create')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common:cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={mutation.isPending}
          onClick={() => form.submit()}
          data-testid="api-key-create-submit"
        >
          {t('create')}
        </Button>,
      ]}
    >
      <ErrorAlert error={mutation.error} />
      <Form<Fields> form={form} layout="vertical" onFinish={(f) => mutation.mutate(f)}>
        <Form.Item
          name="name"
          label={t('name')}
          rules={[
            { required: true, whitespace: true, message: t('nameRequired') },
            { max: 64, message: t('nameTooLong') },
          ]}
        >
          <Input
            placeholder={t('namePlaceholder')}
            maxLength={64}
            autoFocus
            data-testid="api-key-name"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
