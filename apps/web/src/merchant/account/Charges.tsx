// What the merchant paid (押金 deposit, 服务费 service fees) and, once closed, what each refunded;
// and the refund estimate the checklist gives.
import type { ChargeBody, RefundEstimateBody } from '@shoudan/contracts';
import { Card, Descriptions, Grid, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { addFen, fenText, instantText } from '../applications/format.ts';

function useChargeColumns(refunds: boolean): TableProps<ChargeBody>['columns'] {
  const { t } = useTranslation(['merchant.account', 'merchant.services']);
  const wide = Grid.useBreakpoint().md === true;
  const kind = {
    key: 'kind',
    title: t('charge.kind'),
    render: (_: unknown, c: ChargeBody) =>
      c.service
        ? `${t(`charge.${c.kind}`)} · ${t(`merchant.services:name.${c.service}`)}`
        : t(`charge.${c.kind}`),
  };
  const amount = {
    key: 'amount',
    title: t('charge.amount'),
    align: 'right' as const,
    render: (_: unknown, c: ChargeBody) => fenText(c.amountFen),
  };
  const covers = {
    key: 'covers',
    title: t('charge.covers'),
    render: (_: unknown, c: ChargeBody) =>
      c.coversFrom && c.coversUntil ? `${c.coversFrom} ~ ${c.coversUntil}` : '—',
  };
  const paidAt = {
    key: 'paidAt',
    title: t('charge.paidAt'),
    render: (_: unknown, c: ChargeBody) => instantText(c.paidAt),
  };
  const refund = {
    key: 'refund',
    title: t('charge.refund'),
    align: 'right' as const,
    render: (_: unknown, c: ChargeBody) => fenText(c.refundFen),
  };
  const refundedAt = {
    key: 'refundedAt',
    title: t('charge.refundedAt'),
    render: (_: unknown, c: ChargeBody) => instantText(c.refundedAt),
  };
  // The estimate sits in a narrow column: the kind, the amount and the period are enough there.
  if (!refunds) return wide ? [kind, amount, covers] : [kind, amount];
  return wide ? [kind, amount, refund, covers, paidAt, refundedAt] : [kind, amount, refund];
}

export function ChargesTable(props: {
  readonly charges: readonly ChargeBody[];
  readonly refunds: boolean;
}) {
  const columns = useChargeColumns(props.refunds);
  return (
    <Table<ChargeBody>
      rowKey="id"
      size="small"
      dataSource={[...props.charges]}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}

export function RefundEstimate(props: {
  readonly estimate: RefundEstimateBody;
  readonly charges: readonly ChargeBody[];
}) {
  const { t } = useTranslation('merchant.account');
  const { depositRefundFen, feeRefundFen, asOf } = props.estimate;
  const total = addFen(depositRefundFen, feeRefundFen);
  return (
    <Card title={t('estimate')} size="small">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'deposit', label: t('depositRefund'), children: fenText(depositRefundFen) },
          { key: 'fee', label: t('feeRefund'), children: fenText(feeRefundFen) },
          {
            key: 'total',
            label: t('refundTotal'),
            children: (
              <Typography.Text strong data-testid="refund-estimate-total">
                {fenText(total)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary">{t('estimateAsOf', { asOf })}</Typography.Paragraph>
      {props.charges.length > 0 && (
        <>
          <Typography.Text strong>{t('charges')}</Typography.Text>
          <ChargesTable charges={props.charges} refunds={false} />
        </>
      )}
    </Card>
  );
}
