// The audit log for staff (审计日志): the search by merchant, action, object, actor and time.
import { z } from 'zod';
import { Id, listOf } from './common.ts';

/** An instant with its offset, e.g. `2026-11-24T10:00:00+08:00`. */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

export const AuditQuery = z
  .object({
    merchantId: Id.optional(),
    action: z.string().min(1).max(100).optional(),
    objectType: z.string().min(1).max(100).optional(),
    objectId: z.string().min(1).max(100).optional(),
    actorId: Id.optional(),
    from: Instant.optional(),
    to: Instant.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && Date.parse(q.to) < Date.parse(q.from)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  merchantId: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditEntryList = listOf(AuditEntry);
export type AuditEntryList = z.infer<typeof AuditEntryList>;
