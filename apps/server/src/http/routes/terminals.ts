// A merchant's terminals on the merchant platform: the list; report one lost (frozen at once);
// ask for a replacement or a return (applications reviewed by ops, registered here).
import { z } from 'zod';
import { platform } from '@shoudan/db';
import { applicationBody } from '../applications/body.ts';
import { registerApplicationHandler } from '../applications/handlers.ts';
import { merchantOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { inTransaction } from '../idempotency.ts';
import { ApplicationBody, ErrorBody } from '../schemas.ts';
import { TerminalIdParam } from '../self-service/formats.ts';
import {
  reportLost,
  submitTerminalChange,
  terminalReplacementHandler,
  terminalReturnHandler,
  type TerminalChangeKind,
  type TerminalRow,
} from '../self-service/terminal-changes.ts';
import type { App, RegisterRoutes } from './index.ts';

registerApplicationHandler('terminal_return', terminalReturnHandler);
registerApplicationHandler('terminal_replacement', terminalReplacementHandler);

const TerminalBody = z.object({
  terminalId: z.string(),
  serialNo: z.string(),
  status: z.enum(['pending_activation', 'active', 'frozen', 'deactivated']),
  /** Why it is frozen (`lost` when reported lost); null unless frozen. */
  frozenReason: z.string().nullable(),
  currentBatchNo: z.string(),
  lastSignInAt: z.string().nullable(),
  lastSignOffAt: z.string().nullable(),
  createdAt: z.string(),
});

function terminalBody(row: TerminalRow): z.infer<typeof TerminalBody> {
  return {
    terminalId: row.terminalId,
    serialNo: row.serialNo,
    status: row.status as z.infer<typeof TerminalBody>['status'],
    frozenReason: row.frozenReason,
    currentBatchNo: String(row.currentBatchNo).padStart(6, '0'),
    lastSignInAt: row.signedInAt?.toISOString() ?? null,
    lastSignOffAt: row.signedOffAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const TerminalParams = z.object({ terminalId: TerminalIdParam });
const Reason = z.object({ reason: z.string().trim().min(1).max(500) });

export const registerTerminalRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/v1/merchant/terminals',
    {
      schema: {
        tags: ['terminals'],
        summary: "The merchant's terminals",
        response: { 200: z.object({ data: z.array(TerminalBody) }) },
      },
    },
    async (request) => {
      const me = merchantOf(request);
      const rows = await platform.terminals.listTerminals(deps.services.db, me.merchantId);
      return { data: rows.map(terminalBody) };
    },
  );
  app.post(
    '/v1/merchant/terminals/:terminalId/report-lost',
    {
      schema: {
        tags: ['terminals'],
        summary: 'Report a terminal lost (挂失): it is frozen at once, without review',
        params: TerminalParams,
        body: z.object({ note: z.string().trim().max(500).optional() }),
        response: { 200: TerminalBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const merchant = merchantOf(request, { roles: ['owner'] });
      return inTransaction(deps, request, reply, async (tx) => {
        const terminal = await reportLost(deps, tx, request, {
          merchant,
          terminalId: request.params.terminalId,
          note: request.body.note ?? null,
        });
        return { status: 200, body: terminalBody(terminal) };
      });
    },
  );
  registerChange(app, deps, 'replacement', 'terminal_replacement');
  registerChange(app, deps, 'return', 'terminal_return');
};

function registerChange(app: App, deps: HttpDeps, path: string, kind: TerminalChangeKind): void {
  const what = kind === 'terminal_replacement' ? 'a replacement (换机)' : 'a return (退机)';
  app.post(
    `/v1/merchant/terminals/:terminalId/${path}`,
    {
      schema: {
        tags: ['terminals'],
        summary: `Apply for ${what} of a terminal; ops review it`,
        params: TerminalParams,
        body: Reason,
        response: { 201: ApplicationBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const merchant = merchantOf(request, { roles: ['owner'] });
      return inTransaction(deps, request, reply, async (tx) => {
        const row = await submitTerminalChange(deps, tx, request, {
          kind,
          merchant,
          terminalId: request.params.terminalId,
          reason: request.body.reason,
        });
        return { status: 201, body: applicationBody(row) };
      });
    },
  );
}
