// Void (消费撤销): cancels a sale in full on the same terminal while its settlement cycle is open
// (its batch not settled and its business date not cut off); after that, only a refund can.
//
// As a sale does, a void of a sale the engine recorded a moment ago on the terminal (its
// snapshot: see terminal-snapshots.ts) asks the network first and is recorded in one round trip if
// under the locks of the terminal and the sale nothing it rests on changed; any other void opens
// first, and one whose facts changed meanwhile opens with the network's answer in hand, releasing
// it at the network when the void is refused.
import { assert } from '../shared/assert.ts';
import { businessDateOf } from '../shared/business-date.ts';
import { err, ok } from '../shared/result.ts';
import { outcome, type OutcomeCode } from '../shared/outcome.ts';
import { oppositeLines, saleLines } from '../ledger/model.ts';
import { networkRef, requestHash, type RequestKey, type TransactionRecord } from './model.ts';
import type { TerminalContext } from './store.ts';
import {
  askNetwork,
  copiedFromOriginal,
  draftRecord,
  recordApproval,
  recordDecline,
  recordOnSnapshot,
  releasedOrReplayed,
  releasedOnDefect,
  releaseUnused,
  replay,
  terminalRefusal,
  type NetworkReply,
  type PaymentResult,
  type PaymentsDeps,
} from './deps.ts';

export type VoidSaleInput = RequestKey & {
  /** Must equal the original's amount: a void is always for the full amount. */
  readonly amountFen: bigint;
  /** The original sale on this terminal, by batch and voucher number (field 61). */
  readonly original: { readonly batchNo: number; readonly voucherNo: number };
  /** What the terminal says of the original besides its numbers; each given one must hold. */
  readonly claimed?: OriginalClaims;
};

/**
 * A terminal's void carries the original's RRN (37), authorization code (38) and card; where it
 * sends one, it must be the original's, or the original named is not this sale.
 */
export type OriginalClaims = {
  readonly rrn?: string;
  readonly authCode?: string;
  /** The card sent, masked 6+4 as the record keeps it. */
  readonly panMasked?: string;
};

/** What a void is, worked out before anything is asked. */
type VoidRequest = {
  readonly input: VoidSaleInput;
  readonly hash: string;
  readonly ref: string;
  readonly at: Date;
};

/**
 * Outcomes: invalid_amount, terminal_not_found, terminal_frozen, terminal_not_active,
 * merchant_not_active, terminal_not_signed_in, batch_not_open, original_not_found,
 * original_not_approved, already_voided, already_reversed, already_refunded, amount_mismatch,
 * void_window_closed (detail.reason: batch_settled | cut_off), network outcomes,
 * duplicate_with_different_content.
 */
export async function voidSale(deps: PaymentsDeps, input: VoidSaleInput): Promise<PaymentResult> {
  if (input.amountFen <= 0n) return err(outcome('invalid_amount'));
  const { batchNo, voucherNo } = input.original;
  const request: VoidRequest = {
    input,
    hash: requestHash(['void', input.amountFen, batchNo, voucherNo]),
    ref: networkRef(input),
    at: deps.clock.now(),
  };
  const endTurn = await deps.snapshots.turn(input.terminalId);
  try {
    const known = deps.snapshots.usableForVoid(input, input.original);
    if (!known || !mayTryVoid(deps, request, known)) return await openedVoid(deps, request);
    // Whatever becomes of this void, the sale is no longer as the engine recorded it.
    deps.snapshots.unsold(input.terminalId, input.original);
    const tried = await voidOnSnapshot(deps, request, known);
    return 'result' in tried ? tried.result : await openedVoid(deps, request, tried.reply);
  } finally {
    deps.snapshots.handled(input);
    endTurn();
  }
}

/** Whether, by what the engine knows, the void would be approved: only then may it go first. */
function mayTryVoid(
  deps: PaymentsDeps,
  request: VoidRequest,
  known: { readonly ctx: TerminalContext; readonly original: TransactionRecord },
): boolean {
  const { ctx, original } = known;
  return (
    terminalRefusal(ctx, null) === null &&
    claimsHold(original, request.input.claimed) &&
    voidRefusal(original, request.input.amountFen) === null &&
    original.batchNo === request.input.batchNo &&
    original.businessDate === businessDateOf(request.at, deps.rules.cutoffTime)
  );
}

/**
 * Asks the network, then records the void in one round trip if its facts still hold; else
 * returns the network's reply for the void to open with.
 */
async function voidOnSnapshot(
  deps: PaymentsDeps,
  request: VoidRequest,
  known: { readonly ctx: TerminalContext; readonly original: TransactionRecord },
): Promise<{ result: PaymentResult } | { reply: NetworkReply }> {
  const { input, ref, at } = request;
  const { ctx, original } = known;
  const reply = await releasedOnDefect(deps, ref, () =>
    askNetwork(deps.network, ref, () =>
      deps.network.void({ ref, originalRef: networkRef(original), amountFen: input.amountFen }),
    ),
  );
  return recordOnSnapshot(deps, {
    key: input,
    ref,
    reply,
    draft: voidDraft(deps, request, ctx.merchantId, original),
    posting: {
      kind: 'void',
      businessDate: original.businessDate,
      lines: oppositeLines(saleLines(original.merchantId, original.amountFen, original.feeFen)),
    },
    voidableUntil: null,
    write: (record, entry) => deps.store.recordExpectedVoid({ ctx, original, record, entry }),
  });
}

/**
 * Opens the void (its terminal and original locked, the original's cycle read), decides, asks
 * the network unless `reply` is its answer already, and records it. A void that asked the
 * network and is then refused, or turns out a retransmission of a request the network approved
 * nothing for, releases its key.
 */
async function openedVoid(
  deps: PaymentsDeps,
  request: VoidRequest,
  reply?: NetworkReply,
): Promise<PaymentResult> {
  const { input, ref, at } = request;
  // When the transaction fails, what is recorded under the key decides (nothing: release).
  return releasedOrReplayed(deps, { key: input, ref, hash: request.hash }, () =>
    deps.store.transaction(async (tx) => {
      // UnionPay: a void names its original on the same terminal, by batch and voucher number.
      const opening = await tx.openVoid(input, input.original);
      if (!opening) {
        await releaseUnused(deps.network, ref, reply);
        return err(outcome('terminal_not_found'));
      }
      const { ctx, existing, original } = opening;
      if (existing) {
        // An approval of the key at the network belongs to the first request, if it had one.
        if (existing.authCode === null) await releaseUnused(deps.network, ref, reply);
        return replay(existing, request.hash, deps.rules);
      }
      const draft = {
        ...(opening.rrn ? { rrn: opening.rrn } : {}),
        ...voidDraft(deps, request, ctx.merchantId, original),
      };
      const refusal = openedVoidRefusal(opening, input);
      if (refusal) {
        await releaseUnused(deps.network, ref, reply);
        return recordDecline(tx, draft, refusal.code, refusal.detail);
      }
      assert(original, 'a void the rules let through has its original');
      const answer =
        reply ??
        (await askNetwork(deps.network, ref, () =>
          deps.network.void({
            ref,
            originalRef: networkRef(original),
            amountFen: input.amountFen,
          }),
        ));
      if ('refused' in answer) return recordDecline(tx, draft, answer.refused);
      await tx.updateTransaction(original.id, { status: 'voided', closedAt: at });
      const record = await recordApproval(
        deps,
        tx,
        { ...draft, authCode: answer.approved },
        {
          kind: 'void',
          businessDate: original.businessDate,
          lines: oppositeLines(opening.lines),
        },
      );
      return ok({ transaction: record, duplicate: false, voidableUntil: null });
    }),
  );
}

/** Why the opened void is refused, in the order the rules are checked (null: it may go on). */
function openedVoidRefusal(
  opening: {
    readonly ctx: TerminalContext;
    readonly original: TransactionRecord | undefined;
    readonly closed: 'batch_settled' | 'cut_off' | null;
  },
  input: VoidSaleInput,
): { code: OutcomeCode; detail?: Record<string, string> } | null {
  const { ctx, original, closed } = opening;
  const terminal = terminalRefusal(ctx, null);
  if (terminal) return { code: terminal };
  if (!original || original.kind !== 'sale' || !claimsHold(original, input.claimed)) {
    return { code: 'original_not_found' };
  }
  const rule = voidRefusal(original, input.amountFen);
  if (rule) return { code: rule };
  if (closed) return { code: 'void_window_closed', detail: { reason: closed } };
  return null;
}

/** The void's record before the outcome: on its original's business date when there is one. */
function voidDraft(
  deps: PaymentsDeps,
  request: VoidRequest,
  merchantId: string,
  original: TransactionRecord | undefined,
) {
  const { input, at } = request;
  return draftRecord(input, {
    id: deps.ids.next(),
    merchantId,
    kind: 'void',
    amountFen: input.amountFen,
    businessDate: original?.businessDate ?? businessDateOf(at, deps.rules.cutoffTime),
    requestHash: request.hash,
    createdAt: at,
    ...copiedFromOriginal(original),
  });
}

/**
 * Whether each thing the terminal says of the original is the original's: the RRN, the
 * authorization code (as 38 pads it), the card by its masked number where the record has one.
 */
export function claimsHold(
  original: TransactionRecord,
  claimed: OriginalClaims | undefined,
): boolean {
  if (claimed === undefined) return true;
  const { rrn, authCode, panMasked } = claimed;
  if (rrn !== undefined && rrn !== original.rrn) return false;
  if (authCode !== undefined && authCode !== original.authCode?.trimEnd()) return false;
  return panMasked === undefined || original.panMasked === null || panMasked === original.panMasked;
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
