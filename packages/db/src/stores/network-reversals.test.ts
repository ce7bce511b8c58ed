// Goal: kept reversals are claimed once when due, by one caller at a time, and the wait before the
// next attempt doubles from 5 s and stays at 10 min however often the network refused.
// Method: the store's functions on a test database (PGlite; PostgreSQL in CI), rows read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../drivers/open.ts';
import { networkReversals } from '../schema/index.ts';
import { openTestDatabase } from '../testing/index.ts';
import {
  claimDueReversals,
  dropReversal,
  keepReversal,
  reversalTaken,
} from './network-reversals.ts';

let database: Database;
const T0 = new Date('2026-12-04T02:00:00Z');
const after = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function rowOf(ref: string) {
  const [row] = await database.db
    .select()
    .from(networkReversals)
    .where(eq(networkReversals.ref, ref));
  return row;
}

describe('kept reversals', () => {
  it('are claimed when due, once, with a wait that doubles', async () => {
    const db = database.db;
    await keepReversal(db, 'A0000001:1:1', T0);
    await keepReversal(db, 'A0000001:1:1', T0); // kept twice: one row
    expect(await claimDueReversals(db, T0, 10)).toEqual(['A0000001:1:1']);
    expect(await claimDueReversals(db, T0, 10)).toEqual([]);
    expect((await rowOf('A0000001:1:1'))?.nextAttemptAt).toEqual(after(5_000));
    expect(await claimDueReversals(db, after(5_000), 10)).toEqual(['A0000001:1:1']);
    expect((await rowOf('A0000001:1:1'))?.nextAttemptAt).toEqual(after(15_000));
    await reversalTaken(db, 'A0000001:1:1', after(6_000));
    expect(await claimDueReversals(db, after(3_600_000), 10)).toEqual([]);
  });

  it('wait 10 minutes at most, however often refused', async () => {
    const db = database.db;
    await keepReversal(db, 'A0000002:1:1', T0);
    await db
      .update(networkReversals)
      .set({ attempts: 5_000 })
      .where(eq(networkReversals.ref, 'A0000002:1:1'));
    expect(await claimDueReversals(db, T0, 10)).toEqual(['A0000002:1:1']);
    expect((await rowOf('A0000002:1:1'))?.nextAttemptAt).toEqual(after(600_000));
    await dropReversal(db, 'A0000002:1:1');
    expect(await rowOf('A0000002:1:1')).toBeUndefined();
  });
});
