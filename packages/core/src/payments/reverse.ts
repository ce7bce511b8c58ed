// Reversal (冲正): the terminal undoes a request whose answer it never got. Idempotent: an
// approved request is undone exactly once; a request the host never saw is answered as done, and
// remembered so that the original, arriving late, is refused.
import { assert } from '../shared/assert.ts';
import { businessDateOf } from '../shared/business-date.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { outcome, type Outcome } from '../shared/outcome.ts';
import { balancedEntry, oppositeLines } from '../ledger/model.ts';
import {
  networkRef,
  type RequestKey,
  type TransactionKind,
  type TransactionRecord,
} from './model.ts';
import type { PaymentsTx } from './store.ts';
import { draftRecord, type PaymentsDeps } from './deps.ts';

export type ReverseInput = RequestKey & {
  /** What the original was (from its processing code and message type), and its amount. */
  readonly kind: TransactionKind;
  readonly amountFen: bigint;
};

export type ReversalEffect =
  | 'reversed' // it was approved and is now undone
  | 'already_reversed' // a repeated reversal: nothing more to do
  | 'nothing_to_reverse' // it was declined: nothing was done
  | 'unknown_request'; // never seen: remembered as reversed

export type Reversed = {
  readonly effect: ReversalEffect;
  readonly transaction: TransactionRecord | null;
};

/**
 * Outcomes: amount_mismatch, reversal_not_allowed (refunds, a sale since voided/refunded, or a
 * request of another kind than the reversal names),
 * reversal_window_closed (the original's cycle has closed: refund it instead).
 */
export async function reverse(
  deps: PaymentsDeps,
  input: ReverseInput,
): Promise<Result<Reversed, Outcome>> {
  try {
    return await reverseRequest(deps, input);
  } finally {
    deps.snapshots.handled(input);
    // A reversed sale is no longer one a void may go first for.
    deps.snapshots.unsold(input.terminalId, input);
  }
}

async function reverseRequest(
  deps: PaymentsDeps,
  input: ReverseInput,
): Promise<Result<Reversed, Outcome>> {
  const ref = networkRef(input);
  const at = deps.clock.now();
  const result = await deps.store.transaction(async (tx): Promise<Result<Reversed, Outcome>> => {
    const ctx = await tx.lockTerminal(input.terminalId, input.batchNo);
    if (!ctx) return ok({ effect: 'unknown_request', transaction: null });
    const target = await tx.lockOriginalByVoucher(input);
    if (!target) return rememberUnknown(deps, tx, input, ctx.merchantId, at);
    if (target.status === 'reversed')
      return ok({ effect: 'already_reversed', transaction: target });
    if (target.status === 'declined')
      return ok({ effect: 'nothing_to_reverse', transaction: target });
    if (target.kind === 'refund' || target.status === 'voided' || target.refundedFen > 0n) {
      return err(outcome('reversal_not_allowed'));
    }
    // The host checks what it found against the reversal: the same kind of request, same amount.
    if (target.kind !== input.kind) return err(outcome('reversal_not_allowed'));
    if (target.amountFen !== input.amountFen) return err(outcome('amount_mismatch'));
    const sale = target.kind === 'void' ? await originalOf(tx, target) : target;
    if (await cycleClosed(tx, sale)) return err(outcome('reversal_window_closed'));
    await deps.network.reverse(ref);
    await tx.updateTransaction(target.id, { status: 'reversed', closedAt: at });
    // Reversing a void puts its sale back as it was: approved and voidable again.
    if (target.kind === 'void') {
      await tx.updateTransaction(sale.id, { status: 'approved', closedAt: null });
    }
    const lines = await tx.linesOfTransaction(target.id);
    await tx.postEntry(
      balancedEntry({
        id: deps.ids.next(),
        kind: 'reversal',
        merchantId: target.merchantId,
        transactionId: target.id,
        settlementId: null,
        businessDate: target.businessDate,
        createdAt: at,
        lines: oppositeLines(lines),
      }),
    );
    return ok({ effect: 'reversed', transaction: { ...target, status: 'reversed', closedAt: at } });
  });
  // A request the host declined or never saw may still be held by the network: release it.
  if (result.ok && result.value.effect !== 'reversed') await deps.network.reverse(ref);
  return result;
}

async function rememberUnknown(
  deps: PaymentsDeps,
  tx: PaymentsTx,
  input: ReverseInput,
  merchantId: string,
  at: Date,
): Promise<Result<Reversed, Outcome>> {
  if (input.amountFen <= 0n) return ok({ effect: 'unknown_request', transaction: null });
  const draft = draftRecord(input, {
    id: deps.ids.next(),
    merchantId,
    kind: input.kind,
    amountFen: input.amountFen,
    businessDate: businessDateOf(at, deps.rules.cutoffTime),
    // No fingerprint: whatever arrives later under this key is answered "already reversed".
    requestHash: null,
    createdAt: at,
    closedAt: at,
  });
  const record = await tx.insertTransaction({ ...draft, status: 'reversed', outcomeCode: null });
  return ok({ effect: 'unknown_request', transaction: record });
}

async function originalOf(
  tx: PaymentsTx,
  voidRecord: TransactionRecord,
): Promise<TransactionRecord> {
  const sale = voidRecord.originalId ? await tx.lockOriginalById(voidRecord.originalId) : undefined;
  assert(sale, 'an approved void without its sale');
  return sale;
}

/**
 * UnionPay: a sale's settlement cycle is open while its terminal batch is not settled and its
 * business date is not cut off. Returns why it is closed, or null while open. Holds the business
 * date against a concurrent cutoff until commit.
 */
async function cycleClosed(
  tx: PaymentsTx,
  original: TransactionRecord,
): Promise<'batch_settled' | 'cut_off' | null> {
  const batch = await tx.batchStatus(original.terminalId, original.batchNo);
  if (batch !== 'open') return 'batch_settled';
  const date = await tx.holdBusinessDate(original.businessDate);
  return date === 'open' ? null : 'cut_off';
}
