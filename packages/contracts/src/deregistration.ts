// Account deregistration (注销账户): the pre-check checklist with the refund estimate, the
// application, the merchant's charges and the closure record.
import { z } from 'zod';
import { ApplicationBody } from './applications.ts';
import { Fen, ReasonRequest } from './common.ts';

/** A text in both languages. */
export const LocalizedText = z.object({ zh: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const CheckBody = z.object({
  key: z.string(),
  passed: z.boolean(),
  message: LocalizedText,
  action: LocalizedText,
  detail: z.record(z.string(), z.unknown()),
});
export type CheckBody = z.infer<typeof CheckBody>;

export const RefundEstimateBody = z.object({
  /** The Shanghai calendar date the estimate closes the account on. */
  asOf: z.string(),
  depositRefundFen: Fen,
  feeRefundFen: Fen,
});
export type RefundEstimateBody = z.infer<typeof RefundEstimateBody>;

export const ChecklistBody = z.object({
  merchantId: z.string(),
  merchantStatus: z.string(),
  passed: z.boolean(),
  checks: z.array(CheckBody),
  refundEstimate: RefundEstimateBody,
});
export type ChecklistBody = z.infer<typeof ChecklistBody>;

export const DeregistrationRequest = ReasonRequest;
export type DeregistrationRequest = z.infer<typeof DeregistrationRequest>;

export const ChargeBody = z.object({
  id: z.string(),
  kind: z.enum(['deposit', 'service_fee']),
  service: z.string().nullable(),
  amountFen: Fen,
  paidAt: z.string(),
  coversFrom: z.string().nullable(),
  coversUntil: z.string().nullable(),
  refundFen: Fen.nullable(),
  refundedAt: z.string().nullable(),
});
export type ChargeBody = z.infer<typeof ChargeBody>;

export const ClosureBody = z.object({
  merchantId: z.string(),
  applicationId: z.string(),
  applicationNo: z.string().nullable(),
  closedAt: z.string(),
  closedBy: z.string(),
  depositRefundFen: Fen,
  feeRefundFen: Fen,
  feeEarnedFen: Fen,
  refundFen: Fen,
  journalEntryIds: z.array(z.string()),
  summary: z.record(z.string(), z.unknown()),
  charges: z.array(ChargeBody),
});
export type ClosureBody = z.infer<typeof ClosureBody>;

/** What the merchant sees of its deregistration. */
export const DeregistrationView = z.object({
  /** The latest deregistration application, whatever its status; null when none. */
  application: ApplicationBody.nullable(),
  charges: z.array(ChargeBody),
  /** Once the account is closed. */
  closure: ClosureBody.nullable(),
});
export type DeregistrationView = z.infer<typeof DeregistrationView>;
