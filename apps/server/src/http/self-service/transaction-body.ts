// A transaction as the merchant platform shows it: amounts and fees as decimal strings of fen,
// batch and voucher numbers as the slip prints them, the card number only masked.
import { z } from 'zod';
import { platform } from '@shoudan/db';
import { Fen } from '../schemas.ts';

type TransactionRow = platform.transactions.TransactionRow;

export const TRANSACTION_KINDS = ['sale', 'void', 'refund'] as const;
export const TRANSACTION_STATUSES = ['approved', 'declined', 'voided', 'reversed'] as const;

export const TransactionBody = z.object({
  id: z.string(),
  terminalId: z.string(),
  batchNo: z.string(),
  voucherNo: z.string(),
  kind: z.enum(TRANSACTION_KINDS),
  status: z.enum(TRANSACTION_STATUSES),
  /** Why it was declined; null when it was not. */
  outcomeCode: z.string().nullable(),
  amountFen: Fen,
  feeFen: Fen,
  feeRateBps: z.number().int().nullable(),
  /** Of a sale: how much of it was refunded so far. */
  refundedFen: Fen,
  service: z.string().nullable(),
  paymentMethod: z.string(),
  panMasked: z.string().nullable(),
  cardOrg: z.string().nullable(),
  rrn: z.string(),
  authCode: z.string().nullable(),
  /** Of a void or refund: the sale it is of. */
  originalId: z.string().nullable(),
  businessDate: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

/** Six digits, as on the slip (凭证号, 批次号). */
export const sixDigits = (n: number) => String(n).padStart(6, '0');

export function transactionBody(row: TransactionRow): z.infer<typeof TransactionBody> {
  return {
    id: row.id,
    terminalId: row.terminalId,
    batchNo: sixDigits(row.batchNo),
    voucherNo: sixDigits(row.voucherNo),
    kind: row.kind as z.infer<typeof TransactionBody>['kind'],
    status: row.status as z.infer<typeof TransactionBody>['status'],
    outcomeCode: row.outcomeCode,
    amountFen: row.amountFen.toString(),
    feeFen: row.feeFen.toString(),
    feeRateBps: row.feeRateBps,
    refundedFen: row.refundedFen.toString(),
    service: row.service,
    paymentMethod: row.paymentMethod,
    panMasked: row.panMasked,
    cardOrg: row.cardOrg,
    rrn: row.rrn,
    authCode: row.authCode,
    originalId: row.originalId,
    businessDate: row.businessDate,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
