// Terminal batches: totals as the POS settlement (0500) counts them, and batch-number arithmetic.

/** One block of settlement totals (domestic cards or foreign cards). */
export type TotalsBlock = {
  /** Approved sales of the batch, including sales later voided. */
  readonly debitFen: bigint;
  readonly debitCount: number;
  /** Approved voids and refunds of the batch. */
  readonly creditFen: bigint;
  readonly creditCount: number;
};

export type BatchTotals = { readonly domestic: TotalsBlock; readonly foreign: TotalsBlock };

/**
 * Whether a transaction counts in the domestic (内卡) block of a batch's totals: a UnionPay card,
 * or no card organisation at all (QR payments). The host's totals, the 63.1 it answers and every
 * counting terminal must use this one rule, or settlements come out unbalanced. The batch-totals
 * query in @shoudan/db states the same rule in SQL.
 */
export function isDomesticCard(cardOrg: string | null): boolean {
  return cardOrg === null || cardOrg === 'CUP';
}

export const EMPTY_BLOCK: TotalsBlock = {
  debitFen: 0n,
  debitCount: 0,
  creditFen: 0n,
  creditCount: 0,
};

export function sameBlock(a: TotalsBlock, b: TotalsBlock): boolean {
  return (
    a.debitFen === b.debitFen &&
    a.debitCount === b.debitCount &&
    a.creditFen === b.creditFen &&
    a.creditCount === b.creditCount
  );
}

/** Batch numbers are six digits and wrap from 999999 to 000001. */
export function nextBatchNo(batchNo: number): number {
  return batchNo >= 999_999 ? 1 : batchNo + 1;
}

/** Voucher numbers are six digits and wrap from 999999 to 000001. */
export function nextVoucherNo(voucherNo: number): number {
  return voucherNo >= 999_999 ? 1 : voucherNo + 1;
}
