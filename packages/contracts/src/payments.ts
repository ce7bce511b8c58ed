// Payments made through the API by a merchant's own system: a payer's QR payment code scanned at
// its till (付款码支付), with a required Idempotency-Key.
import { z } from 'zod';

export const PaymentHeaders = z.object({ 'idempotency-key': z.string().min(1).max(255) });
export type PaymentHeaders = z.infer<typeof PaymentHeaders>;

export const PaymentRequest = z.object({
  amountFen: z.string().regex(/^[1-9]\d{0,11}$/, 'a positive whole number of fen, as a string'),
  method: z.enum(['unionpay_qr', 'wechat_pay', 'alipay']),
  payerCode: z.string().regex(/^\d{16,24}$/, '16 to 24 digits, as scanned'),
});
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const Payment = z.object({
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
export type Payment = z.infer<typeof Payment>;
