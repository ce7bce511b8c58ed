// Merchant and terminal search in the ops console (商户查询, 终端查询): keyset pages by merchant
// number and terminal id, and one merchant with its terminals, services and ledger balances.
// Any staff role may read them; merchants never.
import {
  ErrorBody,
  IdParams,
  MerchantDetail,
  type MerchantServiceSummary,
  MerchantSearchQuery,
  type MerchantSummary,
  MerchantSummaryPage,
  StaffRole,
  type TerminalSummary,
  TerminalSearchQuery,
  TerminalSummaryPage,
} from '@shoudan/contracts';
import { ACCOUNTS, SERVICE_NAMES, SERVICES } from '@shoudan/core';
import { platform } from '@shoudan/db';
import { staffOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { languageOf, OutcomeError } from '../errors.ts';
import type { App, RegisterRoutes } from './index.ts';

const ANY_STAFF = StaffRole.options;
/** Terminals listed with one merchant; a merchant with more is searched by `merchantId`. */
const MERCHANT_TERMINALS_MAX = 500;

function merchantSummary(row: platform.ops.MerchantSummaryRow): MerchantSummary {
  return {
    id: row.id,
    merchantNo: row.merchantNo,
    name: row.name,
    status: row.status as MerchantSummary['status'],
    terminalCount: row.terminalCount,
    createdAt: row.createdAt.toISOString(),
  };
}

function terminalSummary(row: platform.ops.TerminalSummaryRow): TerminalSummary {
  return { ...row, status: row.status as TerminalSummary['status'] };
}

/** A page of `limit` from rows read with one more: the cursor is the last key shown. */
function pageOf<R, B>(rows: readonly R[], limit: number, body: (r: R) => B, key: (r: R) => string) {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    data: shown.map(body),
    nextCursor: rows.length > limit && last !== undefined ? key(last) : null,
  };
}

export const registerOpsMerchantRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/v1/ops/merchants',
    {
      schema: {
        tags: ['ops'],
        summary: 'Search merchants by merchant number prefix or part of the name, and status',
        querystring: MerchantSearchQuery,
        response: { 200: MerchantSummaryPage, 400: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, ANY_STAFF);
      const { q, status, limit, cursor } = request.query;
      const rows = await platform.ops.searchMerchants(deps.services.db, {
        ...(q ? { q } : {}),
        ...(status ? { status } : {}),
        ...(cursor ? { afterMerchantNo: cursor } : {}),
        limit: limit + 1,
      });
      return pageOf(rows, limit, merchantSummary, (r) => r.merchantNo);
    },
  );
  registerMerchantDetail(app, deps);
  app.get(
    '/v1/ops/terminals',
    {
      schema: {
        tags: ['ops'],
        summary: 'Search terminals by terminal id, serial number or merchant number, and status',
        querystring: TerminalSearchQuery,
        response: { 200: TerminalSummaryPage, 400: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, ANY_STAFF);
      const { q, merchantId, status, limit, cursor } = request.query;
      const rows = await platform.ops.searchTerminals(deps.services.db, {
        ...(q ? { q } : {}),
        ...(merchantId ? { merchantId } : {}),
        ...(status ? { status } : {}),
        ...(cursor ? { afterTerminalId: cursor } : {}),
        limit: limit + 1,
      });
      return pageOf(rows, limit, terminalSummary, (r) => r.terminalId);
    },
  );
};

function registerMerchantDetail(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/ops/merchants/:id',
    {
      schema: {
        tags: ['ops'],
        summary: 'One merchant with its terminals, services and ledger balances',
        params: IdParams,
        response: { 200: MerchantDetail, 404: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, ANY_STAFF);
      const db = deps.services.db;
      const merchantId = request.params.id;
      const row = await platform.ops.findMerchantSummary(db, merchantId);
      if (!row) throw new OutcomeError({ code: 'not_found', param: 'id' });
      const [terminals, services, balances] = await Promise.all([
        platform.ops.searchTerminals(db, { merchantId, limit: MERCHANT_TERMINALS_MAX }),
        platform.services.listServices(db, merchantId),
        platform.ops.merchantBalances(db, merchantId),
      ]);
      const language = languageOf(request);
      const serviceSummaries = SERVICES.map((code): MerchantServiceSummary => ({
        code,
        name: SERVICE_NAMES[code][language],
        status: services.find((s) => s.service === code)?.status ?? 'not_activated',
      }));
      const order = (account: string) => ACCOUNTS.indexOf(account as (typeof ACCOUNTS)[number]);
      return {
        ...merchantSummary(row),
        merchantType: row.merchantType as MerchantDetail['merchantType'],
        closedAt: row.closedAt?.toISOString() ?? null,
        terminals: terminals.map(terminalSummary),
        services: serviceSummaries,
        balances: balances
          .map((b) => ({ account: b.account, balanceFen: String(b.balanceFen) }))
          .sort((a, b) => order(a.account) - order(b.account)),
      };
    },
  );
}
