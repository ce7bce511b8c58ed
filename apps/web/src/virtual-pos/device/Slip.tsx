// The 签购单 as the POS prints it: merchant copy, masked card number (6+4 from the API), type,
// batch and voucher, date and time, RRN, auth code, the original for voids and refunds, amount.
import type { PosSlip } from '@shoudan/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../common/money.ts';

const PAPER_STYLE = {
  width: '100%',
  maxWidth: 340,
  background: '#fffef8',
  padding: '16px 14px',
  fontFamily: '"Courier New", ui-monospace, monospace',
  fontSize: 13,
  lineHeight: 1.6,
  boxShadow: '0 4px 14px rgba(0, 0, 0, 0.18)',
  borderTop: '6px dashed #d9d9d9',
  overflowWrap: 'anywhere',
} as const;

const RULE = <div style={{ borderTop: '1px dashed #8c8c8c', margin: '6px 0' }} />;

function Line(props: { readonly label: string; readonly children: ReactNode; testId?: string }) {
  return (
    <div>
      {props.label}: <span data-testid={props.testId}>{props.children}</span>
    </div>
  );
}

export function Slip({ slip }: { readonly slip: PosSlip }) {
  const { t } = useTranslation('virtual-pos.device');
  const fen = BigInt(slip.amountFen);
  const signed = slip.kind === 'sale' ? fen : -fen;
  return (
    <div style={PAPER_STYLE} data-testid="pos-slip" role="document" aria-label={t('slip.title')}>
      <div style={{ textAlign: 'center', fontWeight: 700 }}>{t('slip.title')}</div>
      <div>{t('slip.copy')}</div>
      {RULE}
      <Line label={t('slip.merchantName')}>{slip.merchantName}</Line>
      <Line label={t('slip.merchantNo')}>{slip.merchantNo}</Line>
      <Line label={t('slip.terminalId')}>{slip.terminalId}</Line>
      <Line label={t('slip.operator')}>{slip.operatorNo}</Line>
      {RULE}
      <Line label={t('slip.card')} testId="pos-slip-card">
        {slip.maskedPan} /{slip.entryMark}
      </Line>
      <Line label={t('slip.type')} testId="pos-slip-kind">
        {t(`slip.kind.${slip.kind}`)}
      </Line>
      <Line label={t('slip.batch')}>{slip.batchNo}</Line>
      <Line label={t('slip.voucher')} testId="pos-slip-voucher">
        {slip.voucherNo}
      </Line>
      <Line label={t('slip.dateTime')}>{slip.dateTime}</Line>
      <Line label={t('slip.rrn')} testId="pos-slip-rrn">
        {slip.rrn}
      </Line>
      {slip.authCode && <Line label={t('slip.authCode')}>{slip.authCode}</Line>}
      {slip.originalVoucherNo && (
        <Line label={t('slip.originalVoucher')}>{slip.originalVoucherNo}</Line>
      )}
      {slip.originalRrn && <Line label={t('slip.originalRrn')}>{slip.originalRrn}</Line>}
      {slip.originalDate && <Line label={t('slip.originalDate')}>{slip.originalDate}</Line>}
      <div style={{ fontWeight: 700, fontSize: 16 }}>
        <Line label={t('slip.amount')} testId="pos-slip-amount">
          {formatFen(signed)}
        </Line>
      </div>
      {RULE}
      {slip.note && <Line label={t('slip.note')}>{slip.note}</Line>}
      <div>{t('slip.signature')}:</div>
      <div style={{ height: 36, borderBottom: '1px solid #595959' }} />
      <div style={{ fontSize: 11 }}>{t('slip.confirm')}</div>
    </div>
  );
}
