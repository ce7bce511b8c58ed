// The dialog of one terminal action: report lost (a confirmation, an optional note; frozen at once)
// or a replacement / return (a reason; an application ops review). One Idempotency-Key per opening,
// so a retried submit cannot freeze twice or file two applications.
import type { ApplicationBody, TerminalBody } from '@shoudan/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, newIdempotencyKey } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import type { TerminalAction } from './terminal-actions.ts';

export type PendingAction = { readonly action: TerminalAction; readonly terminalId: string };

export type ActionResult =
  | { readonly action: 'reportLost'; readonly terminal: TerminalBody }
  | { readonly action: 'replacement' | 'return'; readonly application: ApplicationBody };

type Fields = { readonly text?: string };

const PATH: Record<TerminalAction, string> = {
  reportLost: 'report-lost',
  replacement: 'replacement',
  return: 'return',
};

async function submit(pending: PendingAction, text: string, key: string): Promise<ActionResult> {
  const path = `/v1/merchant/terminals/${pending.terminalId}/${PATH[pending.action]}`;
  if (pending.action === 'reportLost') {
    const body = text === '' ? {} : { note: text };
    const terminal = await api.post<TerminalBody>(path, body, { idempotencyKey: key });
    return { action: 'reportLost', terminal };
  }
  const application = await api.post<ApplicationBody>(
    path,
    { reason: text },
    { idempotencyKey: key },
  );
  return { action: pending.action, application };
}

export type TerminalActionDialogProps = {
  readonly pending: PendingAction;
  readonly onClose: () => void;
  readonly onDone: (result: ActionResult) => void;
};

/** Mounted afresh for each action (the parent keys it), so its key and form start clean. */
export function TerminalActionDialog({ pending, onClose, onDone }: TerminalActionDialogProps) {
  const { t } = useTranslation('merchant.terminals');
  const [form] = Form.useForm<Fields>();
  const [key] = useState(newIdempotencyKey);
  const lost = pending.action === 'reportLost';
  const mutation = useMutation({
    mutationFn: (text: string) => submit(pending, text, key),
    onSuccess: onDone,
    onError: (error) => {
      if (error instanceof ApiError && error.param === 'reason') {
        form.setFields([{ name: 'text', errors: [error.body.message] }]);
      }
    },
  });
  const { terminalId } = pending;
  const title = lost
    ? t('dialog.reportLostTitle', { terminalId })
    : t(`dialog.${pending.action}Title`, { terminalId });
  const text = lost ? t('dialog.reportLostText') : t(`dialog.${pending.action}Text`);
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common:cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={lost}
          loading={mutation.isPending}
          onClick={() => form.submit()}
          data-testid="terminal-action-confirm"
        >
          {lost ? t('dialog.reportLostOk') : t('dialog.submit')}
        </Button>,
      ]}
    >
      {lost ? (
        <Alert type="warning" showIcon title={text} style={{ marginBottom: 16 }} />
      ) : (
        <Typography.Paragraph>{text}</Typography.Paragraph>
      )}
      <ErrorAlert error={mutation.error} />
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={(f) => mutation.mutate((f.text ?? '').trim())}
      >
        <Form.Item
          name="text"
          label={lost ? t('dialog.note') : t('dialog.reason')}
          rules={[
            ...(lost
              ? []
              : [{ required: true, whitespace: true, message: t('dialog.reasonRequired') }]),
            { max: 500, message: t('dialog.reasonTooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="terminal-action-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
