// Charges a merchant paid the acquirer: a terminal deposit (押金) and prepaid service fees (服务费)
// covering a period. Receiving one and closing it out at deregistration are balanced journal
// entries; the close-out refunds the whole deposit and the unused days of a fee (half-up, in fen).
import { assert } from '../shared/assert.ts';
import { businessDateOf, isBusinessDate, type BusinessDate } from '../shared/business-date.ts';
import { proRataFen } from '../shared/money.ts';
import { balancedEntry, type JournalEntry, type JournalLine } from '../ledger/model.ts';
import type { Service } from '../payments/model.ts';

export const CHARGE_KINDS = ['deposit', 'service_fee'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

export type Charge = {
  readonly id: string;
  readonly merchantId: string;
  readonly kind: ChargeKind;
  /** The service a fee pays for, when it pays for one. */
  readonly service: Service | null;
  readonly amountFen: bigint;
  readonly paidAt: Date;
  /** A fee's period, both days included (Shanghai calendar dates); null for a deposit. */
  readonly coversFrom: BusinessDate | null;
  readonly coversUntil: BusinessDate | null;
};

/** How a charge is settled at deregistration. */
export type ChargeCloseOut = {
  readonly chargeId: string;
  readonly kind: ChargeKind;
  readonly amountFen: bigint;
  /** Paid back to the merchant. */
  readonly refundFen: bigint;
  /** Kept by the acquirer as fee income (the days of a fee already used). */
  readonly earnedFen: bigint;
  /** A fee's days in its period and days left after the closing day; 0 for a deposit. */
  readonly daysCovered: number;
  readonly daysLeft: number;
};

const DAY_MS = 86_400_000;

/** The Shanghai calendar date of an instant (a fee's days are calendar days, not cutoffs). */
export function calendarDateOf(at: Date): BusinessDate {
  return businessDateOf(at, '00:00');
}

function daysFrom(from: BusinessDate, to: BusinessDate): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
}

/** A defect unless the charge is well formed (the table's CHECKs say the same). */
export function assertCharge(charge: Charge): void {
  assert(charge.amountFen > 0n, 'a charge is a positive amount');
  if (charge.kind === 'deposit') {
    assert(charge.coversFrom === null && charge.coversUntil === null, 'a deposit has no period');
    return;
  }
  const { coversFrom, coversUntil } = charge;
  assert(
    coversFrom !== null && coversUntil !== null && isBusinessDate(coversFrom),
    'a service fee covers a period',
  );
  assert(
    isBusinessDate(coversUntil) && coversFrom <= coversUntil,
    'a fee period ends after it starts',
  );
}

/**
 * What closing the merchant on `closedOn` gives back: the whole deposit; of a fee, the share of
 * its days after the closing day (the closing day counts as used), rounded half-up.
 */
export function closeOutCharge(charge: Charge, closedOn: BusinessDate): ChargeCloseOut {
  assertCharge(charge);
  const base = { chargeId: charge.id, kind: charge.kind, amountFen: charge.amountFen };
  if (charge.kind === 'deposit' || charge.coversFrom === null || charge.coversUntil === null) {
    return { ...base, refundFen: charge.amountFen, earnedFen: 0n, daysCovered: 0, daysLeft: 0 };
  }
  const daysCovered = daysFrom(charge.coversFrom, charge.coversUntil) + 1;
  const after = daysFrom(closedOn, charge.coversUntil);
  const daysLeft = Math.max(0, Math.min(daysCovered, after));
  const refundFen = proRataFen(charge.amountFen, BigInt(daysLeft), BigInt(daysCovered));
  return { ...base, refundFen, earnedFen: charge.amountFen - refundFen, daysCovered, daysLeft };
}

/** Where a received charge is held until it is closed out. */
function holdingAccount(kind: ChargeKind): 'merchant_deposit' | 'prepaid_fee' {
  return kind === 'deposit' ? 'merchant_deposit' : 'prepaid_fee';
}

export type EntryMeta = {
  readonly id: string;
  readonly businessDate: BusinessDate;
  readonly createdAt: Date;
};

function entry(kind: JournalEntry['kind'], charge: Charge, meta: EntryMeta, lines: JournalLine[]) {
  return balancedEntry({
    id: meta.id,
    kind,
    merchantId: charge.merchantId,
    transactionId: null,
    settlementId: null,
    businessDate: meta.businessDate,
    createdAt: meta.createdAt,
    lines,
  });
}

/** Money received from the merchant, held as a deposit or as a fee not yet earned. */
export function chargeReceivedEntry(charge: Charge, meta: EntryMeta): JournalEntry {
  assertCharge(charge);
  const m = charge.merchantId;
  return entry('charge_received', charge, meta, [
    { account: 'charge_receipts', merchantId: m, amountFen: charge.amountFen },
    { account: holdingAccount(charge.kind), merchantId: m, amountFen: -charge.amountFen },
  ]);
}

/** The close-out: the held amount leaves its account, refunded or (a fee's used days) earned. */
export function chargeClosedEntry(
  charge: Charge,
  closeOut: ChargeCloseOut,
  meta: EntryMeta,
): JournalEntry {
  assert(closeOut.chargeId === charge.id, 'close-out of another charge');
  assert(closeOut.refundFen + closeOut.earnedFen === charge.amountFen, 'close-out adds up');
  const m = charge.merchantId;
  return entry('charge_closed', charge, meta, [
    { account: holdingAccount(charge.kind), merchantId: m, amountFen: charge.amountFen },
    { account: 'charge_receipts', merchantId: m, amountFen: -closeOut.refundFen },
    { account: 'fee_income', merchantId: null, amountFen: -closeOut.earnedFen },
  ]);
}

export type RefundTotals = {
  readonly depositRefundFen: bigint;
  readonly feeRefundFen: bigint;
  readonly feeEarnedFen: bigint;
};

export function refundTotals(closeOuts: readonly ChargeCloseOut[]): RefundTotals {
  const of = (kind: ChargeKind, f: (c: ChargeCloseOut) => bigint) =>
    closeOuts.filter((c) => c.kind === kind).reduce((a, c) => a + f(c), 0n);
  return {
    depositRefundFen: of('deposit', (c) => c.refundFen),
    feeRefundFen: of('service_fee', (c) => c.refundFen),
    feeEarnedFen: of('service_fee', (c) => c.earnedFen) + of('deposit', (c) => c.earnedFen),
  };
}
