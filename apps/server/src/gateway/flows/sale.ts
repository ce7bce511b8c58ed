// Sale (消费, 0200 / 60.1 22) and void (消费撤销, 0200 / 60.1 23): the card from 2 or 35, the PIN
// translated to the network's key, then engine.sale / engine.voidSale. A void names its original
// by batch and voucher number (61); the RRN, authorisation code and card it sends must match.
import { maskPan, isPan, type OriginalClaims, type PaymentResult } from '@shoudan/core';
import type { CupMessage } from '@shoudan/iso8583';
import { cardOf, checkPin, paymentOf, type CardData } from '../card.ts';
import { GATEWAY_CODES } from '../response-codes.ts';
import type { FlowContext, Reply } from '../types.ts';
import { gatewayReply, isBlank, paymentReply, requestKeyOf } from './payment-reply.ts';

export async function answerSale(ctx: FlowContext): Promise<Reply> {
  const key = requestKeyOf(ctx);
  const amountFen = ctx.request.amountFen;
  if (key === undefined || amountFen === undefined) {
    return gatewayReply(ctx, GATEWAY_CODES.formatError);
  }
  const payment = paymentOf(ctx.request);
  if (payment.kind === 'refused') return gatewayReply(ctx, payment.responseCode);
  let result: PaymentResult;
  if (payment.kind === 'card') {
    const pin = checkPin(ctx, payment.card);
    if (!pin.ok) return gatewayReply(ctx, pin.responseCode, pin.signInAgain);
    const { pan, expiry } = payment.card;
    const card = { pan, expiry, pinPresent: pin.pinPresent };
    result = await ctx.deps.engine.sale({ ...key, amountFen, method: 'card', card });
  } else {
    // A scanned code: UnionPay QR. The payer's code has no field of its own in this dialect.
    result = await ctx.deps.engine.sale({ ...key, amountFen, method: 'unionpay_qr' });
  }
  return paymentReply(ctx, key, result);
}

export async function answerVoid(ctx: FlowContext): Promise<Reply> {
  const key = requestKeyOf(ctx);
  const { amountFen, originalBatchNo, originalVoucherNo } = ctx.request;
  if (
    key === undefined ||
    amountFen === undefined ||
    originalBatchNo === undefined ||
    originalVoucherNo === undefined
  ) {
    return gatewayReply(ctx, GATEWAY_CODES.formatError);
  }
  const read = cardOf(ctx.request);
  if (read.kind === 'refused') return gatewayReply(ctx, read.responseCode);
  const card = read.kind === 'card' ? read.card : null;
  const pin = checkPin(ctx, card);
  if (!pin.ok) return gatewayReply(ctx, pin.responseCode, pin.signInAgain);
  const original = { batchNo: Number(originalBatchNo), voucherNo: Number(originalVoucherNo) };
  const claimed = claimsOf(ctx.request, card);
  const result = await ctx.deps.engine.voidSale({ ...key, amountFen, original, claimed });
  return paymentReply(ctx, key, result);
}

/**
 * §3 field 61: the original is named by batch + voucher number; 37 (unless zeros: the original
 * had no RRN), 38 and the card, where sent, must be the original's. The engine checks them
 * against the original it reads (or holds) anyway, so a void costs no lookup of its own.
 */
function claimsOf(request: CupMessage, card: CardData | null): OriginalClaims {
  const { rrn, authorisationCode } = request;
  return {
    ...(rrn === undefined || isBlank(rrn) ? {} : { rrn }),
    ...(authorisationCode === undefined || isBlank(authorisationCode)
      ? {}
      : { authCode: authorisationCode }),
    ...(card !== null && isPan(card.pan) ? { panMasked: maskPan(card.pan) } : {}),
  };
}
