// The 签购单 (slip) of a transaction as the terminal prints it: merchant copy, masked card
// number, type, batch and voucher, date and time, RRN, auth code, amount, signature line.
import { localDateTime } from './local-time.ts';
import type { SlipLanguage, TransactionKind, TransactionRecord } from './types.ts';

export interface SlipContext {
  readonly merchantName: string;
  readonly merchantNo: string;
  readonly terminalId: string;
  readonly utcOffsetMinutes: number;
  readonly lang: SlipLanguage;
}

type Label =
  | 'title'
  | 'copy'
  | 'merchantName'
  | 'merchantNo'
  | 'terminalId'
  | 'operator'
  | 'card'
  | 'type'
  | 'batch'
  | 'voucher'
  | 'dateTime'
  | 'rrn'
  | 'authCode'
  | 'originalVoucher'
  | 'originalRrn'
  | 'originalDate'
  | 'amount'
  | 'note'
  | 'signature'
  | 'confirm';

const LABELS: Readonly<Record<SlipLanguage, Readonly<Record<Label, string>>>> = {
  zh: {
    title: 'POS签购单',
    copy: '商户存根 MERCHANT COPY',
    merchantName: '商户名称',
    merchantNo: '商户编号',
    terminalId: '终端编号',
    operator: '操作员号',
    card: '卡号',
    type: '交易类型',
    batch: '批次号',
    voucher: '凭证号',
    dateTime: '日期/时间',
    rrn: '参考号',
    authCode: '授权码',
    originalVoucher: '原凭证号',
    originalRrn: '原参考号',
    originalDate: '原交易日期',
    amount: '金额',
    note: '备注',
    signature: '持卡人签名',
    confirm: '本人确认以上交易，同意将其记入本卡账户',
  },
  en: {
    title: 'POS SALES SLIP',
    copy: 'MERCHANT COPY 商户存根',
    merchantName: 'MERCHANT NAME',
    merchantNo: 'MERCHANT NO',
    terminalId: 'TERMINAL NO',
    operator: 'OPERATOR',
    card: 'CARD NO',
    type: 'TRANS TYPE',
    batch: 'BATCH NO',
    voucher: 'VOUCHER NO',
    dateTime: 'DATE/TIME',
    rrn: 'REF NO',
    authCode: 'AUTH NO',
    originalVoucher: 'ORIG VOUCHER NO',
    originalRrn: 'ORIG REF NO',
    originalDate: 'ORIG DATE',
    amount: 'AMOUNT',
    note: 'NOTE',
    signature: 'CARDHOLDER SIGNATURE',
    confirm: 'I ACKNOWLEDGE SATISFACTORY RECEIPT OF RELATIVE GOODS/SERVICES',
  },
};

const KINDS: Readonly<Record<SlipLanguage, Readonly<Record<TransactionKind, string>>>> = {
  zh: { sale: '消费', void: '消费撤销', refund: '退货' },
  en: { sale: 'SALE', void: 'VOID', refund: 'REFUND' },
};

const RULE = '-'.repeat(40);

/** `¥12.50`; voids and refunds give money back, so they print with a minus sign. */
export function formatAmount(amountFen: bigint, kind: TransactionKind): string {
  const yuan = `${amountFen / 100n}.${(amountFen % 100n).toString().padStart(2, '0')}`;
  return kind === 'sale' ? `¥${yuan}` : `-¥${yuan}`;
}

export type ReadMark = 'M' | 'S' | 'C';

/** How the card was read, as slips mark it after the number: S swiped, M keyed, C chip. */
export function readMark(entryMode: string): ReadMark {
  const marks: Readonly<Record<string, ReadMark>> = { '01': 'M', '02': 'S', '05': 'C', '07': 'C' };
  return marks[entryMode.slice(0, 2)] ?? 'M';
}

/** `YYYY/MM/DD hh:mm:ss` as the slip prints it: the host's date and time, the local year. */
export function slipDateTime(tx: TransactionRecord, offsetMinutes: number): string {
  const local = localDateTime(tx.at, offsetMinutes);
  const mmdd = tx.hostDate ?? local.mmdd;
  const time = tx.hostTime ?? local.time;
  const year = local.date.slice(0, 4);
  const clock = `${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}`;
  return `${year}/${mmdd.slice(0, 2)}/${mmdd.slice(2, 4)} ${clock}`;
}

/** The slip as lines of text. Holds the masked card number only. */
export function formatSlip(tx: TransactionRecord, context: SlipContext): string {
  const label = LABELS[context.lang];
  const line = (name: Label, value: string) => `${label[name]}: ${value}`;
  const optional = (name: Label, value: string | undefined) =>
    value === undefined || value.trim() === '' ? [] : [line(name, value)];
  const lines = [
    label.title.padStart(20 + Math.floor(label.title.length / 2)),
    label.copy,
    RULE,
    line('merchantName', context.merchantName),
    line('merchantNo', context.merchantNo),
    `${line('terminalId', context.terminalId)}  ${line('operator', tx.operatorNo)}`,
    RULE,
    line('card', `${tx.maskedPan} /${readMark(tx.entryMode)}`),
    line('type', KINDS[context.lang][tx.kind]),
    `${line('batch', tx.batchNo)}  ${line('voucher', tx.voucherNo)}`,
    line('dateTime', slipDateTime(tx, context.utcOffsetMinutes)),
    line('rrn', tx.rrn),
    ...optional('authCode', tx.authCode),
    ...optional('originalVoucher', tx.originalVoucherNo),
    ...optional('originalRrn', tx.kind === 'refund' ? tx.originalRrn : undefined),
    ...optional('originalDate', tx.originalDate),
    line('amount', formatAmount(tx.amountFen, tx.kind)),
    RULE,
    ...optional('note', tx.responseText),
    `${label.signature}:`,
    '',
    '',
    '_'.repeat(40),
    label.confirm,
  ];
  return `${lines.join('\n')}\n`;
}
