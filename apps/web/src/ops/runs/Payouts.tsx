// Finance's record of payouts paid (打款确认): the bank confirmed that a merchant's payouts up to a
// business date arrived, so their settlements become paid (what deregistration waits for).
import { App, Button, Card, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { MerchantPicker } from '../shared/MerchantPicker.tsx';
import { usePayoutsPaid } from './api.ts';

type Fields = { merchantId?: string; upTo?: Dayjs; bankReference?: string };

/** Records the form's payouts as paid, one Idempotency-Key per recorded answer. */
function usePayoutsSubmit() {
  const { t } = useTranslation('ops.runs');
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdempotencyKey);
  const paid = usePayoutsPaid();
  const submit = (fields: Fields) =>
    paid.mutate(
      {
        body: {
          merchantId: fields.merchantId ?? '',
          upTo: fields.upTo?.format('YYYY-MM-DD') ?? '',
          bankReference: (fields.bankReference ?? '').trim(),
        },
        key,
      },
      {
        onSuccess: (result) => {
          void message.success(t('payoutsDone', { count: result.settlementsPaid }));
          setKey(newIdempotencyKey());
        },
      },
    );
  return { paid, submit };
}

export function Payouts() {
  const { t } = useTranslation('ops.runs');
  const [form] = Form.useForm<Fields>();
  const { paid, submit } = usePayoutsSubmit();
  return (
    <Card title={t('payouts')} variant="outlined">
      <Typography.Paragraph type="secondary">{t('payoutsHint')}</Typography.Paragraph>
      <ErrorAlert error={paid.error} />
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => paid.reset()}
      >
        <Form.Item
          name="merchantId"
          label={t('payoutsMerchant')}
          rules={[{ required: true, message: t('payoutsMerchantRule') }]}
        >
          <MerchantPicker testId="payouts-merchant" />
        </Form.Item>
        <Form.Item
          name="upTo"
          label={t('payoutsDate')}
          rules={[{ required: true, message: t('payoutsDateRule') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="payouts-date" />
        </Form.Item>
        <Form.Item
          name="bankReference"
          label={t('payoutsReference')}
          rules={[
            { required: true, whitespace: true, max: 64, message: t('payoutsReferenceRule') },
          ]}
        >
          <Input data-testid="payouts-reference" autoComplete="off" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={paid.isPending}
          data-testid="payouts-submit"
        >
          {t('payoutsSubmit')}
        </Button>
      </Form>
      {paid.data && (
        <Typography.Paragraph style={{ marginTop: 12 }} data-testid="payouts-result">
          {t('payoutsDone', { count: paid.data.settlementsPaid })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
