// The simulation's auditor (after TigerBeetle's): a small model of what a correct acquirer must
// answer, kept as plain data. The simulation checks every reply against it as it arrives, and
// the balances it predicts at the end.
import { isDeepStrictEqual } from 'node:util';
import {
  businessDateOf,
  cutoffInstantOf,
  feeFen,
  TEST_CARDS,
  type BatchTotals,
  type OutcomeCode,
  type RefundInput,
  type RequestKey,
  type SaleInput,
  type TotalsBlock,
  type TransactionKind,
  type TransactionStatus,
  type VoidSaleInput,
} from '@shoudan/core';
import { TEST_RATES } from '@shoudan/db/testing';

const DAY_MS = 86_400_000;

/** A reply that is not what the auditor expects: the run stops and prints its seed. */
export class AuditFailure extends Error {
  override readonly name = 'AuditFailure';
}

/** Values as text for failure messages (bigint included). */
export function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

export function same<T>(what: string, got: T, want: T): void {
  if (!isDeepStrictEqual(got, want)) {
    throw new AuditFailure(`${what}: got ${show(got)}, expected ${show(want)}`);
  }
}

export type Card = keyof typeof TEST_CARDS | 'qr';

export type Sent =
  | { readonly kind: 'sale'; readonly input: SaleInput }
  | { readonly kind: 'void'; readonly input: VoidSaleInput }
  | { readonly kind: 'refund'; readonly input: RefundInput };

/** One request the host has recorded, as the auditor sees it. */
export type Entry = {
  readonly key: RequestKey;
  readonly merchant: number;
  readonly kind: TransactionKind;
  status: TransactionStatus;
  readonly code: OutcomeCode | null;
  readonly amountFen: bigint;
  readonly feeFen: bigint;
  refundedFen: bigint;
  readonly businessDate: string;
  readonly createdMs: number;
  readonly rrn: string | null;
  readonly foreign: boolean;
  readonly original: Entry | null;
  /** What the terminal sent; null for a request only known from its reversal. */
  readonly sent: Sent | null;
  /** Whether the terminal got the answer (only then can it void or refund by it). */
  seen: boolean;
};

export type DateState = 'open' | 'cut_off' | 'settled';

export type AuditorOptions = {
  readonly cutoffTime: string;
  readonly refundWindowDays: number;
  readonly merchants: number;
  readonly d0Merchants: ReadonlySet<number>;
  readonly startMs: number;
};

export const keyOf = (k: RequestKey) => `${k.terminalId}:${k.batchNo}:${k.voucherNo}`;

export class Auditor {
  readonly options: AuditorOptions;
  readonly entries = new Map<string, Entry>();
  readonly list: Entry[] = [];
  readonly byTerminal = new Map<string, Entry[]>();
  readonly byDate = new Map<string, Entry[]>();
  readonly salesByMerchant = new Map<number, Entry[]>();
  readonly saleByRrn = new Map<string, Entry>();
  readonly dates = new Map<string, DateState>();
  /** Terminal batches by `terminalId:batchNo`. */
  readonly batches = new Map<string, 'open' | 'settled'>();
  readonly rrns = new Set<string>();
  readonly pendingFen: bigint[];
  readonly payableFen: bigint[];
  readonly carriedFen: bigint[];
  readonly payoutFen: bigint[];
  chargedFen = 0n;
  nowMs: number;

  constructor(options: AuditorOptions) {
    this.options = options;
    this.nowMs = options.startMs;
    const zeros = () => Array.from({ length: options.merchants }, () => 0n);
    this.pendingFen = zeros();
    this.payableFen = zeros();
    this.carriedFen = zeros();
    this.payoutFen = zeros();
  }

  dateNow(): string {
    return businessDateOf(new Date(this.nowMs), this.options.cutoffTime);
  }

  cutoffOf(date: string): number {
    return cutoffInstantOf(date, this.options.cutoffTime).getTime();
  }

  /** A sale or refund request holds the business date it is made on. */
  holdDateNow(): string {
    const date = this.dateNow();
    if (!this.dates.has(date)) this.dates.set(date, 'open');
    return date;
  }

  /** UnionPay: a sale's cycle is open while its batch is open and its date not cut off. */
  cycleOpen(sale: Entry): boolean {
    const batch = this.batches.get(`${sale.key.terminalId}:${sale.key.batchNo}`);
    return batch === 'open' && this.dates.get(sale.businessDate) === 'open';
  }

  record(entry: Entry): Entry {
    this.entries.set(keyOf(entry.key), entry);
    this.list.push(entry);
    const push = <K>(map: Map<K, Entry[]>, key: K) => {
      const entries = map.get(key);
      if (entries) entries.push(entry);
      else map.set(key, [entry]);
    };
    push(this.byTerminal, entry.key.terminalId);
    push(this.byDate, entry.businessDate);
    if (entry.kind === 'sale') push(this.salesByMerchant, entry.merchant);
    if (entry.kind === 'sale' && entry.rrn !== null) this.saleByRrn.set(entry.rrn, entry);
    return entry;
  }

  ofTerminal(terminalId: string): readonly Entry[] {
    return this.byTerminal.get(terminalId) ?? [];
  }

  ofDate(date: string): readonly Entry[] {
    return this.byDate.get(date) ?? [];
  }

  /** A new RRN: twelve digits, never given before. */
  newRrn(rrn: string): string {
    if (!/^\d{12}$/.test(rrn) || this.rrns.has(rrn)) {
      throw new AuditFailure(`RRN ${rrn} is malformed or was given before`);
    }
    this.rrns.add(rrn);
    return rrn;
  }

  /** A sale starts (+1) or stops (−1) counting: pending balance and cardholder charge. */
  moveSale(sale: Entry, sign: bigint): void {
    const m = sale.merchant;
    this.pendingFen[m] = (this.pendingFen[m] ?? 0n) + sign * (sale.amountFen - sale.feeFen);
    this.chargedFen += sign * sale.amountFen;
  }

  refundApproved(refund: Entry, sale: Entry): void {
    sale.refundedFen += refund.amountFen;
    const m = refund.merchant;
    this.payableFen[m] = (this.payableFen[m] ?? 0n) - refund.amountFen;
    this.chargedFen -= refund.amountFen;
  }
}

const DECLINING: Partial<Record<Card, OutcomeCode>> = {
  insufficientFunds: 'insufficient_funds',
  wrongPin: 'wrong_pin',
  expired: 'card_expired',
  declined: 'card_declined',
  timeout: 'network_timeout',
};

export function saleDecline(card: Card): OutcomeCode | null {
  return DECLINING[card] ?? null;
}

export function saleFee(card: Card, amountFen: bigint): bigint {
  const rate =
    card === 'qr'
      ? TEST_RATES.unionpay_qr
      : card === 'credit' || card === 'foreignCredit'
        ? TEST_RATES.card_credit
        : TEST_RATES.card_debit;
  return feeFen(amountFen, rate.rateBps, rate.capFen);
}

/** Why a void of `target` for `amountFen` must be refused; null: approve. */
export function voidRefusal(
  a: Auditor,
  target: Entry | undefined,
  amountFen: bigint,
): OutcomeCode | null {
  if (!target || target.kind !== 'sale') return 'original_not_found';
  if (target.status === 'declined') return 'original_not_approved';
  if (target.status === 'voided') return 'already_voided';
  if (target.status === 'reversed') return 'already_reversed';
  if (target.refundedFen > 0n) return 'already_refunded';
  if (target.amountFen !== amountFen) return 'amount_mismatch';
  if (!a.cycleOpen(target)) return 'void_window_closed';
  return null;
}

/** Why a refund of `target` for `amountFen` must be refused now; null: approve. */
export function refundRefusal(
  a: Auditor,
  target: Entry | undefined,
  amountFen: bigint,
): OutcomeCode | null {
  if (!target) return 'original_not_found';
  if (target.status === 'declined') return 'original_not_approved';
  if (target.status === 'voided') return 'already_voided';
  if (target.status === 'reversed') return 'already_reversed';
  const windowEnd = a.cutoffOf(target.businessDate) + a.options.refundWindowDays * DAY_MS;
  if (a.nowMs > windowEnd) return 'refund_window_expired';
  if (target.refundedFen + amountFen > target.amountFen) return 'refund_exceeds_original';
  if (a.cycleOpen(target)) return 'refund_not_yet_allowed';
  return null;
}

export type ReversalAnswer =
  | { readonly effect: 'reversed' | 'already_reversed' | 'nothing_to_reverse' | 'unknown_request' }
  | { readonly code: OutcomeCode };

export function reversalExpected(
  a: Auditor,
  target: Entry | undefined,
  amountFen: bigint,
): ReversalAnswer {
  if (!target) return { effect: 'unknown_request' };
  if (target.status === 'reversed') return { effect: 'already_reversed' };
  if (target.status === 'declined') return { effect: 'nothing_to_reverse' };
  if (target.kind === 'refund' || target.status === 'voided' || target.refundedFen > 0n) {
    return { code: 'reversal_not_allowed' };
  }
  if (target.amountFen !== amountFen) return { code: 'amount_mismatch' };
  const sale = target.kind === 'void' ? target.original : target;
  if (!sale || !a.cycleOpen(sale)) return { code: 'reversal_window_closed' };
  return { effect: 'reversed' };
}

/** The answer a retransmission of `entry` must get ('approved' for a replayed approval). */
export function replayExpected(entry: Entry, sameContent: boolean): string {
  if (entry.sent === null) return 'already_reversed';
  if (!sameContent) return 'duplicate_with_different_content';
  if (entry.status === 'declined') return entry.code ?? 'card_declined';
  if (entry.status === 'reversed') return 'already_reversed';
  return 'approved';
}

type MutableBlock = { -readonly [K in keyof TotalsBlock]: TotalsBlock[K] };

/** Host totals of a terminal batch: sales (voided too) as debits, voids and refunds as credits. */
export function batchTotals(a: Auditor, terminalId: string, batchNo: number): BatchTotals {
  const empty = (): MutableBlock => ({
    debitFen: 0n,
    debitCount: 0,
    creditFen: 0n,
    creditCount: 0,
  });
  const blocks = { domestic: empty(), foreign: empty() };
  for (const e of a.ofTerminal(terminalId)) {
    if (e.key.batchNo !== batchNo) continue;
    const b = e.foreign ? blocks.foreign : blocks.domestic;
    if (e.kind === 'sale' && (e.status === 'approved' || e.status === 'voided')) {
      b.debitFen += e.amountFen;
      b.debitCount += 1;
    } else if (e.kind !== 'sale' && e.status === 'approved') {
      b.creditFen += e.amountFen;
      b.creditCount += 1;
    }
  }
  return blocks;
}

export type DayExpected = {
  readonly merchant: number;
  readonly saleCount: number;
  readonly grossFen: bigint;
  readonly feeFen: bigint;
  readonly refundCount: number;
  readonly refundFen: bigint;
  readonly d0FeeFen: bigint;
  readonly carriedInFen: bigint;
  readonly netFen: bigint;
  readonly payoutFen: bigint;
};

/** A merchant's settlement of `date`, and the balances it moves; null when it has nothing. */
export function settleDay(a: Auditor, date: string, merchant: number): DayExpected | null {
  const ofDay = a.ofDate(date).filter((e) => e.merchant === merchant && e.status === 'approved');
  const sales = ofDay.filter((e) => e.kind === 'sale');
  const refunds = ofDay.filter((e) => e.kind === 'refund');
  if (sales.length + refunds.length === 0) return null;
  const sum = (es: Entry[], f: (e: Entry) => bigint) => es.reduce((s, e) => s + f(e), 0n);
  const grossFen = sum(sales, (e) => e.amountFen);
  const fees = sum(sales, (e) => e.feeFen);
  const refundFen = sum(refunds, (e) => e.amountFen);
  const salesNet = grossFen - fees;
  const d0 = TEST_RATES.d0_settlement;
  const d0FeeFen =
    a.options.d0Merchants.has(merchant) && salesNet > 0n
      ? feeFen(salesNet, d0.rateBps, d0.capFen)
      : 0n;
  const carriedInFen = a.carriedFen[merchant] ?? 0n;
  const netFen = carriedInFen + salesNet - refundFen - d0FeeFen;
  const payoutFen = netFen > 0n ? netFen : 0n;
  a.pendingFen[merchant] = (a.pendingFen[merchant] ?? 0n) - salesNet;
  a.payableFen[merchant] = (a.payableFen[merchant] ?? 0n) + salesNet - d0FeeFen - payoutFen;
  a.carriedFen[merchant] = netFen < 0n ? netFen : 0n;
  a.payoutFen[merchant] = (a.payoutFen[merchant] ?? 0n) + payoutFen;
  return {
    merchant,
    saleCount: sales.length,
    grossFen,
    feeFen: fees,
    refundCount: refunds.length,
    refundFen,
    d0FeeFen,
    carriedInFen,
    netFen,
    payoutFen,
  };
}

/** Open dates whose cutoff time has passed, oldest first: what a cutoff run must close. */
export function dueDates(a: Auditor): string[] {
  return [...a.dates]
    .filter(([d, s]) => s === 'open' && a.cutoffOf(d) <= a.nowMs)
    .map(([d]) => d)
    .sort();
}

/** What a cutoff run reports for `date`: approved transactions and approved sales. */
export function dateSummary(a: Auditor, date: string) {
  const approved = a.ofDate(date).filter((e) => e.status === 'approved');
  const sales = approved.filter((e) => e.kind === 'sale');
  return {
    approvedCount: approved.length,
    approvedSalesFen: sales.reduce((s, e) => s + e.amountFen, 0n),
  };
}

/** The sales the "void by time" menu must list for a terminal between two instants. */
export function voidableRrns(a: Auditor, terminalId: string, fromMs: number, toMs: number) {
  return a
    .ofTerminal(terminalId)
    .filter(
      (e) =>
        e.kind === 'sale' &&
        e.status === 'approved' &&
        e.refundedFen === 0n &&
        e.createdMs >= fromMs &&
        e.createdMs <= toMs &&
        a.cycleOpen(e),
    )
    .map((e) => e.rrn ?? '')
    .sort();
}
