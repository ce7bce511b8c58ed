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
