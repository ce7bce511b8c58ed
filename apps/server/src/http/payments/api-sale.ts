// A payment made by a merchant's own system (its till scans the payer's QR payment code), on the
// merchant's virtual terminal. The Idempotency-Key is required and becomes the request's voucher
// number, kept before the engine is asked: a retry after a crash asks the engine again with the
// same request key, and the engine answers a repeated request as it did the first time.
import type { FastifyRequest } from 'fastify';
import type { PaymentMethod, PaymentResult } from '@shoudan/core';
import { platform } from '@shoudan/db';
import type { HttpDeps } from '../context.ts';
import { errorBody, HTTP_STATUS, OutcomeError } from '../errors.ts';
import { type Answer, claimKey, idempotencyKeyOf, ownerOf, requestHashOf } from '../idempotency.ts';

export type ApiSaleInput = {
  readonly merchantId: string;
  readonly amountFen: bigint;
  readonly method: Exclude<PaymentMethod, 'card'>;
  readonly payerCode: string;
};

type RequestKey = {
  readonly terminalId: string;
  readonly batchNo: number;
  readonly voucherNo: number;
};

/**
 * 201 with the payment when approved; a decline or refusal with its status and error body (both
 * kept for replays). Outcomes besides the engine's: `validation_failed` (no Idempotency-Key),
 * `idempotency_key_reused`.
 */
export async function apiSale(
  deps: HttpDeps,
  request: FastifyRequest,
  input: ApiSaleInput,
): Promise<Answer & { readonly replayed: boolean }> {
  const key = idempotencyKeyOf(request);
  if (key === undefined) {
    throw new OutcomeError({
      code: 'validation_failed',
      param: 'Idempotency-Key',
      message: 'Idempotency-Key: required for a payment',
    });
  }
  const { services } = deps;
  const made = await platform.apiPayments.ensureApiTerminal(services.db, {
    merchantId: input.merchantId,
    at: services.clock.now(),
  });
  if (made.created) await services.engine.signIn({ terminalId: made.terminalId });
  const claim = await claimRequestKey(deps, request, { key, merchantId: input.merchantId });
  if ('answer' in claim) return { ...claim.answer, replayed: true };
  const result = await sell(deps, claim.requestKey, input);
  if (claim.requestKey.voucherNo === platform.apiPayments.VOUCHER_NO_MAX) {
    await rollBatch(deps, claim.requestKey);
  }
  const answer = answerOf(request, result);
  await platform.idempotency.storeIdempotentAnswer(services.db, {
    owner: ownerOf(request),
    key,
    statusCode: answer.status,
    responseBody: answer.body,
  });
  return { ...answer, replayed: false };
}

/** The request key this Idempotency-Key stands for (new, or kept by an unfinished first try). */
async function claimRequestKey(
  deps: HttpDeps,
  request: FastifyRequest,
  input: { readonly key: string; readonly merchantId: string },
): Promise<{ readonly requestKey: RequestKey } | { readonly answer: Answer }> {
  const owner = ownerOf(request);
  const requestHash = requestHashOf(request);
  return deps.services.db.transaction(async (tx) => {
    const at = deps.services.clock.now();
    const claim = { owner, key: input.key, requestHash, at };
    const stored = await claimKey(tx, claim);
    if (stored) {
      if (stored.statusCode !== 0) {
        return { answer: { status: stored.statusCode, body: stored.responseBody } };
      }
      const kept = (stored.responseBody as { requestKey?: RequestKey }).requestKey;
      if (kept) return { requestKey: kept };
    }
    const requestKey = await platform.apiPayments.allocateRequestKey(tx, input.merchantId);
    await platform.idempotency.storeIdempotentAnswer(tx, {
      owner,
      key: input.key,
      statusCode: 0,
      responseBody: { requestKey },
    });
    return { requestKey };
  });
}

async function sell(deps: HttpDeps, requestKey: RequestKey, input: ApiSaleInput) {
  const { engine } = deps.services;
  const sale = () =>
    engine.sale({
      ...requestKey,
      amountFen: input.amountFen,
      method: input.method,
      payerCode: input.payerCode,
    });
  const result = await sale();
  if (result.ok || result.outcome.code !== 'terminal_not_signed_in') return result;
  // The terminal was made but its sign-in was lost (a crash between the two): sign in now.
  await engine.signIn({ terminalId: requestKey.terminalId });
  return sale();
}

/** After the last voucher number the virtual terminal settles its batch and opens the next. */
async function rollBatch(deps: HttpDeps, requestKey: RequestKey): Promise<void> {
  const { engine } = deps.services;
  const { terminalId, batchNo } = requestKey;
  const terminalTotals = await engine.batchTotals({ terminalId, batchNo });
  await engine.settleBatch({ terminalId, batchNo, terminalTotals });
}

function answerOf(request: FastifyRequest, result: PaymentResult): Answer {
  if (!result.ok) {
    const body = errorBody(request, result.outcome);
    return { status: HTTP_STATUS[result.outcome.code], body };
  }
  const t = result.value.transaction;
  return {
    status: 201,
    body: {
      id: t.id,
      status: t.status,
      method: t.paymentMethod,
      terminalId: t.terminalId,
      batchNo: t.batchNo,
      voucherNo: t.voucherNo,
      amountFen: t.amountFen.toString(),
      feeFen: t.feeFen.toString(),
      rrn: t.rrn,
      authCode: t.authCode,
      businessDate: t.businessDate,
      createdAt: t.createdAt.toISOString(),
    },
  };
}
