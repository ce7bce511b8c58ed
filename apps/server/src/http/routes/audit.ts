// The audit log for staff (审计日志): every audited change, newest first, by merchant, action,
// object, actor and time. Any staff role may read it; merchants never.
import { AuditEntryList, AuditQuery, ErrorBody } from '@shoudan/contracts';
import { platform } from '@shoudan/db';
import { staffOf } from '../auth/principal.ts';
import type { RegisterRoutes } from './index.ts';

const AUDIT_READERS = ['reviewer', 'support', 'ops', 'finance'] as const;
export const registerAuditRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/v1/ops/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log, newest first',
        querystring: AuditQuery,
        response: { 200: AuditEntryList, 400: ErrorBody },
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
