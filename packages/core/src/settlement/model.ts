// Settlement figures: one merchant's day, computed purely from its totals; and the statement.
import { assert } from '../shared/assert.ts';
import { addDays, type BusinessDate } from '../shared/business-date.ts';
import { feeFen } from '../shared/money.ts';
import type { FeeRate } from '../payments/store.ts';

/** What one merchant did on one business date, as the database adds it up. */
export type MerchantDayTotals = {
  readonly merchantId: string;
  readonly merchantNo: string;
  readonly saleCount: number;
  readonly grossFen: bigint;
  readonly feeFen: bigint;
  readonly refundCount: number;
  readonly refundFen: bigint;
  /** Carried from the merchant's previous settlement: ≤ 0, what the merchant still owes. */
  readonly carriedInFen: bigint;
  /** The D0 (same-day) rate when the merchant has D0 settlement active; null for T+1. */
  readonly d0Rate: FeeRate | null;
};

export type MerchantSettlement = {
  readonly id: string;
  readonly merchantId: string;
  readonly merchantNo: string;
  readonly businessDate: BusinessDate;
  readonly saleCount: number;
  readonly grossFen: bigint;
  readonly feeFen: bigint;
  readonly refundCount: number;
  readonly refundFen: bigint;
  readonly d0FeeFen: bigint;
  readonly carriedInFen: bigint;
  /** carriedIn + gross − fees − refunds − D0 fee. */
  readonly netFen: bigint;
  /** What is paid out: the net when positive. */
  readonly payoutFen: bigint;
  /** What is carried to the next settlement: the net when negative. */
  readonly carriedOutFen: bigint;
  readonly settlementMode: 't1' | 'd0';
  readonly payableDate: BusinessDate;
};

/**
 * The settlement of one merchant's day. T+1 merchants are paid the next day; D0 merchants the
 * same day, for a D0 fee on the net of their sales. A negative net is carried, not paid.
 */
export function settleMerchantDay(
  totals: MerchantDayTotals,
  businessDate: BusinessDate,
  id: string,
): MerchantSettlement {
  assert(totals.carriedInFen <= 0n, 'a carried balance is never in the merchant’s favour');
  const salesNet = totals.grossFen - totals.feeFen;
  const d0FeeFen =
    totals.d0Rate && salesNet > 0n
      ? feeFen(salesNet, totals.d0Rate.rateBps, totals.d0Rate.capFen)
      : 0n;
  const netFen = totals.carriedInFen + salesNet - totals.refundFen - d0FeeFen;
  return {
    id,
    merchantId: totals.merchantId,
    merchantNo: totals.merchantNo,
    businessDate,
    saleCount: totals.saleCount,
    grossFen: totals.grossFen,
    feeFen: totals.feeFen,
    refundCount: totals.refundCount,
    refundFen: totals.refundFen,
    d0FeeFen,
    carriedInFen: totals.carriedInFen,
    netFen,
    payoutFen: netFen > 0n ? netFen : 0n,
    carriedOutFen: netFen < 0n ? netFen : 0n,
    settlementMode: totals.d0Rate ? 'd0' : 't1',
    payableDate: totals.d0Rate ? businessDate : addDays(businessDate, 1),
  };
}
