// The 撤销服务 / 开通服务 form (the services it may name, a reason) and its confirmation, which says
// that nothing changes until a reviewer approves. Sent with one Idempotency-Key per action.
import type { Service, ServiceBody } from '@shoudan/contracts';
import {
  App,
  Checkbox,
  Form,
  Input,
  Modal,
  Space,
  type ButtonProps,
  type FormInstance,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useIdempotencyKey } from '../applications/idempotency.ts';
import { useServiceChange, type ServiceChange } from './api.ts';

type Fields = { readonly services: Service[]; readonly reason: string };

const POINTS = ['pending', 'approved', 'back'] as const;

const testId = (id: string) => ({ 'data-testid': id }) as ButtonProps;

/** An error that names `services.N` belongs to the services field. */
function showOnFields(form: FormInstance<Fields>, error: unknown): void {
  if (error instanceof ApiError && error.param?.startsWith('services')) {
    form.setFields([{ name: 'services', errors: [error.body.message] }]);
  }
}

function ChangeFields(props: { readonly eligible: readonly Service[] }) {
  const { t } = useTranslation('merchant.services');
  return (
    <>
      <Form.Item
        name="services"
        label={t('services')}
        rules={[{ required: true, type: 'array', min: 1, message: t('servicesRequired') }]}
      >
        <Checkbox.Group>
          <Space orientation="vertical">
            {props.eligible.map((code) => (
              <Checkbox key={code} value={code} data-testid={`service-option-${code}`}>
                {t(`name.${code}`)}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('reason')}
        rules={[
          { required: true, whitespace: true, message: t('reasonRequired') },
          { max: 500, message: t('reasonTooLong') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="service-reason" />
      </Form.Item>
    </>
  );
}

export type ServiceChangeModalProps = {
  readonly change: ServiceChange;
  readonly services: readonly ServiceBody[];
  /** The services ticked when the form opens. */
  readonly initial: readonly Service[];
  /** Which services the change may name (canRevoke / canActivate). */
  readonly eligible: (service: ServiceBody) => boolean;
  readonly onClose: () => void;
};

export function ServiceChangeModal(props: ServiceChangeModalProps) {
  const { t } = useTranslation('merchant.services');
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [confirming, setConfirming] = useState<Fields | null>(null);
  const submit = useServiceChange();
  const key = useIdempotencyKey();
  const eligible = props.services.filter(props.eligible).map((s) => s.service);
  const revoke = props.change === 'revoke';
  const send = (fields: Fields) => {
    const body = { services: fields.services, reason: fields.reason.trim() };
    const idempotencyKey = key.keyFor({ change: props.change, ...body });
    submit.mutate(
      { change: props.change, body, idempotencyKey },
      {
        onSuccess: (application) => {
          key.reset();
          void message.success(t('submitted', { applicationNo: application.applicationNo }));
          props.onClose();
        },
        onError: (error) => showOnFields(form, error),
        onSettled: () => setConfirming(null),
      },
    );
  };
  return (
    <Modal
      open
      title={t(revoke ? 'revokeTitle' : 'activateTitle')}
      okText={t('submit')}
      cancelText={t('common:cancel')}
      okButtonProps={{ ...testId('service-submit'), disabled: eligible.length === 0 }}
      onOk={() => void form.validateFields().then(setConfirming, () => undefined)}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <ErrorAlert error={submit.error} />
      {eligible.length === 0 ? (
        <p>{t(revoke ? 'noneEligibleRevoke' : 'noneEligibleActivate')}</p>
      ) : (
        <Form<Fields>
          form={form}
          layout="vertical"
          initialValues={{ services: props.initial.filter((s) => eligible.includes(s)) }}
        >
          <ChangeFields eligible={eligible} />
        </Form>
      )}
      <ConfirmChange
        change={props.change}
        fields={confirming}
        pending={submit.isPending}
        onOk={send}
        onCancel={() => setConfirming(null)}
      />
    </Modal>
  );
}

function ConfirmChange(props: {
  readonly change: ServiceChange;
  readonly fields: Fields | null;
  readonly pending: boolean;
  readonly onOk: (fields: Fields) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation('merchant.services');
  const revoke = props.change === 'revoke';
  const names = (props.fields?.services ?? []).map((s) => t(`name.${s}`)).join(t('separator'));
  return (
    <Modal
      open={props.fields !== null}
      title={t(revoke ? 'confirmRevokeTitle' : 'confirmActivateTitle')}
      okText={t('confirmOk')}
      cancelText={t('common:cancel')}
      okButtonProps={{ ...testId('service-confirm'), danger: revoke }}
      confirmLoading={props.pending}
      onOk={() => props.fields && props.onOk(props.fields)}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <p>{t(revoke ? 'confirmRevoke' : 'confirmActivate', { services: names })}</p>
      <ul style={{ paddingInlineStart: 20 }}>
        {POINTS.map((point) => (
          <li key={point}>{t(`point.${props.change}.${point}`)}</li>
        ))}
      </ul>
    </Modal>
  );
}
