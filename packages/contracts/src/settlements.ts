// A merchant's money: ledger balances, settlements, and one date's settlement statement
// (结算对账单), every amount a decimal string of fen; and finance's record of payouts paid.
import { z } from 'zod';
import { BusinessDateParam, checkDateRange, DateRange, Fen, listOf } from './common.ts';

export const Balances = z.object({
  /** Owed to the merchant for sales not yet settled, net of fees. */
  pendingFen: Fen,
  /** Settled and not yet paid out; negative when the merchant owes (refunds above sales). */
  payableFen: Fen,
  asOf: z.string(),
});
export type Balances = z.infer<typeof Balances>;

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
export type SettlementBody = z.infer<typeof SettlementBody>;

export const SettlementList = listOf(SettlementBody);
export type SettlementList = z.infer<typeof SettlementList>;

export const SettlementListQuery = DateRange.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
}).superRefine(checkDateRange);
export type SettlementListQuery = z.infer<typeof SettlementListQuery>;

export const StatementParams = z.object({ businessDate: BusinessDateParam });
export type StatementParams = z.infer<typeof StatementParams>;

export const StatementLineBody = z.object({
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
export type StatementLineBody = z.infer<typeof StatementLineBody>;

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
export type StatementBody = z.infer<typeof StatementBody>;

/** Finance: a merchant's payouts up to a business date reached its bank. */
export const PayoutsPaidRequest = z.object({
  merchantId: z.uuid(),
  upTo: z.iso.date(),
  bankReference: z.string().trim().min(1).max(64),
});
export type PayoutsPaidRequest = z.infer<typeof PayoutsPaidRequest>;

export const PayoutsPaidResult = z.object({ settlementsPaid: z.number() });
export type PayoutsPaidResult = z.infer<typeof PayoutsPaidResult>;
