// Goal: the engine answers any POS request sequence as a pure model does. Method: fc commands.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createStores, setup, type Database } from '@shoudan/db';
import { ALL_PAYMENT_SERVICES, TEST_RATES, openTestDatabase } from '@shoudan/db/testing';
import { createEngine, type Engine, type EngineStores } from '../engine.ts';
import { businessDateOf, cutoffInstantOf } from '../shared/business-date.ts';
import { FakeClock } from '../shared/clock.ts';
import { createIds } from '../shared/ids.ts';
import { feeFen } from '../shared/money.ts';
import type { OutcomeCode } from '../shared/outcome.ts';
import { seededRandom } from '../shared/random.ts';
import {
  nextBatchNo,
  nextVoucherNo,
  type BatchTotals,
  type TotalsBlock,
} from '../terminals/model.ts';
import { CardNetworkSimulator, TEST_CARDS } from './card-network-simulator.ts';
import type { PaymentResult, PaymentRules } from './deps.ts';
import type { RequestKey, TransactionKind, TransactionStatus } from './model.ts';
import type { SaleInput } from './sale.ts';
import type { VoidSaleInput } from './void-sale.ts';
import type { RefundInput } from './refund.ts';

const DAY_MS = 86_400_000;
const MERCHANTS = 2;
const TERMINALS_PER_MERCHANT = 2;
/** Merchant 1 settles D0 (same day, for a fee); merchant 0 settles T+1. */
const D0_MERCHANT = 1;
/** Each world starts at 10:00 Shanghai; later worlds start days after the last one ended. */
const FIRST_START_MS = Date.UTC(2030, 0, 1, 2);

// ---------------------------------------------------------------------------------------------
// The model: what a correct acquirer must answer, kept as plain data.

type CardChoice = keyof typeof TEST_CARDS | 'qr';

type Sent =
  | { readonly kind: 'sale'; readonly input: SaleInput }
  | { readonly kind: 'void'; readonly input: VoidSaleInput }
  | { readonly kind: 'refund'; readonly input: RefundInput };

/** One request the host has recorded, as the model sees it. */
type Rec = {
  readonly key: RequestKey;
  readonly terminal: number;
  readonly merchant: number;
  readonly kind: TransactionKind;
  status: TransactionStatus;
  readonly code: OutcomeCode | null;
  readonly amountFen: bigint;
  readonly feeFen: bigint;
  refundedFen: bigint;
  readonly businessDate: string;
  readonly rrn: string | null;
  readonly foreign: boolean;
  readonly original: Rec | null;
  /** What the terminal sent; for a remembered unknown reversal, what it would have sent. */
  readonly sent: Sent;
  /** Remembered from a reversal of a request the host never saw: it has no content. */
  readonly remembered: boolean;
};

type Pos = {
  readonly id: string;
  readonly merchant: number;
  batchNo: number;
  voucherNo: number;
  readonly batches: Map<number, 'open' | 'settled'>;
};

type Model = {
  nowMs: number;
  readonly rules: PaymentRules;
  readonly pos: Pos[];
  readonly records: Map<string, Rec>;
  readonly list: Rec[];
  readonly rrns: Set<string>;
  /** Business dates the host has held, and their state. */
  readonly dates: Map<string, 'open' | 'cut_off' | 'settled'>;
  readonly firstDate: string;
  readonly pendingFen: bigint[];
  readonly payableFen: bigint[];
  readonly carriedFen: bigint[];
  chargedFen: bigint;
};

type Real = {
  readonly engine: Engine;
  readonly clock: FakeClock;
  readonly network: CardNetworkSimulator;
  readonly stores: EngineStores;
  readonly merchantIds: readonly string[];
};

const keyOf = (k: RequestKey) => `${k.terminalId}:${k.batchNo}:${k.voucherNo}`;
const now = (m: Model) => new Date(m.nowMs);
const dateNow = (m: Model) => businessDateOf(now(m), m.rules.cutoffTime);

function nextKey(pos: Pos): RequestKey {
  pos.voucherNo = nextVoucherNo(pos.voucherNo);
  return { terminalId: pos.id, batchNo: pos.batchNo, voucherNo: pos.voucherNo };
}

function record(m: Model, rec: Rec): void {
  m.records.set(keyOf(rec.key), rec);
  m.list.push(rec);
}

/** UnionPay: a sale's cycle is open while its batch is open and its date is not cut off. */
function cycleOpen(m: Model, sale: Rec): boolean {
  const batch = m.pos[sale.terminal]?.batches.get(sale.key.batchNo);
  return batch === 'open' && m.dates.get(sale.businessDate) === 'open';
}

const DECLINING: Partial<Record<CardChoice, OutcomeCode>> = {
  insufficientFunds: 'insufficient_funds',
  wrongPin: 'wrong_pin',
  expired: 'card_expired',
  declined: 'card_declined',
  timeout: 'network_timeout',
};

function saleFee(card: CardChoice, amountFen: bigint): bigint {
  const rate =
    card === 'qr'
      ? TEST_RATES.unionpay_qr
      : card === 'credit' || card === 'foreignCredit'
        ? TEST_RATES.card_credit
        : TEST_RATES.card_debit;
  return feeFen(amountFen, rate.rateBps, rate.capFen);
}

function saleInput(key: RequestKey, amountFen: bigint, card: CardChoice): SaleInput {
  if (card === 'qr')
    return { ...key, amountFen, method: 'unionpay_qr', payerCode: '6288000000001' };
  return { ...key, amountFen, method: 'card', card: { pan: TEST_CARDS[card] } };
}

/** Why the void is refused, by the model; null: approve. */
function voidRefusal(m: Model, target: Rec | undefined, amountFen: bigint): OutcomeCode | null {
  if (!target || target.kind !== 'sale') return 'original_not_found';
  if (target.status === 'declined') return 'original_not_approved';
  if (target.status === 'voided') return 'already_voided';
  if (target.status === 'reversed') return 'already_reversed';
  if (target.refundedFen > 0n) return 'already_refunded';
  if (target.amountFen !== amountFen) return 'amount_mismatch';
  if (!cycleOpen(m, target)) return 'void_window_closed';
  return null;
}

function refundRefusal(m: Model, target: Rec | undefined, amountFen: bigint): OutcomeCode | null {
  if (!target) return 'original_not_found';
  if (target.status === 'declined') return 'original_not_approved';
  if (target.status === 'voided') return 'already_voided';
  if (target.status === 'reversed') return 'already_reversed';
  const windowEnd = cutoffInstantOf(target.businessDate, m.rules.cutoffTime).getTime();
  if (m.nowMs > windowEnd + m.rules.refundWindowDays * DAY_MS) return 'refund_window_expired';
  if (target.refundedFen + amountFen > target.amountFen) return 'refund_exceeds_original';
  if (cycleOpen(m, target)) return 'refund_not_yet_allowed';
  return null;
}

type ReversalExpected =
  | { readonly effect: 'reversed' | 'already_reversed' | 'nothing_to_reverse' | 'unknown_request' }
  | { readonly code: OutcomeCode };

function reversalExpected(m: Model, target: Rec | undefined, amountFen: bigint): ReversalExpected {
  if (!target) return { effect: 'unknown_request' };
  if (target.status === 'reversed') return { effect: 'already_reversed' };
  if (target.status === 'declined') return { effect: 'nothing_to_reverse' };
  if (target.kind === 'refund' || target.status === 'voided' || target.refundedFen > 0n) {
    return { code: 'reversal_not_allowed' };
  }
  if (target.amountFen !== amountFen) return { code: 'amount_mismatch' };
  const sale = target.kind === 'void' ? target.original : target;
  if (!sale || !cycleOpen(m, sale)) return { code: 'reversal_window_closed' };
  return { effect: 'reversed' };
}

/** The ledger and the network after a sale stops or starts counting again (sign −1 or +1). */
function moveSale(m: Model, sale: Rec, sign: bigint): void {
  m.pendingFen[sale.merchant] =
    (m.pendingFen[sale.merchant] ?? 0n) + sign * (sale.amountFen - sale.feeFen);
  m.chargedFen += sign * sale.amountFen;
}

function batchTotals(m: Model, pos: Pos, batchNo: number): BatchTotals {
  const blocks = { domestic: { ...EMPTY }, foreign: { ...EMPTY } };
  for (const r of m.list) {
    if (r.key.terminalId !== pos.id || r.key.batchNo !== batchNo) continue;
    const b = r.foreign ? blocks.foreign : blocks.domestic;
    if (r.kind === 'sale' && (r.status === 'approved' || r.status === 'voided')) {
      b.debitFen += r.amountFen;
      b.debitCount += 1;
    } else if (r.kind !== 'sale' && r.status === 'approved') {
      b.creditFen += r.amountFen;
      b.creditCount += 1;
    }
  }
  return blocks;
}

type MutableBlock = { -readonly [K in keyof TotalsBlock]: TotalsBlock[K] };
const EMPTY: MutableBlock = { debitFen: 0n, debitCount: 0, creditFen: 0n, creditCount: 0 };

type DaySettlement = {
  readonly merchant: number;
  readonly grossFen: bigint;
  readonly feeFen: bigint;
  readonly refundFen: bigint;
  readonly d0FeeFen: bigint;
  readonly carriedInFen: bigint;
  readonly netFen: bigint;
  readonly payoutFen: bigint;
};

function settleDay(m: Model, date: string, merchant: number): DaySettlement | null {
  const ofDay = m.list.filter(
    (r) => r.merchant === merchant && r.businessDate === date && r.status === 'approved',
  );
  const sales = ofDay.filter((r) => r.kind === 'sale');
  const refunds = ofDay.filter((r) => r.kind === 'refund');
  if (sales.length + refunds.length === 0) return null;
  const sum = (rs: Rec[], f: (r: Rec) => bigint) => rs.reduce((a, r) => a + f(r), 0n);
  const grossFen = sum(sales, (r) => r.amountFen);
  const fees = sum(sales, (r) => r.feeFen);
  const refundFen = sum(refunds, (r) => r.amountFen);
  const salesNet = grossFen - fees;
  const d0 = TEST_RATES.d0_settlement;
  const d0FeeFen =
    merchant === D0_MERCHANT && salesNet > 0n ? feeFen(salesNet, d0.rateBps, d0.capFen) : 0n;
  const carriedInFen = m.carriedFen[merchant] ?? 0n;
  const netFen = carriedInFen + salesNet - refundFen - d0FeeFen;
  const payoutFen = netFen > 0n ? netFen : 0n;
  m.pendingFen[merchant] = (m.pendingFen[merchant] ?? 0n) - salesNet;
  m.payableFen[merchant] = (m.payableFen[merchant] ?? 0n) + salesNet - d0FeeFen - payoutFen;
  m.carriedFen[merchant] = netFen < 0n ? netFen : 0n;
  return { merchant, grossFen, feeFen: fees, refundFen, d0FeeFen, carriedInFen, netFen, payoutFen };
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the commands.

function codeOf(result: PaymentResult | { ok: false; outcome: { code: OutcomeCode } }): string {
  return result.ok ? 'approved' : result.outcome.code;
}

/** Balances and the network after every command: found at the step that breaks them. */
async function expectBalances(m: Model, r: Real): Promise<void> {
  for (const [i, merchantId] of r.merchantIds.entries()) {
    const balance = await r.engine.merchantBalance(merchantId);
    expect(balance, `merchant ${i}`).toEqual({
      pendingFen: m.pendingFen[i],
      payableFen: m.payableFen[i],
    });
  }
  expect(r.network.chargedFen(), 'charged at the network').toBe(m.chargedFen);
}

function expectNewRrn(m: Model, rrn: string): void {
  expect(rrn).toMatch(/^\d{12}$/);
  expect(m.rrns.has(rrn), `RRN ${rrn} given twice`).toBe(false);
  m.rrns.add(rrn);
}

// ---------------------------------------------------------------------------------------------
// Commands: each asks the engine, compares with the model, then moves the model.

type Command = fc.AsyncCommand<Model, Real>;

function command(
  label: string,
  run: (m: Model, r: Real) => Promise<void>,
  check: (m: Readonly<Model>) => boolean = () => true,
): Command {
  return { check, run, toString: () => label };
}

/** A record of a fresh request, with the defaults of one that moved no money. */
function newRec(
  fields: Pick<Rec, 'key' | 'terminal' | 'merchant' | 'kind' | 'amountFen' | 'sent'> & Partial<Rec>,
): Rec {
  return {
    status: 'declined',
    code: null,
    feeFen: 0n,
    refundedFen: 0n,
    businessDate: '',
    rrn: null,
    foreign: false,
    original: null,
    remembered: false,
    ...fields,
  };
}

function saleCommand(terminal: number, amountFen: bigint, card: CardChoice): Command {
  return command(`sale(t${terminal}, ${amountFen}n, ${card})`, async (m, r) => {
    const t = terminal % m.pos.length;
    const pos = m.pos[t] as Pos;
    const key = nextKey(pos);
    const input = saleInput(key, amountFen, card);
    const result = await r.engine.sale(input);
    const businessDate = dateNow(m);
    if (!m.dates.has(businessDate)) m.dates.set(businessDate, 'open');
    const decline = DECLINING[card] ?? null;
    expect(codeOf(result)).toBe(decline ?? 'approved');
    const fee = decline ? 0n : saleFee(card, amountFen);
    const rec = newRec({
      key,
      terminal: t,
      merchant: pos.merchant,
      kind: 'sale',
      amountFen,
      sent: { kind: 'sale', input },
      status: decline ? 'declined' : 'approved',
      code: decline,
      feeFen: fee,
      businessDate,
      foreign: card === 'foreignCredit',
    });
    if (result.ok) {
      const v = result.value;
      const tx = v.transaction;
      expect([tx.status, tx.amountFen, tx.feeFen, tx.businessDate, v.duplicate]).toEqual([
        'approved',
        amountFen,
        fee,
        businessDate,
        false,
      ]);
      expect(v.voidableUntil).toEqual(cutoffInstantOf(businessDate, m.rules.cutoffTime));
      expectNewRrn(m, tx.rrn);
      record(m, { ...rec, rrn: tx.rrn });
      moveSale(m, rec, 1n);
    } else {
      record(m, rec);
    }
    await expectBalances(m, r);
  });
}

/** Voids a sale the model knows, from its own terminal or (to miss it) from another. */
function voidCommand(
  terminal: number,
  pick: number,
  opts: { approvedOnly: boolean; sameTerminal: boolean; wrongAmount: boolean },
): Command {
  const label = `void(t${terminal}, pick ${pick}, ${JSON.stringify(opts)})`;
  return command(
    label,
    async (m, r) => {
      const picked = pickSale(m, pick, opts.approvedOnly, false) as Rec;
      const t = opts.sameTerminal ? picked.terminal : terminal % m.pos.length;
      const pos = m.pos[t] as Pos;
      const amountFen = picked.amountFen + (opts.wrongAmount ? 1n : 0n);
      const original = { batchNo: picked.key.batchNo, voucherNo: picked.key.voucherNo };
      // The host looks the original up on the void's own terminal.
      const target = m.records.get(keyOf({ terminalId: pos.id, ...original }));
      const key = nextKey(pos);
      const input: VoidSaleInput = { ...key, amountFen, original };
      const refusal = voidRefusal(m, target, amountFen);
      const result = await r.engine.voidSale(input);
      expect(codeOf(result)).toBe(refusal ?? 'approved');
      const sale = target?.kind === 'sale' ? target : null;
      const rec = newRec({
        key,
        terminal: t,
        merchant: pos.merchant,
        kind: 'void',
        amountFen,
        sent: { kind: 'void', input },
        code: refusal,
        businessDate: sale?.businessDate ?? dateNow(m),
        foreign: sale?.foreign ?? false,
        original: sale,
      });
      if (result.ok && sale) {
        expect(result.value.transaction.originalId).not.toBeNull();
        expectNewRrn(m, result.value.transaction.rrn);
        record(m, { ...rec, status: 'approved', rrn: result.value.transaction.rrn });
        sale.status = 'voided';
        moveSale(m, sale, -1n);
      } else {
        record(m, rec);
      }
      await expectBalances(m, r);
    },
    (m) => m.list.some((x) => x.kind === 'sale'),
  );
}

type RefundAmount = 'third' | 'rest' | 'over' | 'unknown_rrn';

function refundAmountOf(picked: Rec, amount: RefundAmount): bigint {
  const left = picked.amountFen - picked.refundedFen;
  if (amount === 'third') return maxOf(1n, picked.amountFen / 3n);
  if (amount === 'over') return left + 1n;
  return maxOf(1n, left);
}

/** Refunds a sale answered with an RRN, from a terminal of its merchant or of another. */
function refundCommand(
  terminal: number,
  pick: number,
  opts: { approvedOnly: boolean; sameMerchant: boolean; amount: RefundAmount },
): Command {
  const label = `refund(t${terminal}, pick ${pick}, ${JSON.stringify(opts)})`;
  return command(
    label,
    async (m, r) => {
      const picked = pickSale(m, pick, opts.approvedOnly, true) as Rec;
      const t = opts.sameMerchant
        ? picked.merchant * TERMINALS_PER_MERCHANT + (terminal % TERMINALS_PER_MERCHANT)
        : terminal % m.pos.length;
      const pos = m.pos[t] as Pos;
      const amountFen = refundAmountOf(picked, opts.amount);
      const rrn = opts.amount === 'unknown_rrn' ? '999999999999' : (picked.rrn ?? '');
      // The host finds originals by RRN among the sales of the refunding merchant only.
      const target = m.list.find(
        (x) => x.kind === 'sale' && x.rrn === rrn && x.merchant === pos.merchant,
      );
      const key = nextKey(pos);
      const input: RefundInput = { ...key, amountFen, original: { rrn } };
      const businessDate = dateNow(m);
      if (!m.dates.has(businessDate)) m.dates.set(businessDate, 'open');
      const refusal = refundRefusal(m, target, amountFen);
      const result = await r.engine.refund(input);
      expect(codeOf(result)).toBe(refusal ?? 'approved');
      const rec = newRec({
        key,
        terminal: t,
        merchant: pos.merchant,
        kind: 'refund',
        amountFen,
        sent: { kind: 'refund', input },
        code: refusal,
        businessDate,
        foreign: target?.foreign ?? false,
        original: target ?? null,
      });
      if (result.ok && target) {
        expect(result.value.transaction.businessDate).toBe(businessDate);
        expectNewRrn(m, result.value.transaction.rrn);
        record(m, { ...rec, status: 'approved', rrn: result.value.transaction.rrn });
        target.refundedFen += amountFen;
        m.payableFen[pos.merchant] = (m.payableFen[pos.merchant] ?? 0n) - amountFen;
        m.chargedFen -= amountFen;
      } else {
        record(m, rec);
      }
      await expectBalances(m, r);
    },
    (m) => m.list.some((x) => x.kind === 'sale' && x.rrn !== null),
  );
}

/** A sale the model knows; with `approvedOnly`, one still approved when there is one. */
function pickSale(
  m: Model,
  pick: number,
  approvedOnly: boolean,
  withRrn: boolean,
): Rec | undefined {
  const sales = m.list.filter((x) => x.kind === 'sale' && (!withRrn || x.rrn !== null));
  const approved = sales.filter((x) => x.status === 'approved');
  const from = approvedOnly && approved.length > 0 ? approved : sales;
  return from[pick % from.length];
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** The terminal reverses one of its requests by that request's own key, usually its last. */
function reverseCommand(pick: number, recent: boolean, wrongAmount: boolean): Command {
  const label = `reverse(pick ${pick}, recent ${recent}, wrongAmount ${wrongAmount})`;
  return command(
    label,
    async (m, r) => {
      const n = m.list.length;
      const target = m.list[recent ? n - 1 - (pick % Math.min(n, 3)) : pick % n] as Rec;
      const amountFen = target.amountFen + (wrongAmount ? 1n : 0n);
      const expected = reversalExpected(m, target, amountFen);
      const result = await r.engine.reverse({ ...target.key, kind: target.kind, amountFen });
      const got = result.ok ? { effect: result.value.effect } : { code: result.outcome.code };
      expect(got).toEqual(expected);
      if ('effect' in expected && expected.effect === 'reversed') {
        target.status = 'reversed';
        if (target.kind === 'sale') moveSale(m, target, -1n);
        // Reversing a void puts its sale back: approved and counting again.
        if (target.kind === 'void' && target.original) {
          target.original.status = 'approved';
          moveSale(m, target.original, 1n);
        }
      }
      await expectBalances(m, r);
    },
    (m) => m.list.length > 0,
  );
}

/** The terminal reverses a sale the host never saw; the sale itself may arrive later. */
function reverseUnknownCommand(terminal: number, amountFen: bigint): Command {
  return command(`reverseUnknown(t${terminal}, ${amountFen}n)`, async (m, r) => {
    const t = terminal % m.pos.length;
    const pos = m.pos[t] as Pos;
    const key = nextKey(pos);
    const result = await r.engine.reverse({ ...key, kind: 'sale', amountFen });
    expect(result.ok && result.value.effect).toBe('unknown_request');
    record(
      m,
      newRec({
        key,
        terminal: t,
        merchant: pos.merchant,
        kind: 'sale',
        amountFen,
        sent: { kind: 'sale', input: saleInput(key, amountFen, 'debit') },
        status: 'reversed',
        businessDate: dateNow(m),
        remembered: true,
      }),
    );
    await expectBalances(m, r);
  });
}

/** What a retransmission of `rec` must be answered. */
function replayExpected(rec: Rec, otherContent: boolean): string | null {
  if (rec.remembered) return 'already_reversed';
  if (otherContent) return 'duplicate_with_different_content';
  if (rec.status === 'declined') return rec.code;
  if (rec.status === 'reversed') return 'already_reversed';
  return 'approved';
}

/** A retransmission of an earlier request: the same key with the same or other content. */
function duplicateCommand(pick: number, otherContent: boolean): Command {
  const label = `duplicate(pick ${pick}, otherContent ${otherContent})`;
  return command(
    label,
    async (m, r) => {
      const rec = m.list[pick % m.list.length] as Rec;
      const bump = otherContent ? 1n : 0n;
      const s = rec.sent;
      const result =
        s.kind === 'sale'
          ? await r.engine.sale({ ...s.input, amountFen: s.input.amountFen + bump })
          : s.kind === 'void'
            ? await r.engine.voidSale({ ...s.input, amountFen: s.input.amountFen + bump })
            : await r.engine.refund({ ...s.input, amountFen: s.input.amountFen + bump });
      const expected = replayExpected(rec, otherContent);
      expect(codeOf(result)).toBe(expected);
      if (result.ok) {
        const v = result.value;
        const t = v.transaction;
        expect([v.duplicate, t.rrn, t.status]).toEqual([true, rec.rrn, rec.status]);
        const voidable = rec.kind === 'sale' && rec.status === 'approved';
        const until = voidable ? cutoffInstantOf(rec.businessDate, m.rules.cutoffTime) : null;
        expect(v.voidableUntil).toEqual(until);
      } else if (expected === rec.code) {
        expect(result.outcome.detail?.['duplicate']).toBe(true);
      }
      await expectBalances(m, r);
    },
    (m) => m.list.length > 0,
  );
}

/** Terminal settlement with the model's totals (or one sale too many), maybe sent twice. */
function settleBatchCommand(terminal: number, unbalanced: boolean, repeat: boolean): Command {
  const label = `settleBatch(t${terminal}, unbalanced ${unbalanced}, repeat ${repeat})`;
  return command(label, async (m, r) => {
    const pos = m.pos[terminal % m.pos.length] as Pos;
    const host = batchTotals(m, pos, pos.batchNo);
    const terminalTotals: BatchTotals = unbalanced
      ? { ...host, domestic: { ...host.domestic, debitCount: host.domestic.debitCount + 1 } }
      : host;
    const input = { terminalId: pos.id, batchNo: pos.batchNo, terminalTotals };
    const result = await r.engine.settleBatch(input);
    const next = nextBatchNo(pos.batchNo);
    expect(result.ok && result.value).toEqual({
      hostTotals: host,
      domesticBalanced: !unbalanced,
      foreignBalanced: true,
      balanced: !unbalanced,
      nextBatchNo: next,
      duplicate: false,
    });
    if (repeat) {
      const again = await r.engine.settleBatch(input);
      expect(again.ok && [again.value.duplicate, again.value.hostTotals]).toEqual([true, host]);
    }
    pos.batches.set(pos.batchNo, 'settled');
    pos.batches.set(next, 'open');
    pos.batchNo = next;
    await expectBalances(m, r);
  });
}

function advanceCommand(ms: number, label: string): Command {
  return command(`advance(${label})`, async (m, r) => {
    m.nowMs += ms;
    r.clock.advance(ms);
  });
}

/** Runs the cutoff of every due date, maybe after moving just past the next cutoff. */
function cutoffCommand(pastNextCutoff: boolean, seconds: number): Command {
  return command(`cutoff(pastNextCutoff ${pastNextCutoff}, +${seconds}s)`, async (m, r) => {
    if (pastNextCutoff) {
      const at = cutoffInstantOf(dateNow(m), m.rules.cutoffTime).getTime() + seconds * 1000;
      r.clock.advance(at - m.nowMs);
      m.nowMs = at;
    }
    const cutoffOf = (d: string) => cutoffInstantOf(d, m.rules.cutoffTime).getTime();
    const due = [...m.dates]
      .filter(([d, s]) => s === 'open' && cutoffOf(d) <= m.nowMs)
      .map(([d]) => d)
      .sort();
    // Dates of earlier worlds in the same database are cut off too; they are not ours.
    const done = (await r.engine.cutoffDue()).filter((c) => c.businessDate >= m.firstDate);
    expect(done.map((c) => c.businessDate)).toEqual(due);
    for (const c of done) {
      m.dates.set(c.businessDate, 'cut_off');
      const ofDate = m.list.filter((x) => x.businessDate === c.businessDate);
      const approved = ofDate.filter((x) => x.status === 'approved');
      const sales = approved.filter((x) => x.kind === 'sale');
      expect(c.summary).toEqual({
        approvedCount: approved.length,
        approvedSalesFen: sales.reduce((a, x) => a + x.amountFen, 0n),
      });
    }
    await expectBalances(m, r);
  });
}

/**
 * Settles merchants for every cut-off date, oldest first or (an operator settling by hand)
 * newest first, all at one instant, and compares each settlement. A carried debt is a running
 * balance: whatever order the dates settle in, each debt is carried into one settlement only.
 */
function settleMerchantsCommand(newestFirst: boolean): Command {
  return command(`settleMerchants(newestFirst ${newestFirst})`, (m, r) =>
    settleAll(m, r, newestFirst),
  );
}

async function settleAll(m: Model, r: Real, newestFirst: boolean): Promise<void> {
  const dates = [...m.dates]
    .filter(([, s]) => s === 'cut_off')
    .map(([d]) => d)
    .sort();
  if (newestFirst) dates.reverse();
  for (const date of dates) {
    const days = Array.from({ length: MERCHANTS }, (_, merchant) =>
      settleDay(m, date, merchant),
    ).filter((d): d is DaySettlement => d !== null);
    const result = await r.engine.settleMerchants({ businessDate: date });
    const sum = (f: (d: DaySettlement) => bigint) => days.reduce((a, d) => a + f(d), 0n);
    expect(result.ok && result.value).toEqual({
      businessDate: date,
      merchants: days.length,
      grossFen: sum((d) => d.grossFen),
      feeFen: sum((d) => d.feeFen),
      refundFen: sum((d) => d.refundFen),
      payoutFen: sum((d) => d.payoutFen),
      already: false,
    });
    for (const d of days) {
      const [s] = await r.stores.settlement.settlements(date, r.merchantIds[d.merchant] ?? '');
      expect(s && [s.d0FeeFen, s.carriedInFen, s.netFen, s.payoutFen]).toEqual([
        d.d0FeeFen,
        d.carriedInFen,
        d.netFen,
        d.payoutFen,
      ]);
    }
    m.dates.set(date, 'settled');
  }
  await expectBalances(m, r);
}

// ---------------------------------------------------------------------------------------------
// Generators.

const terminal = fc.nat({ max: MERCHANTS * TERMINALS_PER_MERCHANT - 1 });
const pick = fc.nat({ max: 1_000 });
const amountFen = fc.oneof(
  { weight: 3, arbitrary: fc.bigInt({ min: 1n, max: 20_000n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 1n, max: 2_000_000n }) },
);
const card = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<CardChoice>('debit', 'credit', 'foreignCredit', 'qr') },
  {
    weight: 2,
    arbitrary: fc.constantFrom<CardChoice>(
      'insufficientFunds',
      'wrongPin',
      'expired',
      'declined',
      'timeout',
    ),
  },
);

/** A boolean that is `usual` three times in four. */
function mostly(usual: boolean): fc.Arbitrary<boolean> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(usual) },
    { weight: 1, arbitrary: fc.constant(!usual) },
  );
}

const sale = fc.tuple(terminal, amountFen, card).map(([t, a, c]) => saleCommand(t, a, c));
const voidOfSale = fc
  .record({ approvedOnly: mostly(true), sameTerminal: mostly(true), wrongAmount: mostly(false) })
  .chain((opts) => fc.tuple(terminal, pick).map(([t, p]) => voidCommand(t, p, opts)));
const refundAmount = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<RefundAmount>('third', 'rest') },
  { weight: 1, arbitrary: fc.constantFrom<RefundAmount>('over', 'unknown_rrn') },
);
const refundOfSale = fc
  .record({ approvedOnly: mostly(true), sameMerchant: mostly(true), amount: refundAmount })
  .chain((opts) => fc.tuple(terminal, pick).map(([t, p]) => refundCommand(t, p, opts)));

const commands = fc.commands(
  [
    sale,
    sale,
    voidOfSale,
    voidOfSale,
    refundOfSale,
    refundOfSale,
    fc
      .tuple(pick, mostly(true), mostly(false))
      .map(([p, recent, wrong]) => reverseCommand(p, recent, wrong)),
    fc.tuple(terminal, amountFen).map(([t, a]) => reverseUnknownCommand(t, a)),
    fc.tuple(pick, fc.boolean()).map(([p, other]) => duplicateCommand(p, other)),
    fc
      .tuple(terminal, fc.boolean(), fc.boolean())
      .map(([t, u, rep]) => settleBatchCommand(t, u, rep)),
    fc.oneof(
      fc.integer({ min: 1, max: 240 }).map((n) => advanceCommand(n * 60_000, `${n} min`)),
      fc.integer({ min: 1, max: 3 }).map((n) => advanceCommand(n * DAY_MS, `${n} days`)),
      fc.constant(advanceCommand(31 * DAY_MS, '31 days')),
    ),
    fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 120 })).map(([p, s]) => cutoffCommand(p, s)),
    fc.boolean().map((newestFirst) => settleMerchantsCommand(newestFirst)),
  ],
  { maxCommands: 40, size: 'max' },
);

// ---------------------------------------------------------------------------------------------
// Worlds: one database while runs pass; a run that fails leaves it dirty and the next run (a
// shrink step) gets a fresh one, so shrinking never blames a ledger broken by an earlier run.

type Fixture = {
  database: Database;
  planId: string;
  runs: number;
  nextStartMs: number;
  dirty: boolean;
};
let fixture: Fixture | undefined;

async function freshFixture(): Promise<Fixture> {
  const database = await openTestDatabase();
  const planId = '01900000-0000-7000-8000-00000000a11a';
  await setup.createFeePlan(database.db, {
    id: planId,
    name: 'model',
    at: new Date(FIRST_START_MS),
    rates: Object.entries(TEST_RATES).map(([service, rate], i) => ({
      id: `01900000-0000-7000-8000-0000000000${String(10 + i)}`,
      service: service as keyof typeof TEST_RATES,
      rateBps: rate.rateBps,
      capFen: rate.capFen,
      effectiveFrom: new Date('2020-01-01T00:00:00Z'),
    })),
  });
  return { database, planId, runs: 0, nextStartMs: FIRST_START_MS, dirty: false };
}

async function currentFixture(): Promise<Fixture> {
  if (fixture && !fixture.dirty) return fixture;
  await fixture?.database.close();
  fixture = await freshFixture();
  return fixture;
}

async function newWorld(f: Fixture, cutoffTime: string): Promise<{ model: Model; real: Real }> {
  f.runs += 1;
  const clock = new FakeClock(new Date(f.nextStartMs));
  const ids = createIds(clock, seededRandom(f.runs));
  const network = new CardNetworkSimulator({ clock });
  const rules: PaymentRules = { cutoffTime, refundWindowDays: 30, saleSnapshotTtlMs: 60_000 };
  const stores = createStores(f.database.db);
  const engine = createEngine({ stores, network, clock, ids, rules });
  const merchantIds: string[] = [];
  const pos: Pos[] = [];
  for (let m = 0; m < MERCHANTS; m++) {
    const id = ids.next();
    merchantIds.push(id);
    await setup.createMerchant(f.database.db, {
      id,
      merchantNo: `89831${String(f.runs).padStart(8, '0')}${String(m).padStart(2, '0')}`,
      name: `模型商户${f.runs}-${m}`,
      merchantType: 'enterprise',
      feePlanId: f.planId,
      services:
        m === D0_MERCHANT ? [...ALL_PAYMENT_SERVICES, 'd0_settlement'] : ALL_PAYMENT_SERVICES,
      at: clock.now(),
    });
    for (let t = 0; t < TERMINALS_PER_MERCHANT; t++) {
      const terminalId = `P${String(f.runs).padStart(5, '0')}${m}${t}`;
      await setup.createTerminal(f.database.db, {
        terminalId,
        merchantId: id,
        serialNo: `SN${terminalId}`,
        at: clock.now(),
      });
      const signed = await engine.signIn({ terminalId });
      expect(signed.ok).toBe(true);
      pos.push({
        id: terminalId,
        merchant: m,
        batchNo: 1,
        voucherNo: 0,
        batches: new Map([[1, 'open']]),
      });
    }
  }
  const model: Model = {
    nowMs: clock.now().getTime(),
    rules,
    pos,
    records: new Map(),
    list: [],
    rrns: new Set(),
    dates: new Map(),
    firstDate: businessDateOf(clock.now(), cutoffTime),
    pendingFen: merchantIds.map(() => 0n),
    payableFen: merchantIds.map(() => 0n),
    carriedFen: merchantIds.map(() => 0n),
    chargedFen: 0n,
  };
  return { model, real: { engine, clock, network, stores, merchantIds } };
}

/** At the end of a run: balances, the ledger check, and the network against the ledger. */
async function expectFinalState(m: Model, r: Real): Promise<void> {
  await expectBalances(m, r);
  const report = await r.engine.checkLedger();
  expect(report).toMatchObject({ ok: true, unbalancedEntryIds: [], mismatches: [] });
  let receivable = 0n;
  for (const id of r.merchantIds) {
    const rows = await r.stores.ledger.balances(id);
    receivable += rows.find((b) => b.account === 'network_receivable')?.balanceFen ?? 0n;
  }
  expect(receivable, 'ledger receivable vs network charged').toBe(r.network.chargedFen());
}

/** Runs `cmds` in a new world of the shared database and checks the final state. */
async function runInWorld(cutoff: string, cmds: Iterable<Command>): Promise<void> {
  const f = await currentFixture();
  const world = await newWorld(f, cutoff);
  try {
    await fc.asyncModelRun(() => world, cmds);
    await expectFinalState(world.model, world.real);
  } catch (failure) {
    f.dirty = true;
    throw failure;
  }
  const daysUsed = Math.ceil((world.model.nowMs - FIRST_START_MS) / DAY_MS);
  f.nextStartMs = FIRST_START_MS + (daysUsed + 3) * DAY_MS;
}

describe('payments engine against a model', () => {
  afterAll(async () => fixture?.database.close());

  // On failure fast-check prints `{ seed, path }` and the shrunk commands; passing them to the
  // options below (`{ seed, path, numRuns: 1 }`) replays that run exactly, on a fresh database.
  it('answers every generated request sequence as the model does', async () => {
    const cutoffTime = fc.constantFrom('23:00', '00:00', '21:30');
    await fc.assert(fc.asyncProperty(cutoffTime, commands, runInWorld), {
      numRuns: 30,
      interruptAfterTimeLimit: 100_000,
    });
  }, 120_000);

  it('carries a debt into one settlement only when dates settle newest first', async () => {
    const rest = { approvedOnly: true, sameMerchant: true, amount: 'rest' } as const;
    await runInWorld('23:00', [
      saleCommand(0, 100n, 'debit'), // D0: paid out 99 fen
      cutoffCommand(true, 0),
      settleMerchantsCommand(false),
      refundCommand(0, 0, rest), // D1: refunds 100 fen, carries −100 fen
      cutoffCommand(true, 0),
      settleMerchantsCommand(false),
      saleCommand(0, 10_000n, 'debit'), // D2
      advanceCommand(DAY_MS, '1 day'),
      saleCommand(0, 10_000n, 'debit'), // D3
      cutoffCommand(true, 0),
      // Settling D3 then D2: the −100 fen must be taken from one of them, not from both.
      settleMerchantsCommand(true),
    ]);
  });
});
