// PostgreSQL implementation of the payments port. On a server (a node-postgres pool) a payment's
// transaction takes two round trips (`pooled-transaction.ts`), sales share group commits
// (`sale-groups.ts`), and payments decided on their terminal's snapshot are recorded in groups of
// one statement (`expected-payments.ts`); on PGlite each is drizzle's transaction. The statements
// are the same.
import { eq, sql, type SQL } from 'drizzle-orm';
import type {
  PaymentsStore,
  RequestKey,
  TransactionRecord,
  VoidableSalesQuery,
} from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import { transactions } from '../schema/index.ts';
import { ExpectedPayments } from './expected-payments.ts';
import {
  claimDueReversals,
  dropReversal,
  keepReversal,
  reversalTaken,
} from './network-reversals.ts';
import {
  byKey,
  expectedAnswerOf,
  PgPaymentsTx,
  recordExpectedSalesQuery,
  recordExpectedVoidsQuery,
} from './payments-tx.ts';
import { poolOf, pooledTransaction } from './pooled-transaction.ts';
import { recordOf, rowsOf, toRecord } from './rows.ts';
import { GROUP_SIZE_DEFAULT, SaleGroups } from './sale-groups.ts';

export { postEntries } from './payments-tx.ts';

export function createPaymentsStore(db: Db, saleGroupSizeMax = GROUP_SIZE_DEFAULT): PaymentsStore {
  const pool = poolOf(db);
  const groups = pool && saleGroupSizeMax > 1 ? new SaleGroups(pool, saleGroupSizeMax) : undefined;
  // On PGlite an expected payment is a call of its own.
  const expected = pool ? new ExpectedPayments(pool, Math.max(1, saleGroupSizeMax)) : undefined;
  /** One expected payment's call on PGlite, in its own transaction. */
  const alone = async (query: SQL) => {
    const result = await db.transaction((tx) => tx.execute(query), {
      isolationLevel: 'read committed',
    });
    const [row] = rowsOf(result);
    const value = row?.['answers'];
    const answers = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    return expectedAnswerOf(Array.isArray(answers) ? answers[0] : undefined);
  };
  return {
    recordExpectedSale: (sale) =>
      expected ? expected.record({ kind: 'sale', sale }) : alone(recordExpectedSalesQuery([sale])),
    recordExpectedVoid: (expectedVoid) =>
      expected
        ? expected.record({ kind: 'void', void: expectedVoid })
        : alone(recordExpectedVoidsQuery([expectedVoid])),
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
    // From the terminal's open batches, each read through the request key: the sales of one
    // batch, never the terminal's whole history.
    voidableSales: async (q: VoidableSalesQuery) => {
      const result = await db.execute(sql`
        select s.t from terminal_batch b
        cross join lateral (
          select transaction_json(x) as t, x.created_at from transactions x
          left join business_date d on d.business_date = x.business_date
          where x.terminal_id = b.terminal_id and x.batch_no = b.batch_no
            and x.kind = 'sale' and x.status = 'approved' and x.refunded_fen = 0
            and x.created_at >= ${q.from.toISOString()}::timestamptz
            and x.created_at <= ${q.to.toISOString()}::timestamptz
            and coalesce(d.status, 'open') = 'open'
          order by x.created_at desc limit ${q.limit}) s
        where b.terminal_id = ${q.terminalId} and b.status = 'open'
        order by s.created_at desc limit ${q.limit}`);
      return rowsOf(result).map((r) => recordOf(r['t']));
    },
    recordedUnder: (key) => recordedUnder(db, key),
    keepReversal: (ref, at) => keepReversal(db, ref, at),
    claimDueReversals: (at, limit) => claimDueReversals(db, at, limit),
    reversalTaken: (ref, at) => reversalTaken(db, ref, at),
    dropReversal: (ref) => dropReversal(db, ref),
    findByRrn: async (rrn: string) => {
      const [row] = await db.select().from(transactions).where(eq(transactions.rrn, rrn));
      return row ? toRecord(row) : undefined;
    },
  };
}

/**
 * Any write under the key locks its terminal first: the lock is had once such a write has ended,
 * and the read after it (read committed: a snapshot of its own) sees what it committed.
 */
function recordedUnder(db: Db, key: RequestKey): Promise<TransactionRecord | undefined> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local lock_timeout = '5s'`);
      await tx.execute(
        sql`select 1 from terminal where terminal_id = ${key.terminalId} for update`,
      );
      const [row] = await tx.select().from(transactions).where(byKey(key));
      return row ? toRecord(row) : undefined;
    },
    { isolationLevel: 'read committed' },
  );
}
