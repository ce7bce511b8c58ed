// Settlement 结算 (0500/0510) with the journal's totals in field 48, then the batch-upload phase
// of shared/cup-8583.md §5 (0320 … end of upload), then the next batch.
import {
  type CupMessage,
  readSettlementTotals,
  type SettlementTotals,
  writeSettlementTotals,
} from '@shoudan/iso8583';
import { checkAnswer } from './answer.ts';
import { type Context, emit, identityOf, save, send, takeVoucherNo } from './context.ts';
import { batchTotals, closeBatch, openEntries, uploadRecords } from './journal.ts';
import { settlementRequest, uploadRequest } from './messages.ts';
import { failed, flushReversal } from './reversal.ts';
import { nextNumber } from './state.ts';
import type { FailureReason, SettleResult } from './types.ts';

type Step<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; reason: FailureReason };

/** Sends an unMACed management request and returns its valid answer. */
async function ask(context: Context, request: CupMessage): Promise<Step<CupMessage>> {
  await save(context);
  const sent = await send(context, request, { mac: false });
  if (sent.kind === 'not_packed') return { ok: false, reason: 'invalid_input' };
  if (sent.exchange.kind !== 'answer') {
    return {
      ok: false,
      reason: sent.exchange.kind === 'unreadable' ? 'invalid_answer' : 'no_answer',
    };
  }
  const check = checkAnswer(context, request, sent.exchange.frame, false);
  return check.kind === 'valid'
    ? { ok: true, value: check.answer }
    : { ok: false, reason: 'invalid_answer' };
}

/** Every 0320 must be answered 00, or the batch stays open. */
async function upload(
  context: Context,
  code: '201' | '202' | '207',
  data: string,
): Promise<FailureReason | undefined> {
  const request = uploadRequest(identityOf(context), takeVoucherNo(context), { code, data });
  const answer = await ask(context, request);
  if (!answer.ok) return answer.reason;
  return answer.value.responseCode === '00' ? undefined : 'upload_failed';
}

/**
 * Balanced in both blocks: no chip records here, so only the end of upload (207). Otherwise the
 * magstripe records (201), then the end of upload (202) with the record count.
 */
async function batchUpload(context: Context, balanced: boolean): Promise<Step<number>> {
  const records = balanced ? [] : uploadRecords(openEntries(context.memory.journal));
  let count = 0;
  for (const data of records) {
    const problem = await upload(context, '201', data);
    if (problem !== undefined) return { ok: false, reason: problem };
    count += Number(data.slice(0, 2));
    emit(context, { type: 'upload.sent', records: Number(data.slice(0, 2)) });
  }
  const end = await upload(context, balanced ? '207' : '202', String(count).padStart(4, '0'));
  return end === undefined ? { ok: true, value: count } : { ok: false, reason: end };
}

function isBalanced(totals: SettlementTotals): { domestic: boolean; foreign: boolean } {
  return {
    domestic: totals.domestic.reconciliationCode === '1',
    foreign: totals.foreign.reconciliationCode === '1',
  };
}

/**
 * Outcomes: settled with both sets of totals and the upload count; failed `not_signed_in`,
 * `reversal_unanswered`, `reversal_abandoned`, `connect_failed`, `no_answer`,
 * `invalid_answer`, `upload_failed` (the batch then stays open).
 */
export async function settle(context: Context): Promise<SettleResult> {
  if (context.memory.workingKeys === undefined) return failed(context, 'not_signed_in');
  const stopped = await flushReversal(context);
  if (stopped !== undefined) return stopped;
  if (!(await context.link.open())) return failed(context, 'connect_failed');
  const batchNo = context.memory.batchNo;
  const totals = batchTotals(openEntries(context.memory.journal));
  const written = writeSettlementTotals(totals);
  if (!written.ok) return failed(context, 'invalid_input');
  const request = settlementRequest(identityOf(context), takeVoucherNo(context), written.value);
  const answer = await ask(context, request);
  if (!answer.ok) return failed(context, answer.reason);
  const hostTotals = readSettlementTotals(answer.value.additionalData ?? '');
  if (!hostTotals.ok) return failed(context, 'invalid_answer');
  const balanced = isBalanced(hostTotals.value);
  const uploaded = await batchUpload(context, balanced.domestic && balanced.foreign);
  if (!uploaded.ok) return failed(context, uploaded.reason);
  context.memory.journal = closeBatch(context.memory.journal);
  context.memory.batchNo = nextNumber(batchNo);
  if (!(await save(context))) return failed(context, 'storage_failed');
  return {
    status: 'settled',
    batchNo,
    nextBatchNo: context.memory.batchNo,
    totals,
    hostTotals: hostTotals.value,
    balanced,
    uploadedCount: uploaded.value,
  };
}
