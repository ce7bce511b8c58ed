// A merchant's transactions: the body (amounts as decimal strings of fen, batch and voucher
// numbers as the slip prints them, the card number only masked), the filters and the pages.
import { z } from 'zod';
import { checkDateRange, DateRange, Fen, Id, TerminalIdParam } from './common.ts';

export const TransactionKind = z.enum(['sale', 'void', 'refund']);
export type TransactionKind = z.infer<typeof TransactionKind>;

export const TransactionStatus = z.enum(['approved', 'declined', 'voided', 'reversed']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

export const TransactionBody = z.object({
  id: z.string(),
  terminalId: z.string(),
  batchNo: z.string(),
  voucherNo: z.string(),
  kind: TransactionKind,
  status: TransactionStatus,
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
export type TransactionBody = z.infer<typeof TransactionBody>;

/** What picks transactions, for the list and the CSV download. */
export const TransactionFilter = DateRange.extend({
  terminalId: TerminalIdParam.optional(),
  kind: TransactionKind.optional(),
  status: TransactionStatus.optional(),
});
export type TransactionFilter = z.infer<typeof TransactionFilter>;

export const TransactionListQuery = TransactionFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The id of the last transaction of the previous page. */
  startingAfter: Id.optional(),
}).superRefine(checkDateRange);
export type TransactionListQuery = z.infer<typeof TransactionListQuery>;

/** The query of the CSV download (交易明细). */
export const TransactionCsvQuery = TransactionFilter.superRefine(checkDateRange);
export type TransactionCsvQuery = z.infer<typeof TransactionCsvQuery>;

export const TransactionPage = z.object({
  data: z.array(TransactionBody),
  hasMore: z.boolean(),
  /** Pass as `startingAfter` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type TransactionPage = z.infer<typeof TransactionPage>;
