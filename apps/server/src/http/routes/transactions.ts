// A merchant's transactions on the merchant platform: the list (filters, keyset pages, newest
// first), one by id, and the same list as a CSV download. Owners, cashiers and secret keys may
// read them; every query is scoped to the caller's merchant.
import {
  ErrorBody,
  IdParams,
  TransactionBody,
  TransactionCsvQuery,
  TransactionListQuery,
  TransactionPage,
  type TransactionFilter,
} from '@shoudan/contracts';
import { businessDateOf } from '@shoudan/core';
import { platform } from '@shoudan/db';
import { merchantOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { attachment } from '../self-service/formats.ts';
import { transactionBody } from '../self-service/transaction-body.ts';
import { transactionsCsv } from '../self-service/transactions-csv.ts';
import type { App, RegisterRoutes } from './index.ts';

function filterOf(
  merchantId: string,
  q: TransactionFilter,
): platform.transactions.TransactionFilter {
  return {
    merchantId,
    ...(q.from ? { fromDate: q.from } : {}),
    ...(q.to ? { toDate: q.to } : {}),
    ...(q.terminalId ? { terminalId: q.terminalId } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.status ? { status: q.status } : {}),
  };
}

export const registerTransactionRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/v1/merchant/transactions',
    {
      schema: {
        tags: ['transactions'],
        summary: "The merchant's transactions, newest first, a page at a time",
        querystring: TransactionListQuery,
        response: { 200: TransactionPage, 400: ErrorBody },
      },
    },
    async (request) => {
      const me = merchantOf(request);
      const { limit, startingAfter, ...q } = request.query;
      const db = deps.services.db;
      if (startingAfter) {
        const cursor = await platform.transactions.findTransaction(
          db,
          me.merchantId,
          startingAfter,
        );
        if (!cursor) {
          throw new OutcomeError({
            code: 'validation_failed',
            param: 'startingAfter',
            message: 'startingAfter: no such transaction',
          });
        }
      }
      const rows = await platform.transactions.listTransactions(db, filterOf(me.merchantId, q), {
        limit: limit + 1,
        ...(startingAfter ? { afterId: startingAfter } : {}),
      });
      const page = rows.slice(0, limit);
      const hasMore = rows.length > limit;
      return {
        data: page.map(transactionBody),
        hasMore,
        nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );
  registerDownload(app, deps);
  app.get(
    '/v1/merchant/transactions/:id',
    {
      schema: {
        tags: ['transactions'],
        summary: 'One transaction of the merchant',
        params: IdParams,
        response: { 200: TransactionBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const me = merchantOf(request);
      const db = deps.services.db;
      const row = await platform.transactions.findTransaction(db, me.merchantId, request.params.id);
      if (!row) throw new OutcomeError({ code: 'not_found', param: 'id' });
      return transactionBody(row);
    },
  );
};

function registerDownload(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/merchant/transactions.csv',
    {
      schema: {
        tags: ['transactions'],
        summary: 'The transactions the filters pick, as CSV (交易明细, UTF-8 with BOM)',
        querystring: TransactionCsvQuery,
      },
    },
    async (request, reply) => {
      const me = merchantOf(request);
      const q = request.query;
      const today = businessDateOf(deps.services.clock.now(), deps.services.config.cutoffTime);
      const end = q.to ?? today;
      const dates = q.from && q.from !== end ? `${q.from}_${end}` : end;
      const csv = transactionsCsv(deps.services.db, filterOf(me.merchantId, q), (error) =>
        request.log.error({ event: 'transactions.download_failed', err: error }),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          attachment(`交易明细-${dates}.csv`, `transactions-${dates}.csv`),
        )
        .send(csv);
    },
  );
}
