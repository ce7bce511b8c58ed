// The settlement statement (结算对账单) of one merchant's business date as CSV: one line per
// sale and refund, then the D0 fee and the carried balance; the net column adds up to the net.
import { stringify } from 'csv-stringify/sync';
import { formatYuan } from '../shared/money.ts';
import type { TransactionRecord } from '../payments/model.ts';
import type { MerchantSettlement } from './model.ts';

export type StatementLine = {
  readonly kind: 'sale' | 'refund' | 'd0_fee' | 'carried_in';
  readonly at: Date | null;
  readonly terminalId: string;
  readonly voucherNo: string;
  readonly rrn: string;
  readonly panMasked: string;
  readonly amountFen: bigint;
  readonly feeFen: bigint;
  /** What the line adds to the merchant's net (negative for refunds and fees). */
  readonly netFen: bigint;
};

/** The statement's lines; their `netFen` sum to `settlement.netFen`. */
export function statementLines(
  settlement: MerchantSettlement,
  transactions: readonly TransactionRecord[],
): StatementLine[] {
  const lines: StatementLine[] = transactions.map((t) => {
    const sign = t.kind === 'refund' ? -1n : 1n;
    return {
      kind: t.kind === 'refund' ? 'refund' : 'sale',
      at: t.createdAt,
      terminalId: t.terminalId,
      voucherNo: String(t.voucherNo).padStart(6, '0'),
      rrn: t.rrn,
      panMasked: t.panMasked ?? '',
      amountFen: sign * t.amountFen,
      feeFen: t.feeFen,
      netFen: sign * t.amountFen - t.feeFen,
    };
  });
  const extra = (kind: 'd0_fee' | 'carried_in', netFen: bigint): StatementLine => ({
    kind,
    at: null,
    terminalId: '',
    voucherNo: '',
    rrn: '',
    panMasked: '',
    amountFen: 0n,
    feeFen: kind === 'd0_fee' ? -netFen : 0n,
    netFen,
  });
  if (settlement.d0FeeFen !== 0n) lines.push(extra('d0_fee', -settlement.d0FeeFen));
  if (settlement.carriedInFen !== 0n) lines.push(extra('carried_in', settlement.carriedInFen));
  return lines;
}

const KIND_ZH: Record<StatementLine['kind'], string> = {
  sale: '消费',
  refund: '退货',
  d0_fee: 'D0手续费',
  carried_in: '上期结转',
};

function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The statement as CSV with a UTF-8 BOM (Excel in zh-CN needs it); amounts in yuan. */
export function statementCsv(
  settlement: MerchantSettlement,
  transactions: readonly TransactionRecord[],
): string {
  const rows: string[][] = [
    ['商户号', settlement.merchantNo, '清算日期', settlement.businessDate],
    ['类型', '交易时间', '终端号', '凭证号', '参考号', '卡号', '交易金额', '手续费', '结算金额'],
  ];
  for (const l of statementLines(settlement, transactions)) {
    rows.push([
      KIND_ZH[l.kind],
      l.at ? shanghaiTime(l.at) : '',
      l.terminalId,
      l.voucherNo,
      l.rrn,
      l.panMasked,
      formatYuan(l.amountFen),
      formatYuan(l.feeFen),
      formatYuan(l.netFen),
    ]);
  }
  rows.push(['合计', '', '', '', '', '', '', '', formatYuan(settlement.netFen)]);
  rows.push(['本期付款', '', '', '', '', '', '', '', formatYuan(settlement.payoutFen)]);
  rows.push(['结转下期', '', '', '', '', '', '', '', formatYuan(settlement.carriedOutFen)]);
  rows.push(['付款日期', settlement.payableDate]);
  return stringify(rows, { bom: true });
}
