// Reversals as CUP terminals make them (shared/cup-8583.md §4): stored before a sale or void is
// sent, kept when no valid answer comes (98, A0, 06), and sent before the next request — each
// reversal at most `reversalAttemptsMax` times, then abandoned and kept aside for the cashier.
import type { CupMessage } from '@shoudan/iso8583';
import { checkAnswer } from './answer.ts';
import { type Context, emit, save, send } from './context.ts';
import { reversalOf } from './messages.ts';
import type { PendingReversal, ReversalReason } from './state.ts';
import type { Failed, FailureReason } from './types.ts';

export function failed(context: Context, reason: FailureReason): Failed {
  return {
    status: 'failed',
    reason,
    reversalPending: context.memory.pendingReversal !== undefined,
  };
}

function abandon(context: Context, message: CupMessage): void {
  context.memory.pendingReversal = undefined;
  context.memory.abandonedReversals.push({
    batchNo: message.batchNo ?? '',
    voucherNo: message.stan ?? '',
    amountFen: (message.amountFen ?? 0n).toString(),
    at: context.options.clock.now().toISOString(),
  });
}

/**
 * Sends the pending reversal, if any, once. Undefined when none is left pending; otherwise the
 * failure that stops the request the cashier asked for.
 */
export async function flushReversal(context: Context): Promise<Failed | undefined> {
  const pending = context.memory.pendingReversal;
  if (pending === undefined) return undefined;
  const voucherNo = pending.message.stan ?? '';
  // A reversal is MACed: without working keys it waits for the next sign-in.
  if (context.memory.workingKeys === undefined) return failed(context, 'not_signed_in');
  if (!(await context.link.open())) return failed(context, 'connect_failed');
  pending.attempts += 1;
  if (!(await save(context))) return failed(context, 'storage_failed');
  emit(context, { type: 'reversal.sent', voucherNo, attempt: pending.attempts });
  const message = { ...pending.message, responseCode: pending.reason };
  const sent = await send(context, message, { mac: true });
  if (sent.kind === 'sent' && sent.exchange.kind === 'answer') {
    const check = checkAnswer(context, sent.request, sent.exchange.frame, true);
    if (check.kind === 'valid' && check.answer.responseCode === '00') {
      context.memory.pendingReversal = undefined;
      await save(context);
      emit(context, { type: 'reversal.answered', voucherNo });
      return undefined;
    }
  }
  if (pending.attempts < context.settings.reversalAttemptsMax) {
    emit(context, { type: 'reversal.unanswered', voucherNo, attempt: pending.attempts });
    return failed(context, 'reversal_unanswered');
  }
  abandon(context, pending.message);
  await save(context);
  emit(context, { type: 'reversal.abandoned', voucherNo });
  return failed(context, 'reversal_abandoned');
}

export type Answered =
  | { readonly kind: 'answered'; readonly answer: CupMessage; readonly request: CupMessage }
  | { readonly kind: 'failed'; readonly failure: Failed };

function keepReversal(context: Context, reason: ReversalReason): void {
  const pending = context.memory.pendingReversal;
  if (pending !== undefined) pending.reason = reason;
}

/**
 * The reversal of a request, pending from before the request is sent until its answer decides.
 * The 0400 is built from the request on first read: by `save` before the request leaves when
 * the state is persisted, otherwise only if the reversal is shown or sent. Nearly every request
 * is answered, so a terminal that persists nothing seldom builds one.
 */
class RequestReversal implements PendingReversal {
  reason: ReversalReason = '98';
  attempts = 0;
  readonly #request: CupMessage;
  #message: CupMessage | undefined;

  constructor(request: CupMessage) {
    this.#request = request;
  }

  get message(): CupMessage {
    this.#message ??= reversalOf(this.#request);
    return this.#message;
  }
}

/**
 * Sends a MACed financial request and returns its valid answer. With `reversible`, a reversal
 * is stored first and kept (98 no answer, 06 unreadable or foreign answer, A0 bad MAC) unless a
 * valid answer comes; the caller clears it by saving what the answer decided.
 */
export async function exchangeFinancial(
  context: Context,
  request: CupMessage,
  reversible: boolean,
): Promise<Answered> {
  if (!(await context.link.open())) return fail('connect_failed');
  if (reversible) {
    context.memory.pendingReversal = new RequestReversal(request);
    if (!(await save(context))) {
      context.memory.pendingReversal = undefined;
      return fail('storage_failed');
    }
  }
  const sent = await send(context, request, { mac: true });
  if (sent.kind === 'not_packed') {
    // Nothing left the terminal: there is nothing to reverse.
    context.memory.pendingReversal = undefined;
    await save(context);
    return fail('invalid_input');
  }
  const { exchange } = sent;
  if (exchange.kind === 'timeout' || exchange.kind === 'closed') return kept('98', 'no_answer');
  if (exchange.kind === 'unreadable') return kept('06', 'invalid_answer');
  const check = checkAnswer(context, sent.request, exchange.frame, true);
  if (check.kind === 'mismatch') return kept('06', 'invalid_answer');
  if (check.kind === 'mac_invalid') return kept('A0', 'mac_invalid');
  return { kind: 'answered', answer: check.answer, request: sent.request };

  async function kept(reason: ReversalReason, failure: FailureReason): Promise<Answered> {
    if (reversible) {
      keepReversal(context, reason);
      await save(context);
    }
    return fail(failure);
  }

  // Declared, not a closure in a const, which tsx would name anew on every call (see `serial`).
  function fail(reason: FailureReason): Answered {
    return { kind: 'failed', failure: failed(context, reason) };
  }
}
