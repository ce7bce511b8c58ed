// A merchant's terminals on the merchant platform: the list; report one lost (frozen at once);
// ask for a replacement or a return (applications reviewed by ops, registered here).
import {
  ApplicationBody,
  ErrorBody,
  ReportLostRequest,
  TerminalBody,
  TerminalChangeRequest,
  TerminalList,
  TerminalParams,
} from '@shoudan/contracts';
import { platform } from '@shoudan/db';
import { applicationBody } from '../applications/body.ts';
import { registerApplicationHandler } from '../applications/handlers.ts';
import { merchantOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { inTransaction } from '../idempotency.ts';
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

function terminalBody(row: TerminalRow): TerminalBody {
  return {
    terminalId: row.terminalId,
    serialNo: row.serialNo,
    status: row.status as TerminalBody['status'],
    frozenReason: row.frozenReason,
    currentBatchNo: String(row.currentBatchNo).padStart(6, '0'),
    lastSignInAt: row.signedInAt?.toISOString() ?? null,
    lastSignOffAt: row.signedOffAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export const registerTerminalRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/v1/merchant/terminals',
    {
      schema: {
        tags: ['terminals'],
        summary: "The merchant's terminals",
        response: { 200: TerminalList },
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
        body: ReportLostRequest,
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
        body: TerminalChangeRequest,
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
