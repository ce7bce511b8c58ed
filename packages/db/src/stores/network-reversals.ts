// Reversals the card network did not take (store and forward): kept, claimed when due by one
// node at a time (the claim puts them off by a wait that doubles with each attempt, from 5 s to
// 10 min at most), marked once the network takes them, dropped when the books hold the approval.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../drivers/open.ts';
import { networkReversals } from '../schema/index.ts';
import { rowsOf } from './rows.ts';

export async function keepReversal(db: Db, ref: string, at: Date): Promise<void> {
  await db
    .insert(networkReversals)
    .values({ ref, keptAt: at, nextAttemptAt: at })
    .onConflictDoUpdate({
      target: networkReversals.ref,
      // Released and needed again (a later request of the key): keep it once more.
      set: { reversedAt: null, nextAttemptAt: at },
      where: sql`${networkReversals.reversedAt} is not null`,
    });
}

export async function claimDueReversals(db: Db, at: Date, limit: number): Promise<string[]> {
  const result = await db.execute(sql`
    update network_reversal r
    set attempts = r.attempts + 1,
        next_attempt_at = ${at.toISOString()}::timestamptz
          + least(interval '10 minutes', interval '5 seconds' * power(2, least(r.attempts, 8)))
    where r.ref in (
      select ref from network_reversal
      where reversed_at is null and next_attempt_at <= ${at.toISOString()}::timestamptz
      order by next_attempt_at limit ${limit}
      for update skip locked)
    returning r.ref`);
  return rowsOf(result).map((row) => String(row['ref']));
}

export async function reversalTaken(db: Db, ref: string, at: Date): Promise<void> {
  await db
    .update(networkReversals)
    .set({ reversedAt: at })
    .where(and(eq(networkReversals.ref, ref), isNull(networkReversals.reversedAt)));
}

export async function dropReversal(db: Db, ref: string): Promise<void> {
  await db
    .delete(networkReversals)
    .where(and(eq(networkReversals.ref, ref), isNull(networkReversals.reversedAt)));
}
