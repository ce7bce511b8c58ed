// Reversal (冲正, 0400): the original is found by 41 + 60.2 + 11 and undone at most once. Done,
// already reversed, nothing to reverse (it was declined) and never seen are all answered 00
// (§4); a refusal (too late, voided since) is answered with its code.
import type { TransactionKind } from '@shoudan/core';
import { financialAnswer, reply } from '../answers.ts';
import { GATEWAY_CODES } from '../response-codes.ts';
import type { FlowContext, Reply } from '../types.ts';
import { gatewayReply, outcomeReply, requestKeyOf } from './payment-reply.ts';

/** 60.1 of the original → what it was. Refunds are never reversed; the engine says so. */
const KINDS: Readonly<Record<string, TransactionKind>> = {
  '22': 'sale',
  '23': 'void',
  '25': 'refund',
};

export async function answerReversal(ctx: FlowContext): Promise<Reply> {
  const key = requestKeyOf(ctx);
  const amountFen = ctx.request.amountFen;
  if (key === undefined || amountFen === undefined) {
    return gatewayReply(ctx, GATEWAY_CODES.formatError);
  }
  const at = ctx.deps.clock.now();
  const { cutoffTime } = ctx.deps.config;
  const kind = KINDS[ctx.request.transactionTypeCode ?? ''];
  if (kind === undefined) {
    // The pre-authorisation family and the rest are answered 40, so nothing of theirs exists.
    ctx.log.info({
      event: 'reversal.nothing_to_do',
      transactionType: ctx.request.transactionTypeCode,
    });
    const answer = financialAnswer(ctx.request, {
      responseCode: GATEWAY_CODES.approved,
      facts: null,
      at,
      cutoffTime,
    });
    return reply(answer, ctx.session.macKey);
  }
  const result = await ctx.deps.engine.reverse({ ...key, kind, amountFen });
  if (!result.ok) return outcomeReply(ctx, result.outcome.code);
  const record = result.value.transaction;
  ctx.log.info({ event: 'reversal.answered', effect: result.value.effect, rrn: record?.rrn });
  // The reversal's own time; the original's RRN and business date when the host has it.
  const facts = record === null ? null : { ...record, createdAt: at };
  const answer = financialAnswer(ctx.request, {
    responseCode: GATEWAY_CODES.approved,
    facts,
    at,
    cutoffTime,
    approvalDetails: false,
  });
  return reply(answer, ctx.session.macKey);
}
