// The proposal of a rate change (提议调价): one merchant's or a fee plan's rate of a service, from
// a date at least the notice period ahead (00:00 Beijing time), with a reason. A refusal naming a
// field is shown on that field.
import { Service } from '@shoudan/contracts';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, newIdempotencyKey } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { parseYuan } from '../../common/money.ts';
import { useServerStatus } from '../shared/api.ts';
import {
  earliestEffectiveDate,
  NOTICE_DAYS,
  percentToBps,
  shanghaiMidnight,
} from '../shared/format.ts';
import { MerchantPicker } from '../shared/MerchantPicker.tsx';
import { schemaRule } from '../shared/rules.ts';
import { useProposeRateChange } from './api.ts';

type Fields = {
  scope: 'merchant' | 'plan';
  merchantId?: string;
  feePlanId?: string;
  service?: Service;
  ratePercent?: number;
  capYuan?: string;
  effectiveDate?: Dayjs;
  reason?: string;
};

/** Where the API's `param` goes in this form. */
const FIELD_OF: Record<string, keyof Fields> = {
  merchantId: 'merchantId',
  feePlanId: 'feePlanId',
  service: 'service',
  rateBps: 'ratePercent',
  capFen: 'capYuan',
  effectiveFrom: 'effectiveDate',
  reason: 'reason',
};

function requestOf(fields: Fields) {
  const capFen = fields.capYuan?.trim() ? String(parseYuan(fields.capYuan) ?? '') : null;
  return {
    ...(fields.scope === 'merchant'
      ? { merchantId: fields.merchantId ?? '' }
      : { feePlanId: (fields.feePlanId ?? '').trim() }),
    service: fields.service ?? 'card_debit',
    rateBps: percentToBps(fields.ratePercent) ?? -1,
    capFen,
    effectiveFrom: shanghaiMidnight(fields.effectiveDate?.format('YYYY-MM-DD') ?? ''),
    reason: (fields.reason ?? '').trim(),
  };
}

function useSubmit(form: ReturnType<typeof Form.useForm<Fields>>[0], onDone: () => void) {
  const { t } = useTranslation('ops.rate-changes');
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdempotencyKey);
  const propose = useProposeRateChange();
  const submit = (fields: Fields) =>
    propose.mutate(
      { body: requestOf(fields), key },
      {
        onSuccess: (application) => {
          void message.success(t('proposed', { no: application.applicationNo }));
          setKey(newIdempotencyKey());
          onDone();
        },
        onError: (error) => {
          const field =
            error instanceof ApiError && error.param ? FIELD_OF[error.param] : undefined;
          if (field) form.setFields([{ name: field, errors: [error.message] }]);
        },
      },
    );
  return { submit, propose };
}

function TargetFields({ scope }: { readonly scope: Fields['scope'] }) {
  const { t } = useTranslation('ops.rate-changes');
  return (
    <>
      <Form.Item name="scope" label={t('scope')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'merchant', label: t('scopes.merchant') },
            { value: 'plan', label: t('scopes.plan') },
          ]}
          data-testid="rate-scope"
        />
      </Form.Item>
      {scope === 'merchant' ? (
        <Form.Item
          name="merchantId"
          label={t('merchant')}
          rules={[{ required: true, message: t('merchantRule') }]}
        >
          <MerchantPicker testId="rate-merchant" />
        </Form.Item>
      ) : (
        <Form.Item
          name="feePlanId"
          label={t('feePlanId')}
          required
          rules={[schemaRule(z.uuid(), t('feePlanRule'))]}
        >
          <Input data-testid="rate-plan" autoComplete="off" />
        </Form.Item>
      )}
    </>
  );
}

function RateFields() {
  const { t } = useTranslation('ops.rate-changes');
  const rate = (_: unknown, v: number | undefined) =>
    percentToBps(v) !== undefined ? Promise.resolve() : Promise.reject(new Error(t('rateRule')));
  const cap = (_: unknown, v: string | undefined) =>
    !v?.trim() || parseYuan(v) !== undefined
      ? Promise.resolve()
      : Promise.reject(new Error(t('capRule')));
  return (
    <>
      <Form.Item
        name="service"
        label={t('service')}
        rules={[{ required: true, message: t('serviceRule') }]}
      >
        <Select
          options={Service.options.map((s) => ({ value: s, label: t(`ops.shared:services.${s}`) }))}
          data-testid="rate-service"
        />
      </Form.Item>
      <Form.Item name="ratePercent" label={t('ratePercent')} required rules={[{ validator: rate }]}>
        <InputNumber
          min={0}
          max={100}
          step={0.01}
          precision={2}
          suffix="%"
          style={{ width: '100%' }}
          data-testid="rate-percent"
        />
      </Form.Item>
      <Form.Item name="capYuan" label={t('capYuan')} rules={[{ validator: cap }]}>
        <Input inputMode="decimal" data-testid="rate-cap" />
      </Form.Item>
    </>
  );
}

function WhenFields() {
  const { t } = useTranslation('ops.rate-changes');
  const status = useServerStatus();
  const earliest = status.data ? earliestEffectiveDate(status.data.now, NOTICE_DAYS) : undefined;
  return (
    <>
      <Form.Item
        name="effectiveDate"
        label={t('effectiveDate')}
        extra={earliest ? t('notice', { days: NOTICE_DAYS, date: earliest }) : undefined}
        rules={[{ required: true, message: t('effectiveRule') }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => earliest !== undefined && d.format('YYYY-MM-DD') < earliest}
          defaultPickerValue={earliest ? dayjs(earliest) : undefined}
          data-testid="rate-effective"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('reason')}
        rules={[{ required: true, whitespace: true, max: 500, message: t('reasonRule') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="rate-reason" />
      </Form.Item>
    </>
  );
}

export function ProposeDrawer({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('ops.rate-changes');
  const wide = Grid.useBreakpoint().md;
  const [form] = Form.useForm<Fields>();
  const scope = Form.useWatch('scope', form) ?? 'merchant';
  const { submit, propose } = useSubmit(form, onClose);
  const fieldError = propose.error instanceof ApiError && propose.error.param;
  return (
    <Drawer
      open={open}
      onClose={() => {
        propose.reset();
        onClose();
      }}
      title={t('proposeTitle')}
      size={wide ? 520 : '100%'}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('proposeHint')} style={{ marginBottom: 16 }} />
      {propose.error && !fieldError ? <ErrorAlert error={propose.error} /> : null}
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ scope: 'merchant' }}
        preserve={false}
      >
        <TargetFields scope={scope} />
        <RateFields />
        <WhenFields />
        <Button
          type="primary"
          htmlType="submit"
          loading={propose.isPending}
          block
          data-testid="rate-submit"
        >
          {t('submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
