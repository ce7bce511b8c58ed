// Balances, settlements and the settlement statement (结算对账单) as the merchant platform shows
// them: every amount a decimal string of fen; the statement's lines add up to its net.
import { z } from 'zod';
import { assert, statementLines, type MerchantSettlement, type StatementLine } from '@shoudan/core';
import type { platform } from '@shoudan/db';
import { Fen } from '../schemas.ts';

export const SettlementBody = z.object({
  id: z.string(),
  businessDate: z.string(),
  saleCount: z.number().int(),
  grossFen: Fen,
  feeFen: Fen,
  refundCount: z.number().int(),
  refundFen: Fen,
  d0FeeFen: Fen,
  /** Debt carried in from earlier settlements (≤ 0). */
  carriedInFen: Fen,
  netFen: Fen,
  payoutFen: Fen,
  /** Debt carried to the next settlement (≤ 0). */
  carriedOutFen: Fen,
  settlementMode: z.enum(['t1', 'd0']),
  payableDate: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

export function settlementBody(
  row: platform.transactions.SettlementRow,
): z.infer<typeof SettlementBody> {
  return {
    id: row.id,
    businessDate: row.businessDate,
    saleCount: row.saleCount,
    grossFen: row.grossFen.toString(),
    feeFen: row.feeFen.toString(),
    refundCount: row.refundCount,
    refundFen: row.refundFen.toString(),
    d0FeeFen: row.d0FeeFen.toString(),
    carriedInFen: row.carriedInFen.toString(),
    netFen: row.netFen.toString(),
    payoutFen: row.payoutFen.toString(),
    carriedOutFen: row.carriedOutFen.toString(),
    settlementMode: row.settlementMode as 't1' | 'd0',
    payableDate: row.payableDate,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

const StatementLineBody = z.object({
  kind: z.enum(['sale', 'refund', 'd0_fee', 'carried_in']),
  at: z.string().nullable(),
  terminalId: z.string(),
  voucherNo: z.string(),
  rrn: z.string(),
  panMasked: z.string(),
  /** Signed: a refund is negative. */
  amountFen: Fen,
  feeFen: Fen,
  /** What the line adds to the net; the lines' sum is `netFen`. */
  netFen: Fen,
});

export const StatementBody = z.object({
  merchantNo: z.string(),
  businessDate: z.string(),
  settlementMode: z.enum(['t1', 'd0']),
  payableDate: z.string(),
  lines: z.array(StatementLineBody),
  netFen: Fen,
  payoutFen: Fen,
  carriedOutFen: Fen,
});

function lineBody(line: StatementLine): z.infer<typeof StatementLineBody> {
  return {
    kind: line.kind,
    at: line.at?.toISOString() ?? null,
    terminalId: line.terminalId,
    voucherNo: line.voucherNo,
    rrn: line.rrn,
    panMasked: line.panMasked,
    amountFen: line.amountFen.toString(),
    feeFen: line.feeFen.toString(),
    netFen: line.netFen.toString(),
  };
}

/** The statement core writes as CSV, as JSON; a defect if its lines do not add up. */
export function statementBody(
  settlement: MerchantSettlement,
  transactions: Parameters<typeof statementLines>[1],
): z.infer<typeof StatementBody> {
  const lines = statementLines(settlement, transactions);
  const sum = lines.reduce((total, l) => total + l.netFen, 0n);
  assert(sum === settlement.netFen, 'the statement lines add up to the settlement net');
  return {
    merchantNo: settlement.merchantNo,
    businessDate: settlement.businessDate,
    settlementMode: settlement.settlementMode,
    payableDate: settlement.payableDate,
    lines: lines.map(lineBody),
    netFen: settlement.netFen.toString(),
    payoutFen: settlement.payoutFen.toString(),
    carriedOutFen: settlement.carriedOutFen.toString(),
  };
}
