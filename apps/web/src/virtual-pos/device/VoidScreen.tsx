// 撤销交易: the supervisor password (主管密码), then the original sale by its voucher number or
// picked from the open batch's sales listed by time; the original is shown before 确认.
import type { PosJournalEntry, VirtualPosScreen, VirtualPosVoidRequest } from '@shoudan/contracts';
import { Alert, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaTime, fenText, VOUCHER_NO } from './checks.ts';
import { PosField, useFields } from './fields.tsx';
import { useKeypad } from './keypad.tsx';

type Name = 'supervisor' | 'voucher';

function VoidableList(props: {
  readonly sales: readonly PosJournalEntry[];
  readonly onPick: (voucherNo: string) => void;
}) {
  const { t } = useTranslation('virtual-pos.device');
  return (
    <div style={{ background: '#fff', marginBottom: 10, padding: 8 }}>
      <Typography.Text strong>{t('void.listTitle')}</Typography.Text>
      {props.sales.length === 0 && <Typography.Paragraph>{t('void.none')}</Typography.Paragraph>}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {props.sales.map((sale) => (
          <li key={sale.voucherNo}>
            <Button
              type="text"
              block
              onClick={() => props.onPick(sale.voucherNo)}
              style={{ display: 'flex', justifyContent: 'space-between', paddingInline: 8 }}
              data-testid={`pos-voidable-${sale.voucherNo}`}
            >
              <span>{chinaTime(sale.at)}</span>
              <span>{sale.voucherNo}</span>
              <span>{sale.maskedPan.slice(-4)}</span>
              <span>{fenText(sale.amountFen)}</span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The sale the voucher number names, as the terminal's journal has it, before 确认. */
function OriginalSale({ original }: { readonly original: PosJournalEntry | undefined }) {
  const { t } = useTranslation('virtual-pos.device');
  const text = original
    ? t('void.original', {
        voucherNo: original.voucherNo,
        card: original.maskedPan,
        amount: fenText(original.amountFen),
      })
    : t('void.unknown');
  return (
    <Alert type={original ? 'info' : 'warning'} title={text} data-testid="pos-void-original" />
  );
}

export function VoidScreen(props: {
  readonly screen: VirtualPosScreen;
  readonly onSubmit: (body: VirtualPosVoidRequest) => void;
  readonly onBack: () => void;
}) {
  const { t } = useTranslation('virtual-pos.device');
  const fields = useFields<Name>({ supervisor: '', voucher: '' }, 'supervisor');
  const [listing, setListing] = useState(false);
  const { supervisor, voucher } = fields.values;
  const ready = supervisor !== '' && VOUCHER_NO.test(voucher);
  const sales = props.screen.journal.filter((entry) => entry.voidable);
  const wanted = voucher.padStart(6, '0');
  const original = props.screen.journal.find((e) => e.kind === 'sale' && e.voucherNo === wanted);
  const submit = () => {
    if (ready) props.onSubmit({ voucherNo: voucher, supervisorPassword: supervisor });
  };
  useKeypad({
    onKey: (key) =>
      key === 'back' ? props.onBack() : key === 'confirm' ? submit() : fields.type(key),
    canConfirm: ready,
  });
  const pick = (voucherNo: string) => {
    fields.set('voucher', voucherNo);
    setListing(false);
  };
  return (
    <Form layout="vertical" requiredMark={false}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('void.title')}
      </Typography.Title>
      <PosField
        fields={fields}
        name="supervisor"
        label={t('field.supervisor')}
        testId="pos-supervisor"
        problem={null}
        help={t('field.supervisorHelp')}
        secret
      />
      <PosField
        fields={fields}
        name="voucher"
        label={t('field.voucher')}
        testId="pos-voucher"
        problem={VOUCHER_NO.test(voucher) ? null : t('invalid.voucher')}
        maxLength={6}
      />
      <Button
        block
        onClick={() => setListing(!listing)}
        data-testid="pos-menu-void-by-time"
        style={{ marginBottom: 10 }}
      >
        {t('void.byTime')}
      </Button>
      {listing && <VoidableList sales={sales} onPick={pick} />}
      {ready && <OriginalSale original={original} />}
    </Form>
  );
}
