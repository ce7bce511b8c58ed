// Applications (申请) and their review (审核): one shape for every kind, with its timeline; the
// filters of the merchant's list and the review queues; approve and reject.
import { z } from 'zod';
import { Id, listOf } from './common.ts';

/** Kinds of application (@shoudan/core `APPLICATION_KINDS`; constants.test.ts keeps them equal). */
export const ApplicationKind = z.enum([
  'onboarding',
  'deregistration',
  'service_revocation',
  'service_activation',
  'terminal_replacement',
  'terminal_return',
  'rate_change',
]);
export type ApplicationKind = z.infer<typeof ApplicationKind>;

/** Where an application stands (@shoudan/core `APPLICATION_STATUSES`; constants.test.ts). */
export const ApplicationStatus = z.enum([
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
  'executed',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplicationBody = z.object({
  id: z.string(),
  applicationNo: z.string(),
  kind: z.string(),
  merchantId: z.string().nullable(),
  status: ApplicationStatus,
  reason: z.string(),
  payload: z.record(z.string(), z.unknown()),
  submittedAt: z.string(),
  submittedBy: z.object({ kind: z.string(), id: z.string().nullable() }),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  executedAt: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
});
export type ApplicationBody = z.infer<typeof ApplicationBody>;

export const ApplicationList = listOf(ApplicationBody);
export type ApplicationList = z.infer<typeof ApplicationList>;

export const TimelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  actorKind: z.string(),
  actorName: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ApplicationWithTimeline = ApplicationBody.extend({
  timeline: z.array(TimelineEntry),
});
export type ApplicationWithTimeline = z.infer<typeof ApplicationWithTimeline>;

/** The merchant's list of its applications. */
export const ApplicationFilter = z.object({
  kind: ApplicationKind.optional(),
  status: ApplicationStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ApplicationFilter = z.infer<typeof ApplicationFilter>;

/** The review queues: any merchant's, or one's. */
export const ReviewQueueFilter = ApplicationFilter.extend({ merchantId: Id.optional() });
export type ReviewQueueFilter = z.infer<typeof ReviewQueueFilter>;

export const ApproveRequest = z.object({ comment: z.string().trim().max(500).optional() });
export type ApproveRequest = z.infer<typeof ApproveRequest>;

/** The reason the applicant will read. */
export const RejectRequest = z.object({ comment: z.string().trim().min(1).max(500) });
export type RejectRequest = z.infer<typeof RejectRequest>;
