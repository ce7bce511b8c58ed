// Payments made through the API by a merchant's own system: QR payment codes scanned at its till,
// on the merchant's virtual terminal (payments/api-sale.ts).
import { z } from 'zod';
import { merchantOf } from '../auth/principal.ts';
import { apiSale } from '../payments/api-sale.ts';
import { ErrorBody } from '../schemas.ts';
import type { RegisterRoutes } from './index.ts';

const Payment = z.object({
  id: z.string(),
  status: z.string(),
  method: z.string(),
  terminalId: z.string(),
  batchNo: z.number(),
  voucherNo: z.number(),
  amountFen: z.string(),
  feeFen: z.string(),
  rrn: z.string(),
  authCode: z.string().nullable(),
  businessDate: z.string(),
  createdAt: z.string(),
});

export const registerPaymentRoutes: RegisterRoutes = (app, deps) => {
  app.post(
    '/v1/merchant/payments',
    {
      schema: {
        tags: ['payments'],
        summary: "Charge a payer's QR payment code (付款码支付); Idempotency-Key required",
        headers: z.object({ 'idempotency-key': z.string().min(1).max(255) }),
        body: z.object({
          amountFen: z
            .string()
            .regex(/^[1-9]\d{0,11}$/, 'a positive whole number of fen, as a string'),
          method: z.enum(['unionpay_qr', 'wechat_pay', 'alipay']),
          payerCode: z.string().regex(/^\d{16,24}$/, '16 to 24 digits, as scanned'),
        }),
        response: {
          201: Payment,
          400: ErrorBody,
          402: ErrorBody,
          409: ErrorBody,
          422: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const me = merchantOf(request);
      const answer = await apiSale(deps, request, {
        merchantId: me.merchantId,
        amountFen: BigInt(request.body.amountFen),
        method: request.body.method,
        payerCode: request.body.payerCode,
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(answer.status as 201).send(answer.body as z.infer<typeof Payment>);
    },
  );
};
