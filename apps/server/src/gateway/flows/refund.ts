// Refund (退货, 0220 / 60.1 25): the original is named by its RRN (37) and date (61.3), within the
// merchant; 61.1/61.2 and the card, when sent, must be the original's. Then engine.refund, whose
// answer to a byte-identical retransmission is the first one again.
import { isPan, maskPan } from '@shoudan/core';
import { cardOf, checkPin, type CardData } from '../card.ts';
import { findSaleByRrn } from '../lookups.ts';
import { GATEWAY_CODES } from '../response-codes.ts';
import type { FlowContext, Reply } from '../types.ts';
import {
  gatewayReply,
  isBlank,
  outcomeReply,
  paymentReply,
  requestKeyOf,
} from './payment-reply.ts';

export async function answerRefund(ctx: FlowContext): Promise<Reply> {
  const key = requestKeyOf(ctx);
  const { amountFen, rrn, originalDate } = ctx.request;
  if (key === undefined || amountFen === undefined) {
    return gatewayReply(ctx, GATEWAY_CODES.formatError);
  }
  const read = cardOf(ctx.request);
  if (read.kind === 'refused') return gatewayReply(ctx, read.responseCode);
  const card = read.kind === 'card' ? read.card : null;
  const pin = checkPin(ctx, card);
  if (!pin.ok) return gatewayReply(ctx, pin.responseCode, pin.signInAgain);
  if (rrn === undefined || isBlank(rrn)) return outcomeReply(ctx, 'original_not_found');
  const found = await findSaleByRrn(ctx.deps.db, ctx.session.terminal.merchantId, rrn);
  if (found) {
    // Most terminals zero-fill 61.1 and 61.2 (the cashier keys only the RRN and the date).
    const { originalBatchNo, originalVoucherNo } = ctx.request;
    const batchOk = isBlank(originalBatchNo) || Number(originalBatchNo) === found.batchNo;
    const voucherOk = isBlank(originalVoucherNo) || Number(originalVoucherNo) === found.voucherNo;
    if (!batchOk || !voucherOk || !sameCard(card, found.panMasked)) {
      return outcomeReply(ctx, 'original_not_found');
    }
  }
  const result = await ctx.deps.engine.refund({
    ...key,
    amountFen,
    original: { rrn, dateMmdd: isBlank(originalDate) ? null : (originalDate ?? null) },
  });
  return paymentReply(ctx, key, result);
}

/** The card sent against the original's masked PAN (first 6, last 4), where both are known. */
function sameCard(card: CardData | null, panMasked: string | null): boolean {
  if (card === null || panMasked === null || !isPan(card.pan)) return true;
  return maskPan(card.pan) === panMasked;
}
