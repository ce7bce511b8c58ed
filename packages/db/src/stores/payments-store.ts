// PostgreSQL implementation of the payments port. On a server (a node-postgres pool) a payment's
// transaction takes two round trips (`pooled-transaction.ts`) and sales share group commits
// (`sale-groups.ts`); on PGlite it is drizzle's transaction. The statements are the same.
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { PaymentsStore, VoidableSalesQuery } from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import { businessDates, terminalBatches, transactions } from '../schema/index.ts';
import { PgPaymentsTx } from './payments-tx.ts';
import { poolOf, pooledTransaction } from './pooled-transaction.ts';
import { toRecord } from './rows.ts';
import { GROUP_SIZE_DEFAULT, SaleGroups } from './sale-groups.ts';

export { postEntries } from './payments-tx.ts';

export function createPaymentsStore(db: Db, saleGroupSizeMax = GROUP_SIZE_DEFAULT): PaymentsStore {
  const pool = poolOf(db);
  const groups = pool && saleGroupSizeMax > 1 ? new SaleGroups(pool, saleGroupSizeMax) : undefined;
  return {
    transaction: (work, options) =>
      pool
        ? options?.groupable && groups
          ? groups.transaction(work)
          : pooledTransaction(pool, work)
        : db.transaction(
            async (tx) => {
              const paymentsTx = new PgPaymentsTx(tx as unknown as Db);
              const result = await work(paymentsTx);
              await paymentsTx.flush();
              return result;
            },
            { isolationLevel: 'read committed' },
          ),
    voidableSales: async (q: VoidableSalesQuery) => {
      const rows = await db
        .select()
        .from(transactions)
        .innerJoin(
          terminalBatches,
          and(
            eq(terminalBatches.terminalId, transactions.terminalId),
            eq(terminalBatches.batchNo, transactions.batchNo),
          ),
        )
        .leftJoin(businessDates, eq(businessDates.businessDate, transactions.businessDate))
        .where(
          and(
            eq(transactions.terminalId, q.terminalId),
            eq(transactions.kind, 'sale'),
            eq(transactions.status, 'approved'),
            eq(transactions.refundedFen, 0n),
            gte(transactions.createdAt, q.from),
            lte(transactions.createdAt, q.to),
            eq(terminalBatches.status, 'open'),
            sql`coalesce(${businessDates.status}, 'open') = 'open'`,
          ),
        )
        .orderBy(desc(transactions.createdAt))
        .limit(q.limit);
      return rows.map((r) => toRecord(r.transactions));
    },
    findByRrn: async (rrn: string) => {
      const [row] = await db.select().from(transactions).where(eq(transactions.rrn, rrn));
      return row ? toRecord(row) : undefined;
    },
  };
}
