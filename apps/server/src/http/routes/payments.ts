// Payments made through the API by a merchant's own system: QR payment codes scanned at its till,
// on the merchant's virtual terminal (payments/api-sale.ts).
import { ErrorBody, Payment, PaymentHeaders, PaymentRequest } from '@shoudan/contracts';
import { merchantOf } from '../auth/principal.ts';
import { apiSale } from '../payments/api-sale.ts';
import type { RegisterRoutes } from './index.ts';

export const registerPaymentRoutes: RegisterRoutes = (app, deps) => {
  app.post(
    '/v1/merchant/payments',
    {
      schema: {
        tags: ['payments'],
        summary: "Charge a payer's QR payment code (付款码支付); Idempotency-Key required",
        headers: PaymentHeaders,
        body: PaymentRequest,
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
      return reply.code(answer.status as 201).send(answer.body as Payment);
    },
  );
};
