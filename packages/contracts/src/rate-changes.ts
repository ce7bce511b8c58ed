// Rate changes (调价): the proposal staff make for a fee plan or one merchant, what the
// application keeps of it, the staff's list, and the changes a merchant is told of.
import { z } from 'zod';
import { ApplicationStatus } from './applications.ts';
import { Id, listOf } from './common.ts';
import { RateBody, Service } from './services.ts';

export const RateChangeRequest = z
  .object({
    feePlanId: Id.optional(),
    merchantId: Id.optional(),
    service: Service,
    rateBps: z.number().int().min(0).max(10_000),
    capFen: z
      .string()
      .regex(/^\d{1,18}$/, 'a whole number of fen, as a string')
      .nullable()
      .optional(),
    effectiveFrom: z.iso.datetime({ offset: true }),
    reason: z.string().trim().min(1).max(500),
  })
  .refine((b) => (b.feePlanId === undefined) !== (b.merchantId === undefined), {
    message: 'exactly one of feePlanId and merchantId',
    path: ['feePlanId'],
  });
export type RateChangeRequest = z.infer<typeof RateChangeRequest>;

/** What a rate_change application carries: exactly one of feePlanId and merchantId. */
export const RateChangePayload = z.object({
  scope: z.enum(['plan', 'merchant']),
  feePlanId: z.string().nullable(),
  merchantId: z.string().nullable(),
  service: Service,
  rateBps: z.number().int().min(0).max(10_000),
  capFen: z
    .string()
    .regex(/^\d{1,18}$/)
    .nullable(),
  /** An ISO instant in UTC. */
  effectiveFrom: z.string(),
});
export type RateChangePayload = z.infer<typeof RateChangePayload>;

export const RateChangeListQuery = z.object({
  status: ApplicationStatus.optional(),
  feePlanId: Id.optional(),
  merchantId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type RateChangeListQuery = z.infer<typeof RateChangeListQuery>;

/** A carried-out change of a rate that reaches the merchant. */
export const MerchantRateChange = z.object({
  id: z.string(),
  applicationNo: z.string(),
  scope: z.enum(['plan', 'merchant']),
  service: Service,
  rateBps: z.number().int(),
  capFen: z.string().nullable(),
  effectiveFrom: z.string(),
  /** The rate it replaces (in force just before it). */
  previousRate: RateBody.nullable(),
  announcedAt: z.string(),
  state: z.enum(['upcoming', 'in_force', 'superseded']),
});
export type MerchantRateChange = z.infer<typeof MerchantRateChange>;

export const MerchantRateChangeList = listOf(MerchantRateChange);
export type MerchantRateChangeList = z.infer<typeof MerchantRateChangeList>;
