// A merchant's money on the merchant platform: ledger balances (pending, payable), settlements
// newest first, and one date's settlement statement (结算对账单) as JSON or as the CSV the
// `shoudan statement` command prints. Owners and secret keys only: cashiers take payments, they
// do not reconcile.
import {
  Balances,
  ErrorBody,
  PayoutsPaidRequest,
  PayoutsPaidResult,
  SettlementList,
  SettlementListQuery,
  StatementBody,
  StatementParams,
} from '@shoudan/contracts';
import { platform } from '@shoudan/db';
import { statementLines } from '@shoudan/core';
import { audit } from '../audit.ts';
import { statementFontAvailable, statementPdf } from '../self-service/statement-pdf.ts';
import { merchantOf, staffOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { attachment } from '../self-service/formats.ts';
import { settlementBody, statementBody } from '../self-service/statement-body.ts';
import type { App, RegisterRoutes } from './index.ts';

const RECONCILERS = { roles: ['owner'] } as const;

export const registerSettlementRoutes: RegisterRoutes = (app, deps) => {
  registerPayoutRoutes(app, deps);
  app.get(
    '/v1/merchant/balances',
    {
      schema: {
        tags: ['settlements'],
        summary: "The merchant's ledger balances",
        response: { 200: Balances },
      },
    },
    async (request) => {
      const me = merchantOf(request, RECONCILERS);
      const asOf = deps.services.clock.now();
      const balance = await deps.services.engine.merchantBalance(me.merchantId);
      return {
        pendingFen: balance.pendingFen.toString(),
        payableFen: balance.payableFen.toString(),
        asOf: asOf.toISOString(),
      };
    },
  );
  app.get(
    '/v1/merchant/settlements',
    {
      schema: {
        tags: ['settlements'],
        summary: "The merchant's settlements, newest business date first",
        querystring: SettlementListQuery,
        response: { 200: SettlementList },
      },
    },
    async (request) => {
      const me = merchantOf(request, RECONCILERS);
      const { from, to, limit } = request.query;
      const rows = await platform.transactions.listSettlements(deps.services.db, {
        merchantId: me.merchantId,
        ...(from ? { fromDate: from } : {}),
        ...(to ? { toDate: to } : {}),
        limit,
      });
      return { data: rows.map(settlementBody) };
    },
  );
  registerStatementRoutes(app, deps);
};

function registerStatementRoutes(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/merchant/statements/:businessDate',
    {
      schema: {
        tags: ['settlements'],
        summary: 'The settlement statement of one business date; its lines add up to the net',
        params: StatementParams,
        response: { 200: StatementBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const me = merchantOf(request, RECONCILERS);
      const { businessDate } = request.params;
      const db = deps.services.db;
      const settlement = await platform.transactions.findSettlement(
        db,
        me.merchantId,
        businessDate,
      );
      if (!settlement) throw new OutcomeError({ code: 'not_found', param: 'businessDate' });
      const txs = await platform.transactions.statementTransactions(
        db,
        me.merchantId,
        businessDate,
      );
      return statementBody(settlement, txs);
    },
  );
  registerStatementPdfRoute(app, deps);
  app.get(
    '/v1/merchant/statements/:businessDate.csv',
    {
      schema: {
        tags: ['settlements'],
        summary: 'The settlement statement as CSV (UTF-8 with BOM), as `shoudan statement` prints',
        params: StatementParams,
      },
    },
    async (request, reply) => {
      const me = merchantOf(request, RECONCILERS);
      const { businessDate } = request.params;
      const csv = await deps.services.engine.statementCsv(me.merchantId, businessDate);
      if (csv === undefined) throw new OutcomeError({ code: 'not_found', param: 'businessDate' });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          attachment(`结算对账单-${businessDate}.csv`, `statement-${businessDate}.csv`),
        )
        .send(csv);
    },
  );
}

/**
 * Finance records the bank's confirmation that a merchant's payouts up to a date arrived: their
 * settlements become 'paid' (what deregistration waits for). Audited; idempotent by nature.
 */
function registerPayoutRoutes(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/ops/settlements/payouts-paid',
    {
      schema: {
        tags: ['settlement'],
        summary: "Record that a merchant's payouts up to a business date reached its bank",
        body: PayoutsPaidRequest,
        response: { 200: PayoutsPaidResult, 403: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, ['finance']);
      const { merchantId, upTo, bankReference } = request.body;
      const settlementsPaid = await deps.services.db.transaction(async (tx) => {
        const paid = await platform.deregistration.markPayoutsPaid(tx, { merchantId, upTo });
        await audit(deps, tx, request, {
          action: 'settlement.payouts_paid',
          objectType: 'merchant',
          objectId: merchantId,
          merchantId,
          detail: { upTo, bankReference, settlementsPaid: paid },
        });
        return paid;
      });
      return { settlementsPaid };
    },
  );
}

function registerStatementPdfRoute(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/merchant/statements/:businessDate.pdf',
    {
      schema: {
        tags: ['settlements'],
        summary: 'The settlement statement as an A4 PDF in Chinese',
        params: StatementParams,
      },
    },
    async (request, reply) => {
      const me = merchantOf(request, RECONCILERS);
      const { businessDate } = request.params;
      const fontFile = deps.services.config.statementFontFile;
      if (!(await statementFontAvailable(fontFile))) {
        throw new OutcomeError({ code: 'statement_pdf_unavailable' });
      }
      const db = deps.services.db;
      const settlement = await platform.transactions.findSettlement(
        db,
        me.merchantId,
        businessDate,
      );
      const merchant = await platform.transactions.merchantIdentity(db, me.merchantId);
      if (!settlement || !merchant) {
        throw new OutcomeError({ code: 'not_found', param: 'businessDate' });
      }
      const txs = await platform.transactions.statementTransactions(
        db,
        me.merchantId,
        businessDate,
      );
      const lines = statementLines(settlement, txs);
      const pdf = await statementPdf({ merchant, settlement, lines, fontFile });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          attachment(`结算对账单-${businessDate}.pdf`, `statement-${businessDate}.pdf`),
        )
        .send(pdf);
    },
  );
}
