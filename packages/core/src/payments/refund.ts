// Refund (退货): returns money for a sale whose settlement cycle has closed, within the refund
// window; partial refunds are allowed and their sum never exceeds the original.
import { businessDateOf, cutoffInstantOf, shanghaiWallTime } from '../shared/business-date.ts';
import { err, ok } from '../shared/result.ts';
import { outcome, type OutcomeCode } from '../shared/outcome.ts';
import { refundLines } from '../ledger/model.ts';
import { networkRef, requestHash, type RequestKey, type TransactionRecord } from './model.ts';
import { assert } from '../shared/assert.ts';
import {
  askNetwork,
  copiedFromOriginal,
  draftRecord,
  recordApproval,
  recordDecline,
  releasedOrReplayed,
  replay,
  terminalRefusal,
  type PaymentResult,
  type PaymentsDeps,
  type PaymentRules,
} from './deps.ts';

export type RefundInput = RequestKey & {
  readonly amountFen: bigint;
  /** The original sale, by RRN (field 37) and optionally its date `MMDD` (field 61.3). */
  readonly original: { readonly rrn: string; readonly dateMmdd?: string | null };
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Outcomes: invalid_amount, terminal_not_found, terminal_frozen, terminal_not_active,
 * merchant_not_active, terminal_not_signed_in, batch_not_open, original_not_found,
 * original_not_approved, already_voided, already_reversed, refund_not_yet_allowed,
 * refund_window_expired, refund_exceeds_original, network outcomes,
 * duplicate_with_different_content.
 */
export async function refund(deps: PaymentsDeps, input: RefundInput): Promise<PaymentResult> {
  try {
    const request = { key: input, ref: networkRef(input), hash: refundHash(input) };
    return await releasedOrReplayed(deps, request, () => refundInTransaction(deps, input));
  } finally {
    deps.snapshots.handled(input);
  }
}

function refundHash(input: RefundInput): string {
  return requestHash(['refund', input.amountFen, input.original.rrn]);
}

async function refundInTransaction(deps: PaymentsDeps, input: RefundInput): Promise<PaymentResult> {
  if (input.amountFen <= 0n) return err(outcome('invalid_amount'));
  const hash = refundHash(input);
  const ref = networkRef(input);
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const opening = await tx.openRefund(input, {
      rrn: input.original.rrn,
      date: businessDateOf(at, deps.rules.cutoffTime),
    });
    if (!opening) return err(outcome('terminal_not_found'));
    const { ctx, existing, businessDate } = opening;
    if (existing) return replay(existing, hash, deps.rules);
    assert(businessDate, 'a new refund has its business date held');
    const found = opening.original;
    const original = found && matchesDate(found, input.original.dateMmdd) ? found : undefined;
    const draft = draftRecord(input, {
      ...(opening.rrn ? { rrn: opening.rrn } : {}),
      id: deps.ids.next(),
      merchantId: ctx.merchantId,
      kind: 'refund',
      amountFen: input.amountFen,
      businessDate,
      requestHash: hash,
      createdAt: at,
      ...copiedFromOriginal(original),
    });
    const refusal = terminalRefusal(ctx, null);
    if (refusal) return recordDecline(tx, draft, refusal);
    if (!original || original.kind !== 'sale')
      return recordDecline(tx, draft, 'original_not_found');
    const rule = refundRefusal(original, input.amountFen, at, deps.rules);
    if (rule) return recordDecline(tx, draft, rule);
    if (opening.closed === null) return recordDecline(tx, draft, 'refund_not_yet_allowed');
    const answer = await askNetwork(deps.network, ref, () =>
      deps.network.refund({ ref, originalRef: networkRef(original), amountFen: input.amountFen }),
    );
    if ('refused' in answer) return recordDecline(tx, draft, answer.refused);
    await tx.updateTransaction(original.id, {
      refundedFen: original.refundedFen + input.amountFen,
    });
    const record = await recordApproval(
      deps,
      tx,
      { ...draft, authCode: answer.approved },
      {
        kind: 'refund',
        businessDate,
        lines: refundLines(ctx.merchantId, input.amountFen),
      },
    );
    return ok({ transaction: record, duplicate: false, voidableUntil: null });
  });
}

/** Why `original` cannot be refunded by `amountFen` at `at`, by its own state (null: it can). */
export function refundRefusal(
  original: TransactionRecord,
  amountFen: bigint,
  at: Date,
  rules: PaymentRules,
): OutcomeCode | null {
  if (original.status === 'declined') return 'original_not_approved';
  if (original.status === 'voided') return 'already_voided';
  if (original.status === 'reversed') return 'already_reversed';
  const windowEnd = cutoffInstantOf(original.businessDate, rules.cutoffTime).getTime();
  if (at.getTime() > windowEnd + rules.refundWindowDays * DAY_MS) return 'refund_window_expired';
  if (original.refundedFen + amountFen > original.amountFen) return 'refund_exceeds_original';
  return null;
}

/** Terminals send the original's date as MMDD (Shanghai time of the sale); zeros mean unknown. */
function matchesDate(original: TransactionRecord, mmdd: string | null | undefined): boolean {
  if (!mmdd || mmdd === '0000') return true;
  return shanghaiWallTime(original.createdAt).mmdd === mmdd;
}
