// Sign-in 签到 (0800/0810): working keys opened under the TMK with their check values, the batch
// the host assigns adopted; sign-off 签退 (0820/0830) forgets the keys.
import { readSignInKeys } from '@shoudan/hsm';
import { checkAnswer } from './answer.ts';
import { type Context, emit, identityOf, save, send, takeVoucherNo } from './context.ts';
import { signInRequest, signOffRequest } from './messages.ts';
import { failed } from './reversal.ts';
import type { SignInCode, SignInResult, SignOffResult } from './types.ts';

export function defaultSignInCode(context: Context): SignInCode {
  const stored = context.memory.signInCode;
  if (stored !== undefined) return stored;
  return context.settings.tmk.clearKeyHex.length === 16 ? '001' : '003';
}

/**
 * Outcomes: signed_in with the batch; declined (39 ≠ 00); failed `connect_failed`,
 * `no_answer`, `invalid_answer`, `check_value_mismatch`, `key_layout_invalid`, `storage_failed`.
 */
export async function signIn(context: Context, code: SignInCode): Promise<SignInResult> {
  if (!(await context.link.open())) return failed(context, 'connect_failed');
  const request = signInRequest(identityOf(context), takeVoucherNo(context), code);
  await save(context);
  const sent = await send(context, request, { mac: false });
  if (sent.kind === 'not_packed') return failed(context, 'invalid_input');
  if (sent.exchange.kind !== 'answer') {
    const unreadable = sent.exchange.kind === 'unreadable';
    return failed(context, unreadable ? 'invalid_answer' : 'no_answer');
  }
  const check = checkAnswer(context, request, sent.exchange.frame, false);
  if (check.kind !== 'valid') return failed(context, 'invalid_answer');
  const { answer } = check;
  if (answer.responseCode !== '00') {
    return { status: 'declined', responseCode: answer.responseCode ?? '' };
  }
  if (answer.workingKeys === undefined) return failed(context, 'key_layout_invalid');
  const keys = readSignInKeys({ tmk: context.settings.tmk, field62: answer.workingKeys });
  if (!keys.ok) {
    const reason = keys.outcome === 'check_value_mismatch' ? keys.outcome : 'key_layout_invalid';
    return failed(context, reason);
  }
  const { pik, mak, tdk } = keys.value;
  context.memory.workingKeys = tdk === undefined ? { pik, mak } : { pik, mak, tdk };
  context.memory.signInCode = code;
  if (answer.batchNo !== undefined && /^[0-9]{6}$/.test(answer.batchNo)) {
    context.memory.batchNo = answer.batchNo;
  }
  // The sign-in answers the host's request for one.
  context.signInRequested = false;
  if (!(await save(context))) return failed(context, 'storage_failed');
  return { status: 'signed_in', batchNo: context.memory.batchNo };
}

/** Outcomes: signed_off; declined; failed `connect_failed`, `no_answer`, `invalid_answer`. */
export async function signOff(context: Context): Promise<SignOffResult> {
  if (!(await context.link.open())) return failed(context, 'connect_failed');
  const request = signOffRequest(identityOf(context), takeVoucherNo(context));
  await save(context);
  const sent = await send(context, request, { mac: false });
  if (sent.kind === 'not_packed') return failed(context, 'invalid_input');
  if (sent.exchange.kind !== 'answer') return failed(context, 'no_answer');
  const check = checkAnswer(context, request, sent.exchange.frame, false);
  if (check.kind !== 'valid') return failed(context, 'invalid_answer');
  const code = check.answer.responseCode;
  if (code !== undefined && code !== '00') return { status: 'declined', responseCode: code };
  context.memory.workingKeys = undefined;
  context.signInRequested = false;
  await save(context);
  return { status: 'signed_off' };
}

/** After an operation: sign in again when an answer's header asked for it (处理要求 3). */
export async function signInIfRequested(context: Context): Promise<void> {
  if (!context.signInRequested) return;
  context.signInRequested = false;
  emit(context, { type: 'sign_in.requested' });
  await signIn(context, defaultSignInCode(context));
}
