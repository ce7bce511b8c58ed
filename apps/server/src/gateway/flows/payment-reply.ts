// Replies shared by the financial flows: an engine result (approval from the record; decline with
// its code, Chinese text and, when recorded, the record's RRN and time) and the gateway's own
// refusals. Every financial reply is MACed with the terminal's MAK.
import type { OutcomeCode, PaymentResult, RequestKey } from '@shoudan/core';
import { financialAnswer, gatewayDecline, outcomeDecline, reply } from '../answers.ts';
import { findDeclineRecord } from '../lookups.ts';
import { GATEWAY_CODES, processingRequestOf } from '../response-codes.ts';
import type { FlowContext, Reply } from '../types.ts';

/** The request key (41, 60.2, 11); undefined when 60.2 or 11 is missing. */
export function requestKeyOf(ctx: FlowContext): RequestKey | undefined {
  const { batchNo, stan } = ctx.request;
  if (batchNo === undefined || stan === undefined) return undefined;
  return {
    terminalId: ctx.session.terminal.terminalId,
    batchNo: Number(batchNo),
    voucherNo: Number(stan),
  };
}

export async function paymentReply(
  ctx: FlowContext,
  key: RequestKey,
  result: PaymentResult,
): Promise<Reply> {
  const at = ctx.deps.clock.now();
  const { cutoffTime } = ctx.deps.config;
  if (result.ok) {
    const facts = result.value.transaction;
    const answer = financialAnswer(ctx.request, {
      responseCode: GATEWAY_CODES.approved,
      facts,
      at,
      cutoffTime,
    });
    return reply(answer, ctx.session.macKey);
  }
  const code = result.outcome.code;
  const facts = await findDeclineRecord(ctx.deps.db, key, code);
  const answer = outcomeDecline(ctx.request, { code, facts, at, cutoffTime });
  return reply(answer, ctx.session.macKey, processingRequestOf(code));
}

/** A refusal by a domain rule checked before the engine (nothing recorded). */
export function outcomeReply(ctx: FlowContext, code: OutcomeCode): Reply {
  const at = ctx.deps.clock.now();
  const { cutoffTime } = ctx.deps.config;
  const answer = outcomeDecline(ctx.request, { code, facts: null, at, cutoffTime });
  return reply(answer, ctx.session.macKey, processingRequestOf(code));
}

/** A refusal the gateway decides (30, 40, 99 …); `signInAgain` sets 处理要求 3. */
export function gatewayReply(ctx: FlowContext, responseCode: string, signInAgain = false): Reply {
  const at = ctx.deps.clock.now();
  const answer = gatewayDecline(ctx.request, {
    responseCode,
    at,
    cutoffTime: ctx.deps.config.cutoffTime,
  });
  return reply(answer, ctx.session.macKey, signInAgain ? '3' : '0');
}

/** True for a field a terminal zero-fills or space-fills when it has nothing to say. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || /^[0 ]*$/.test(value);
}
