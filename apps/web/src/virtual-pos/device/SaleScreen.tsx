// 消费: the amount, the card (keyed, swiped as a track 2, or one of the test cards), its expiry
// and the cardholder's PIN; 确认 sends it once everything typed is acceptable.
import type { VirtualPosSaleRequest } from '@shoudan/contracts';
import { Button, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountFenOf, CARD_NO, EXPIRY, optional, PIN, TEST_CARDS } from './checks.ts';
import { type Fields, PosField, useFields } from './fields.tsx';
import { useKeypad } from './keypad.tsx';

type Name = 'amount' | 'card' | 'expiry' | 'pin';

/** The test cards as quick picks; a cashier may type any other number too. */
export function CardPicks<K extends string>({
  fields,
  name,
}: {
  readonly fields: Fields<K>;
  readonly name: K;
}) {
  const { t } = useTranslation('virtual-pos.device');
  return (
    <div style={{ marginBottom: 10 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('testCards')}
      </Typography.Text>
      <Space size={[4, 4]} wrap>
        {TEST_CARDS.map((card) => (
          <Button
            key={card.key}
            size="small"
            onClick={() => fields.set(name, card.cardNo)}
            data-testid={`pos-card-pick-${card.key}`}
          >
            {t(`cards.${card.key}`)} ·{card.cardNo.slice(-4)}
          </Button>
        ))}
      </Space>
    </div>
  );
}

export function SaleScreen(props: {
  readonly onSubmit: (body: VirtualPosSaleRequest) => void;
  readonly onBack: () => void;
}) {
  const { t } = useTranslation('virtual-pos.device');
  const fields = useFields<Name>({ amount: '', card: '', expiry: '', pin: '' }, 'amount');
  const { amount, card, expiry, pin } = fields.values;
  const amountFen = amountFenOf(amount);
  const problems = {
    amount: amountFen === undefined ? t('invalid.amount') : null,
    card: CARD_NO.test(card) ? null : t('invalid.card'),
    expiry: optional(EXPIRY, expiry) ? null : t('invalid.expiry'),
    pin: optional(PIN, pin) ? null : t('invalid.pin'),
  };
  const ready = Object.values(problems).every((problem) => problem === null);
  const submit = () => {
    if (!ready || amountFen === undefined) return;
    props.onSubmit({
      amountFen,
      cardNo: card,
      ...(expiry === '' || card.includes('=') ? {} : { expiry }),
      ...(pin === '' ? {} : { pin }),
    });
  };
  useKeypad({
    onKey: (key) =>
      key === 'back' ? props.onBack() : key === 'confirm' ? submit() : fields.type(key),
    canConfirm: ready,
  });
  const field = (name: Name, label: string, testId: string, secret = false) => (
    <PosField
      fields={fields}
      name={name}
      label={label}
      testId={testId}
      problem={problems[name]}
      secret={secret}
    />
  );
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('sale.title')}
      </Typography.Title>
      {field('amount', t('field.amount'), 'pos-amount')}
      {field('card', t('field.card'), 'pos-card')}
      <CardPicks fields={fields} name="card" />
      {field('expiry', t('field.expiry'), 'pos-expiry')}
      {field('pin', t('field.pin'), 'pos-pin', true)}
    </Form>
  );
}
