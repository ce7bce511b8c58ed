// Void (消费撤销): cancels a sale in full on the same terminal while its settlement cycle is open
// (its batch not settled and its business date not cut off); after that, only a refund can.
import { businessDateOf } from '../shared/business-date.ts';
import { err, ok } from '../shared/result.ts';
import { outcome, type OutcomeCode } from '../shared/outcome.ts';
import { oppositeLines } from '../ledger/model.ts';
import { networkRef, requestHash, type RequestKey, type TransactionRecord } from './model.ts';
import {
  askNetwork,
  copiedFromOriginal,
  draftRecord,
  recordApproval,
  recordDecline,
  releasedOnDefect,
  replay,
  terminalRefusal,
  type PaymentResult,
  type PaymentsDeps,
} from './deps.ts';

export type VoidSaleInput = RequestKey & {
  /** Must equal the original's amount: a void is always for the full amount. */
  readonly amountFen: bigint;
  /** The original sale on this terminal, by batch and voucher number (field 61). */
  readonly original: { readonly batchNo: number; readonly voucherNo: number };
};

/**
 * Outcomes: invalid_amount, terminal_not_found, terminal_frozen, terminal_not_active,
 * merchant_not_active, terminal_not_signed_in, batch_not_open, original_not_found,
 * original_not_approved, already_voided, already_reversed, already_refunded, amount_mismatch,
 * void_window_closed (detail.reason: batch_settled | cut_off), network outcomes,
 * duplicate_with_different_content.
 */
export async function voidSale(deps: PaymentsDeps, input: VoidSaleInput): Promise<PaymentResult> {
  try {
    return await releasedOnDefect(deps.network, networkRef(input), () =>
      voidInTransaction(deps, input),
    );
  } finally {
    deps.snapshots.handled(input);
  }
}

async function voidInTransaction(deps: PaymentsDeps, input: VoidSaleInput): Promise<PaymentResult> {
  if (input.amountFen <= 0n) return err(outcome('invalid_amount'));
  const hash = requestHash([
    'void',
    input.amountFen,
    input.original.batchNo,
    input.original.voucherNo,
  ]);
  const ref = networkRef(input);
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    // UnionPay: a void names its original on the same terminal, by batch and voucher number.
    const opening = await tx.openVoid(input, input.original);
    if (!opening) return err(outcome('terminal_not_found'));
    const { ctx, existing, original } = opening;
    if (existing) return replay(existing, hash, deps.rules);
    const draft = draftRecord(input, {
      ...(opening.rrn ? { rrn: opening.rrn } : {}),
      id: deps.ids.next(),
      merchantId: ctx.merchantId,
      kind: 'void',
      amountFen: input.amountFen,
      businessDate: original?.businessDate ?? businessDateOf(at, deps.rules.cutoffTime),
      requestHash: hash,
      createdAt: at,
      ...copiedFromOriginal(original),
    });
    const refusal = terminalRefusal(ctx, null);
    if (refusal) return recordDecline(tx, draft, refusal);
    if (!original || original.kind !== 'sale')
      return recordDecline(tx, draft, 'original_not_found');
    const rule = voidRefusal(original, input.amountFen);
    if (rule) return recordDecline(tx, draft, rule);
    if (opening.closed) {
      return recordDecline(tx, draft, 'void_window_closed', { reason: opening.closed });
    }
    const answer = await askNetwork(deps.network, ref, () =>
      deps.network.void({ ref, originalRef: networkRef(original), amountFen: input.amountFen }),
    );
    if ('refused' in answer) return recordDecline(tx, draft, answer.refused);
    await tx.updateTransaction(original.id, { status: 'voided', closedAt: at });
    const record = await recordApproval(
      deps,
      tx,
      { ...draft, authCode: answer.approved },
      { kind: 'void', businessDate: original.businessDate, lines: oppositeLines(opening.lines) },
    );
    return ok({ transaction: record, duplicate: false, voidableUntil: null });
  });
}

/** Why this sale cannot be voided for `amountFen`, by its own state (null: it can). */
export function voidRefusal(original: TransactionRecord, amountFen: bigint): OutcomeCode | null {
  switch (original.status) {
    case 'declined':
      return 'original_not_approved';
    case 'voided':
      return 'already_voided';
    case 'reversed':
      return 'already_reversed';
    case 'approved':
      break;
    default: {
      const never: never = original.status;
      return never;
    }
  }
  if (original.refundedFen > 0n) return 'already_refunded';
  if (original.amountFen !== amountFen) return 'amount_mismatch';
  return null;
}
