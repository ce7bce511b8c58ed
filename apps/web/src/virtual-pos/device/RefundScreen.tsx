// 退货: the supervisor password, the card, the original's RRN and date (from its slip, or picked
// from this terminal's settled sales) and the amount to give back.
import type { PosJournalEntry, VirtualPosRefundRequest } from '@shoudan/contracts';
import { Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountFenOf, CARD_NO, fenText, MMDD, RRN, yuanText } from './checks.ts';
import { type Fields, PosField, useFields } from './fields.tsx';
import { useKeypad } from './keypad.tsx';
import { CardPicks } from './SaleScreen.tsx';

type Name = 'supervisor' | 'card' | 'rrn' | 'date' | 'amount';

function SettledPick(props: {
  readonly sales: readonly PosJournalEntry[];
  readonly fields: Fields<Name>;
}) {
  const { t } = useTranslation('virtual-pos.device');
  if (props.sales.length === 0) {
    return <Typography.Paragraph type="secondary">{t('refund.noSettled')}</Typography.Paragraph>;
  }
  const pick = (rrn: string) => {
    const sale = props.sales.find((s) => s.rrn === rrn);
    if (!sale) return;
    props.fields.set('rrn', sale.rrn);
    props.fields.set('date', sale.hostDate ?? '');
    props.fields.set('amount', yuanText(sale.amountFen));
  };
  return (
    <Form.Item label={t('refund.pickSettled')} htmlFor="pos-refund-pick">
      <Select
        id="pos-refund-pick"
        data-testid="pos-refund-pick"
        onChange={pick}
        options={props.sales.map((sale) => ({
          value: sale.rrn,
          label: `${sale.rrn} ${sale.maskedPan.slice(-4)} ${fenText(sale.amountFen)}`,
        }))}
      />
    </Form.Item>
  );
}

export function RefundScreen(props: {
  readonly settledSales: readonly PosJournalEntry[];
  readonly onSubmit: (body: VirtualPosRefundRequest) => void;
  readonly onBack: () => void;
}) {
  const { t } = useTranslation('virtual-pos.device');
  const empty = { supervisor: '', card: '', rrn: '', date: '', amount: '' };
  const fields = useFields<Name>(empty, 'supervisor');
  const { supervisor, card, rrn, date, amount } = fields.values;
  const amountFen = amountFenOf(amount);
  const problems: Record<Name, string | null> = {
    supervisor: null,
    card: CARD_NO.test(card) ? null : t('invalid.card'),
    rrn: RRN.test(rrn) ? null : t('invalid.rrn'),
    date: MMDD.test(date) ? null : t('invalid.originalDate'),
    amount: amountFen === undefined ? t('invalid.amount') : null,
  };
  const ready = supervisor !== '' && Object.values(problems).every((p) => p === null);
  const submit = () => {
    if (!ready || amountFen === undefined) return;
    const body = { cardNo: card, originalReferenceNo: rrn, originalDate: date, amountFen };
    props.onSubmit({ ...body, supervisorPassword: supervisor });
  };
  useKeypad({
    onKey: (key) =>
      key === 'back' ? props.onBack() : key === 'confirm' ? submit() : fields.type(key),
    canConfirm: ready,
  });
  const field = (name: Name, label: string, testId: string, extra: object = {}) => (
    <PosField
      fields={fields}
      name={name}
      label={label}
      testId={testId}
      problem={problems[name]}
      {...extra}
    />
  );
  return (
    <Form layout="vertical" requiredMark={false}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('refund.title')}
      </Typography.Title>
      {field('supervisor', t('field.supervisor'), 'pos-supervisor', {
        secret: true,
        help: t('field.supervisorHelp'),
      })}
      {field('card', t('field.card'), 'pos-card')}
      <CardPicks fields={fields} name="card" />
      <SettledPick sales={props.settledSales} fields={fields} />
      {field('rrn', t('field.rrn'), 'pos-rrn', { maxLength: 12 })}
      {field('date', t('field.originalDate'), 'pos-original-date', { maxLength: 4 })}
      {field('amount', t('field.refundAmount'), 'pos-amount')}
    </Form>
  );
}
