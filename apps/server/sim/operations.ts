// What a simulated terminal does in one turn (sale, void, refund, duplicate, lost answers and
// reversals, batch settlement, the void-by-time menu), each reply checked by the auditor.
import {
  cutoffInstantOf,
  nextBatchNo,
  type PaymentResult,
  type VoidSaleInput,
} from '@shoudan/core';
import {
  batchTotals,
  keyOf,
  refundRefusal,
  replayExpected,
  reversalExpected,
  same,
  saleDecline,
  saleFee,
  voidableRrns,
  voidRefusal,
  type Card,
  type Entry,
} from './auditor.ts';
import {
  choose,
  count,
  dropAnswerOf,
  nextKey,
  note,
  saleInput,
  type Sim,
  type SimTerminal,
} from './sim-world.ts';

/** Who loses the answer: nobody, the terminal (host → terminal) or the host (network → host). */
type Loss = 'none' | 'terminal' | 'network';

type Operation = (sim: Sim, t: SimTerminal) => Promise<void>;

const CARDS: readonly (readonly [number, Card])[] = [
  [35, 'debit'],
  [20, 'credit'],
  [8, 'foreignCredit'],
  [12, 'qr'],
  [5, 'insufficientFunds'],
  [4, 'wrongPin'],
  [3, 'expired'],
  [3, 'declined'],
  [3, 'timeout'],
];

function amountFen(sim: Sim): bigint {
  const r = sim.random;
  // Mostly small tickets; now and then a large one, above the debit-card fee cap.
  return BigInt(r.next() < 0.9 ? r.int(1, 50_000) : r.int(50_000, 5_000_000));
}

function codeOf(result: PaymentResult): string {
  return result.ok ? 'approved' : result.outcome.code;
}

/** The network did the work but its answer was lost: the host reverses it and says so. */
function networkLoss(loss: Loss): 'network_timeout' | null {
  return loss === 'network' ? 'network_timeout' : null;
}

function lossLabel(loss: Loss): string {
  return loss === 'none' ? '' : `.lost_by_${loss}`;
}

/** The terminal lost this answer: it owes a reversal, sent before its next request. */
function loseAnswer(t: SimTerminal, entry: Entry): void {
  entry.seen = false;
  t.pending = { key: entry.key, kind: entry.kind, amountFen: entry.amountFen };
}

async function sale(sim: Sim, t: SimTerminal, loss: Loss): Promise<void> {
  const a = sim.auditor;
  const card = choose(sim.random, CARDS);
  const amount = amountFen(sim);
  const key = nextKey(t);
  const input = saleInput(key, amount, card);
  if (loss === 'network') dropAnswerOf(sim, key);
  const result = await sim.engine.sale(input);
  const businessDate = a.holdDateNow();
  const expected = saleDecline(card) ?? networkLoss(loss);
  same(`sale ${keyOf(key)} with ${card}`, codeOf(result), expected ?? 'approved');
  const fee = expected ? 0n : saleFee(card, amount);
  const rrn = result.ok ? a.newRrn(result.value.transaction.rrn) : null;
  if (result.ok) {
    const tx = result.value.transaction;
    const voidableUntil = cutoffInstantOf(businessDate, a.options.cutoffTime);
    same(
      'sale answer',
      [tx.feeFen, tx.businessDate, result.value.voidableUntil],
      [fee, businessDate, voidableUntil],
    );
  }
  const entry = a.record({
    key,
    merchant: t.merchant,
    kind: 'sale',
    status: expected ? 'declined' : 'approved',
    code: expected,
    amountFen: amount,
    feeFen: fee,
    refundedFen: 0n,
    businessDate,
    createdMs: a.nowMs,
    rrn,
    foreign: card === 'foreignCredit',
    original: null,
    sent: { kind: 'sale', input },
    seen: true,
  });
  if (!expected) a.moveSale(entry, 1n);
  count(sim, `sale.${codeOf(result)}${lossLabel(loss)}`);
  note(sim, 'sale', codeOf(result), rrn, amount);
  // After a lost upstream answer the host's own answer may be lost on the way back too.
  if (loss === 'terminal' || (loss === 'network' && sim.random.next() < 0.3)) loseAnswer(t, entry);
}

/** A void of one of the terminal's sales by its voucher; now and then of one it never made. */
async function voidSale(sim: Sim, t: SimTerminal, loss: Loss): Promise<void> {
  const a = sim.auditor;
  const own = a.ofTerminal(t.id).filter((e) => e.kind === 'sale' && e.seen);
  // Cashiers void what they just sold; now and then an older voucher, or another terminal's.
  const from = choose(sim.random, [
    [6, own.slice(-8)],
    [3, own],
    [1, [...a.salesByMerchant.values()].flat()],
  ] as const);
  const picked = from[sim.random.int(0, Math.max(0, from.length - 1))];
  if (!picked) return sale(sim, t, loss);
  const amount = picked.amountFen + (sim.random.next() < 0.08 ? 1n : 0n);
  const original = { batchNo: picked.key.batchNo, voucherNo: picked.key.voucherNo };
  const target = a.entries.get(keyOf({ terminalId: t.id, ...original }));
  const key = nextKey(t);
  if (loss === 'network') dropAnswerOf(sim, key);
  const refusal = voidRefusal(a, target, amount) ?? networkLoss(loss);
  const input: VoidSaleInput = { ...key, amountFen: amount, original };
  const result = await sim.engine.voidSale(input);
  same(
    `void ${keyOf(key)} of ${keyOf({ terminalId: t.id, ...original })}`,
    codeOf(result),
    refusal ?? 'approved',
  );
  const voided = target?.kind === 'sale' ? target : null;
  const entry = a.record({
    key,
    merchant: t.merchant,
    kind: 'void',
    status: refusal ? 'declined' : 'approved',
    code: refusal,
    amountFen: amount,
    feeFen: 0n,
    refundedFen: 0n,
    businessDate: voided?.businessDate ?? a.dateNow(),
    createdMs: a.nowMs,
    rrn: result.ok ? a.newRrn(result.value.transaction.rrn) : null,
    foreign: voided?.foreign ?? false,
    original: voided,
    sent: { kind: 'void', input },
    seen: true,
  });
  if (result.ok && voided) {
    voided.status = 'voided';
    a.moveSale(voided, -1n);
  }
  count(sim, `void.${codeOf(result)}${lossLabel(loss)}`);
  note(sim, 'void', codeOf(result), entry.rrn, amount);
  if (loss === 'terminal') loseAnswer(t, entry);
}

/** A refund by RRN of a sale of the merchant, partial, the rest, or too much. */
async function refund(sim: Sim, t: SimTerminal, loss: Loss): Promise<void> {
  const a = sim.auditor;
  const known = (a.salesByMerchant.get(t.merchant) ?? []).filter((e) => e.rrn !== null && e.seen);
  // Refunds mostly follow recent sales; some come weeks later, some past the refund window.
  const from = sim.random.next() < 0.6 ? known.slice(-30) : known;
  const picked = from[sim.random.int(0, Math.max(0, from.length - 1))];
  if (!picked || sim.random.next() < 0.05) return refundOf(sim, t, loss, '999999999999', 100n);
  const left = picked.amountFen - picked.refundedFen;
  const amount = choose(sim.random, [
    [5, picked.amountFen / 3n > 0n ? picked.amountFen / 3n : 1n],
    [4, left > 0n ? left : 1n],
    [1, left + 1n],
  ] as const);
  return refundOf(sim, t, loss, picked.rrn ?? '', amount);
}

async function refundOf(sim: Sim, t: SimTerminal, loss: Loss, rrn: string, amount: bigint) {
  const a = sim.auditor;
  // The host finds the original by RRN among the refunding merchant's own sales.
  const sale = a.saleByRrn.get(rrn);
  const target = sale?.merchant === t.merchant ? sale : undefined;
  const key = nextKey(t);
  if (loss === 'network') dropAnswerOf(sim, key);
  const businessDate = a.holdDateNow();
  const refusal = refundRefusal(a, target, amount) ?? networkLoss(loss);
  const input = { ...key, amountFen: amount, original: { rrn } };
  const result = await sim.engine.refund(input);
  same(`refund ${keyOf(key)} of RRN ${rrn}`, codeOf(result), refusal ?? 'approved');
  const entry = a.record({
    key,
    merchant: t.merchant,
    kind: 'refund',
    status: refusal ? 'declined' : 'approved',
    code: refusal,
    amountFen: amount,
    feeFen: 0n,
    refundedFen: 0n,
    businessDate,
    createdMs: a.nowMs,
    rrn: result.ok ? a.newRrn(result.value.transaction.rrn) : null,
    foreign: target?.foreign ?? false,
    original: target ?? null,
    sent: { kind: 'refund', input },
    seen: true,
  });
  if (result.ok && target) a.refundApproved(entry, target);
  count(sim, `refund.${codeOf(result)}${lossLabel(loss)}`);
  note(sim, 'refund', codeOf(result), entry.rrn, amount);
  if (loss === 'terminal') loseAnswer(t, entry);
}

/** The terminal sends its pending reversal; its answer may be lost, and then it is resent. */
export async function sendReversal(sim: Sim, t: SimTerminal): Promise<void> {
  const a = sim.auditor;
  const p = t.pending;
  if (!p) return;
  const target = a.entries.get(keyOf(p.key));
  const expected = reversalExpected(a, target, p.amountFen);
  const result = await sim.engine.reverse({ ...p.key, kind: p.kind, amountFen: p.amountFen });
  const got = result.ok ? { effect: result.value.effect } : { code: result.outcome.code };
  same(`reversal of ${p.kind} ${keyOf(p.key)}`, got, expected);
  if ('effect' in expected && expected.effect === 'reversed' && target) {
    target.status = 'reversed';
    if (target.kind === 'sale') a.moveSale(target, -1n);
    // Reversing a void puts its sale back: approved and counting again.
    if (target.kind === 'void' && target.original) {
      target.original.status = 'approved';
      a.moveSale(target.original, 1n);
    }
  }
  if ('effect' in expected && expected.effect === 'unknown_request') rememberUnknown(sim, p);
  const label = result.ok ? result.value.effect : result.outcome.code;
  count(sim, `reversal.${label}`);
  note(sim, 'reversal', label, keyOf(p.key));
  // A refused reversal is final; an answered one may have been lost and is sent again.
  t.pending = 'effect' in got && sim.random.next() < 0.15 ? p : null;
}

function rememberUnknown(sim: Sim, p: NonNullable<SimTerminal['pending']>): void {
  const a = sim.auditor;
  const merchant = sim.terminals.find((t) => t.id === p.key.terminalId)?.merchant ?? 0;
  a.record({
    key: p.key,
    merchant,
    kind: p.kind,
    status: 'reversed',
    code: null,
    amountFen: p.amountFen,
    feeFen: 0n,
    refundedFen: 0n,
    businessDate: a.dateNow(),
    createdMs: a.nowMs,
    rrn: null,
    foreign: false,
    original: null,
    sent: null,
    seen: false,
  });
}

/** The sale request is lost before it reaches the host: the terminal owes its reversal. */
async function lostRequest(sim: Sim, t: SimTerminal): Promise<void> {
  const key = nextKey(t);
  const amount = amountFen(sim);
  t.pending = { key, kind: 'sale', amountFen: amount };
  t.late = saleInput(key, amount, 'debit');
  count(sim, 'sale.lost_on_the_way');
}

/** The lost sale finally arrives, after its reversal: it must be refused. */
async function lateArrival(sim: Sim, t: SimTerminal): Promise<void> {
  if (!t.late) return sale(sim, t, 'none');
  const result = await sim.engine.sale(t.late);
  same(`late sale ${keyOf(t.late)}`, codeOf(result), 'already_reversed');
  t.late = null;
  count(sim, `late_sale.${codeOf(result)}`);
  note(sim, 'late_sale', codeOf(result));
}

/** A retransmission of one of the terminal's recent requests, same or other content. */
async function duplicate(sim: Sim, t: SimTerminal): Promise<void> {
  const a = sim.auditor;
  const mine = a
    .ofTerminal(t.id)
    .slice(-12)
    .filter((e) => e.sent !== null);
  const entry = mine[sim.random.int(0, Math.max(0, mine.length - 1))];
  if (!entry?.sent) return sale(sim, t, 'none');
  const sameContent = sim.random.next() < 0.75;
  const bump = sameContent ? 0n : 1n;
  const s = entry.sent;
  const result =
    s.kind === 'sale'
      ? await sim.engine.sale({ ...s.input, amountFen: s.input.amountFen + bump })
      : s.kind === 'void'
        ? await sim.engine.voidSale({ ...s.input, amountFen: s.input.amountFen + bump })
        : await sim.engine.refund({ ...s.input, amountFen: s.input.amountFen + bump });
  const expected = replayExpected(entry, sameContent);
  same(`duplicate of ${entry.kind} ${keyOf(entry.key)}`, codeOf(result), expected);
  if (result.ok) {
    const tx = result.value.transaction;
    same(
      'replayed answer',
      [result.value.duplicate, tx.rrn, tx.status],
      [true, entry.rrn, entry.status],
    );
  }
  const label = sameContent ? 'duplicate' : 'conflicting_duplicate';
  count(sim, `${label}.${codeOf(result)}`);
  note(sim, label, codeOf(result), result.ok ? result.value.transaction.rrn : null);
}

/** Terminal settlement (0500) with its own totals; sometimes it counted wrong, or asks twice. */
export async function settleBatch(sim: Sim, t: SimTerminal): Promise<void> {
  const a = sim.auditor;
  const host = batchTotals(a, t.id, t.batchNo);
  const off = sim.random.next() < 0.05;
  const terminalTotals = off
    ? { ...host, foreign: { ...host.foreign, creditCount: host.foreign.creditCount + 1 } }
    : host;
  const input = { terminalId: t.id, batchNo: t.batchNo, terminalTotals };
  const result = await sim.engine.settleBatch(input);
  const next = nextBatchNo(t.batchNo);
  same(`settlement of batch ${t.id}:${t.batchNo}`, result.ok && result.value, {
    hostTotals: host,
    domesticBalanced: true,
    foreignBalanced: !off,
    balanced: !off,
    nextBatchNo: next,
    duplicate: false,
  });
  if (sim.random.next() < 0.1) {
    const again = await sim.engine.settleBatch(input);
    same('repeated batch settlement', again.ok && again.value.duplicate, true);
  }
  a.batches.set(`${t.id}:${t.batchNo}`, 'settled');
  a.batches.set(`${t.id}:${next}`, 'open');
  t.batchNo = next;
  count(sim, off ? 'batch.unbalanced' : 'batch.balanced');
  note(sim, 'batch', t.id, next);
}

/** The "void by time" menu: the sales of the last two days this terminal can still void. */
async function voidableMenu(sim: Sim, t: SimTerminal): Promise<void> {
  const a = sim.auditor;
  const fromMs = a.nowMs - 2 * 86_400_000;
  const from = new Date(fromMs);
  const to = new Date(a.nowMs);
  const listed = await sim.engine.findVoidableSales({ terminalId: t.id, from, to, limit: 1000 });
  const rrns = listed.map((v) => v.sale.rrn).sort();
  same(`voidable sales of ${t.id}`, rrns, voidableRrns(a, t.id, fromMs, a.nowMs));
  count(sim, 'void_menu.listed');
  note(sim, 'void_menu', rrns.length);
}

/** What a terminal does with its turn, by weight. */
export const OPERATIONS: readonly (readonly [number, Operation])[] = [
  [44, (sim, t) => sale(sim, t, 'none')],
  [4, (sim, t) => sale(sim, t, 'terminal')],
  [3, (sim, t) => sale(sim, t, 'network')],
  [9, (sim, t) => voidSale(sim, t, 'none')],
  [2, (sim, t) => voidSale(sim, t, 'terminal')],
  [1, (sim, t) => voidSale(sim, t, 'network')],
  [8, (sim, t) => refund(sim, t, 'none')],
  [1, (sim, t) => refund(sim, t, 'terminal')],
  [1, (sim, t) => refund(sim, t, 'network')],
  [9, duplicate],
  [2, lostRequest],
  [2, lateArrival],
  [3, settleBatch],
  [2, voidableMenu],
];
