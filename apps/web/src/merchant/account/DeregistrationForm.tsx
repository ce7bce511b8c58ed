// The application to deregister: a reason, and a submit that stays disabled while any check fails
// (the API is never asked to refuse), behind a dialog that spells out what approval does.
import type { ChecklistBody } from '@shoudan/contracts';
import { App, Alert, Button, Card, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { addFen, fenText } from '../applications/format.ts';
import { useIdempotencyKey } from '../applications/idempotency.ts';
import { useSubmitDeregistration } from './api.ts';

type Fields = { readonly reason: string };

const CONFIRM_BUTTON = { danger: true, 'data-testid': 'deregistration-confirm' } as ButtonProps;
const CONSEQUENCES = ['closed', 'terminals', 'services', 'users', 'refund'] as const;

function ConfirmDialog(props: {
  readonly open: boolean;
  readonly pending: boolean;
  readonly total: string;
  readonly onOk: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation('merchant.account');
  return (
    <Modal
      open={props.open}
      title={t('confirmTitle')}
      okText={t('confirmOk')}
      cancelText={t('common:cancel')}
      okButtonProps={CONFIRM_BUTTON}
      confirmLoading={props.pending}
      onOk={props.onOk}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <p>{t('confirmIntro')}</p>
      <ul style={{ paddingInlineStart: 20 }}>
        {CONSEQUENCES.map((c) => (
          <li key={c}>{t(`consequence.${c}`, { total: props.total })}</li>
        ))}
      </ul>
      <Alert type="warning" showIcon title={t('confirmNote')} />
    </Modal>
  );
}

export function DeregistrationForm({ checklist }: { readonly checklist: ChecklistBody }) {
  const { t } = useTranslation('merchant.account');
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [confirming, setConfirming] = useState<string | null>(null);
  const submit = useSubmitDeregistration();
  const key = useIdempotencyKey();
  const { depositRefundFen, feeRefundFen } = checklist.refundEstimate;
  const onConfirm = (reason: string) => {
    const body = { reason };
    submit.mutate(
      { body, idempotencyKey: key.keyFor(body) },
      {
        onSuccess: (application) => {
          key.reset();
          void message.success(t('submitted', { applicationNo: application.applicationNo }));
        },
        onSettled: () => setConfirming(null),
      },
    );
  };
  return (
    <Card title={t('form')} size="small">
      <ErrorAlert error={submit.error} />
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={(fields) => setConfirming(fields.reason.trim())}
      >
        <Form.Item
          name="reason"
          label={t('reason')}
          rules={[
            { required: true, whitespace: true, message: t('reasonRequired') },
            { max: 500, message: t('reasonTooLong') },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('reasonPlaceholder')}
            data-testid="deregistration-reason"
          />
        </Form.Item>
        <Button
          type="primary"
          danger
          htmlType="submit"
          disabled={!checklist.passed}
          data-testid="deregistration-submit"
        >
          {t('submit')}
        </Button>
        {!checklist.passed && (
          <div style={{ marginTop: 8 }} role="note">
            {t('submitBlocked')}
          </div>
        )}
      </Form>
      <ConfirmDialog
        open={confirming !== null}
        pending={submit.isPending}
        total={fenText(addFen(depositRefundFen, feeRefundFen))}
        onOk={() => confirming !== null && onConfirm(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </Card>
  );
}
