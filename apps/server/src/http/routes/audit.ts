// The audit log for staff (审计日志): every audited change, newest first, by merchant, action,
// object, actor and time. Any staff role may read it; merchants never.
import { z } from 'zod';
import { platform } from '@shoudan/db';
import { staffOf } from '../auth/principal.ts';
import { ErrorBody, Id } from '../schemas.ts';
import type { RegisterRoutes } from './index.ts';

const AUDIT_READERS = ['reviewer', 'support', 'ops', 'finance'] as const;
const Instant = z.iso.datetime({ offset: true });

const AuditQuery = z
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

const AuditEntry = z.object({
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

export const registerAuditRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/v1/ops/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log, newest first',
        querystring: AuditQuery,
        response: { 200: z.object({ data: z.array(AuditEntry) }), 400: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, AUDIT_READERS);
      const { from, to, ...q } = request.query;
      const rows = await platform.audit.searchAudit(deps.services.db, {
        ...q,
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
      });
      return {
        data: rows.map((r) => ({
          ...r,
          at: r.at.toISOString(),
          detail: r.detail as Record<string, unknown>,
        })),
      };
    },
  );
};
