// Service management (服务管理): the merchant's services with the rate in force and those to come,
// and applications to revoke (撤销服务) or activate (开通服务) some of them.
import { z } from 'zod';
import { Fen, listOf } from './common.ts';

/** The services a merchant may have (@shoudan/core `SERVICES`; constants.test.ts). */
export const Service = z.enum([
  'card_debit',
  'card_credit',
  'unionpay_qr',
  'wechat_pay',
  'alipay',
  'd0_settlement',
  'pre_authorization',
]);
export type Service = z.infer<typeof Service>;

/** A fee rate: basis points, the cap as fen, when it takes effect, the plan's or the merchant's. */
export const RateBody = z.object({
  rateBps: z.number().int(),
  capFen: Fen.nullable(),
  effectiveFrom: z.string(),
  scope: z.enum(['plan', 'merchant']),
});
export type RateBody = z.infer<typeof RateBody>;

export const ServiceBody = z.object({
  service: Service,
  status: z.enum(['active', 'suspended', 'revoked', 'not_activated']),
  changedAt: z.string().nullable(),
  /** The rate in force now; null when none is configured (the engine then declines). */
  rate: RateBody.nullable(),
  /** Rates announced to take effect later, in the order they will. */
  upcomingRates: z.array(RateBody),
  /** The revocation or activation of this service under review, if any. */
  openApplication: z
    .object({
      id: z.string(),
      applicationNo: z.string(),
      kind: z.string(),
      status: z.string(),
      submittedAt: z.string(),
    })
    .nullable(),
});
export type ServiceBody = z.infer<typeof ServiceBody>;

export const ServiceList = listOf(ServiceBody);
export type ServiceList = z.infer<typeof ServiceList>;

/** The body of both a revocation and an activation. */
export const ServiceChangeRequest = z.object({
  services: z
    .array(Service)
    .min(1)
    .max(Service.options.length)
    .refine((list) => new Set(list).size === list.length, 'each service at most once'),
  reason: z.string().trim().min(1).max(500),
});
export type ServiceChangeRequest = z.infer<typeof ServiceChangeRequest>;
