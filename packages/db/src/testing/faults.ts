// Faults a test provokes in the database, and the row counts that show what a failure left.
import { sql } from 'drizzle-orm';
import type { Db } from '../drivers/open.ts';
import { rowsOf } from '../stores/rows.ts';

/**
 * Runs `work` with the acquirer's RRN sequence one behind the newest RRN in use (a restored
 * backup, or the twelve digits wrapping): the next insert's RRN collides and its statement fails,
 * after the card network has approved. Puts the sequence back afterwards.
 */
export async function withRrnCollision<T>(db: Db, work: () => Promise<T>): Promise<T> {
  await db.execute(
    sql`select setval('rrn_seq', (select max(rrn::bigint) from transactions) - 1, true)`,
  );
  try {
    return await work();
  } finally {
    await db.execute(
      sql`select setval('rrn_seq', (select max(rrn::bigint) from transactions), true)`,
    );
  }
}

/** How many rows a payment table holds. */
export async function rowCount(db: Db, table: 'transactions' | 'journal_entry'): Promise<number> {
  const [row] = rowsOf(await db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`));
  return Number(row?.['n']);
}
