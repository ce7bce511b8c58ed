// The merchant platform's dashboard (首页): today's approved transactions, what the merchant is
// owed, and the last 30 business dates for a chart. Amounts are integer fen as decimal strings,
// as everywhere in the API.
import { z } from 'zod';
import { Fen } from './common.ts';

/**
 * One business date's approved transactions. A voided sale is no longer a sale (its status is
 * `voided`), so `salesFen` is what stands; voids are shown for information and `netFen` is
 * `salesFen − refundsFen`, before fees (what the date's settlement grosses, less its refunds).
 */
export const DashboardToday = z.object({
  salesCount: z.number().int(),
  salesFen: Fen,
  voidsCount: z.number().int(),
  voidsFen: Fen,
  refundsCount: z.number().int(),
  refundsFen: Fen,
  netFen: Fen,
});
export type DashboardToday = z.infer<typeof DashboardToday>;

export const DashboardDay = z.object({
  businessDate: z.string(),
  salesCount: z.number().int(),
  salesFen: Fen,
  refundsFen: Fen,
});
export type DashboardDay = z.infer<typeof DashboardDay>;

export const MerchantDashboard = z.object({
  /** The open business date (Asia/Shanghai, after the cutoff time it is the next day). */
  businessDate: z.string(),
  today: DashboardToday,
  /**
   * Owed to the merchant and not yet paid out, from the ledger: sales not yet settled (net of
   * fees) plus the settled balance (negative when refunds left a debt). Null for a cashier, who
   * takes payments but does not reconcile.
   */
  pendingSettlementFen: Fen.nullable(),
  /** The last 30 business dates ending with `businessDate`, oldest first, zero-filled. */
  days: z.array(DashboardDay),
});
export type MerchantDashboard = z.infer<typeof MerchantDashboard>;
