// Settlement (结算, 0500): the terminal's totals (48) against the host's by engine.settleBatch,
// which closes the batch either way. The 0510 carries no 39 and no MAC (§4); its 48 holds, per
// block, the balance answer (1 balanced, 2 not) and the host's totals.
import {
  businessDateOf,
  shanghaiWallTime,
  type BatchTotals,
  type TotalsBlock,
} from '@shoudan/core';
import {
  readSettlementTotals,
  writeSettlementTotals,
  type CardTotals,
  type SettlementTotals,
} from '@shoudan/iso8583';
import { ACQUIRER_ID, gatewayDecline, managementRrn, reply, started } from '../answers.ts';
import { GATEWAY_CODES, processingRequestOf, responseCodeOf } from '../response-codes.ts';
import type { FlowContext, Reply } from '../types.ts';

const BALANCED = '1';
const NOT_BALANCED = '2';
const ERROR = '3';

function blockOf(totals: CardTotals): TotalsBlock {
  const { debitAmountFen, debitCount, creditAmountFen, creditCount } = totals;
  return { debitFen: debitAmountFen, debitCount, creditFen: creditAmountFen, creditCount };
}

function cardTotalsOf(block: TotalsBlock, reconciliationCode: string): CardTotals {
  return {
    debitAmountFen: block.debitFen,
    debitCount: block.debitCount,
    creditAmountFen: block.creditFen,
    creditCount: block.creditCount,
    reconciliationCode,
  };
}

export async function answerSettlement(ctx: FlowContext): Promise<Reply> {
  const { request, deps } = ctx;
  const read = readSettlementTotals(request.additionalData ?? '');
  if (!read.ok || request.batchNo === undefined) return declined(ctx, GATEWAY_CODES.formatError);
  const terminalTotals: BatchTotals = {
    domestic: blockOf(read.value.domestic),
    foreign: blockOf(read.value.foreign),
  };
  const settled = await deps.engine.settleBatch({
    terminalId: ctx.session.terminal.terminalId,
    batchNo: Number(request.batchNo),
    terminalTotals,
  });
  if (!settled.ok) {
    // Not a settlement of an open batch: 39 says why and both balance answers say "error".
    const code = settled.outcome.code;
    const totals = withCodes(read.value, ERROR);
    return reply(answerWith(ctx, totals, responseCodeOf(code)), null, processingRequestOf(code));
  }
  const { hostTotals, domesticBalanced, foreignBalanced } = settled.value;
  const totals: SettlementTotals = {
    domestic: cardTotalsOf(hostTotals.domestic, domesticBalanced ? BALANCED : NOT_BALANCED),
    foreign: cardTotalsOf(hostTotals.foreign, foreignBalanced ? BALANCED : NOT_BALANCED),
  };
  ctx.log.info({
    event: 'batch.settled',
    batchNo: request.batchNo,
    balanced: settled.value.balanced,
    duplicate: settled.value.duplicate,
  });
  return reply(answerWith(ctx, totals, undefined), null);
}

function withCodes(totals: SettlementTotals, code: string): SettlementTotals {
  return {
    domestic: { ...totals.domestic, reconciliationCode: code },
    foreign: { ...totals.foreign, reconciliationCode: code },
  };
}

function answerWith(
  ctx: FlowContext,
  totals: SettlementTotals,
  responseCode: string | undefined,
): ReturnType<typeof started> {
  const at = ctx.deps.clock.now();
  const written = writeSettlementTotals(totals);
  if (!written.ok) throw new Error(`settlement totals out of range: ${written.error.detail}`);
  const wall = shanghaiWallTime(at);
  const businessDate = businessDateOf(at, ctx.deps.config.cutoffTime);
  return {
    ...started(ctx.request),
    localTime: wall.hhmmss,
    localDate: wall.mmdd,
    settlementDate: businessDate.slice(5, 7) + businessDate.slice(8, 10),
    acquirerId: ACQUIRER_ID,
    rrn: managementRrn(ctx.request, at),
    additionalData: written.value,
    ...(responseCode === undefined ? {} : { responseCode }),
  };
}

function declined(ctx: FlowContext, responseCode: string): Reply {
  const at = ctx.deps.clock.now();
  const cutoffTime = ctx.deps.config.cutoffTime;
  return reply(gatewayDecline(ctx.request, { responseCode, at, cutoffTime }), null);
}
