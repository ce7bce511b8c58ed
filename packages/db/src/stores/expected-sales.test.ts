// Goal: sales decided on their terminals' snapshots are recorded in one statement per group, each
// exactly as alone; a terminal another transaction holds sends its sale the long way without
// holding up the others; a failed group write leaves nothing in the books or at the network.
// Method: concurrent engine calls on a real PostgreSQL server, statements counted at the client;
// every terminal sells once first, so that its engine holds its snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createEngine } from '@shoudan/core';
import { createStores } from './index.ts';
import {
  countStatements,
  createServerTestDatabase,
  createWorld,
  serverSuiteUrl,
  TestPos,
  type ServerTestDatabase,
  type World,
} from '../testing/index.ts';

const url = serverSuiteUrl();

describe.skipIf(!url)('expected sales on PostgreSQL (needs TEST_DATABASE_URL)', () => {
  let database: ServerTestDatabase;
  let world: World;
  let poses: TestPos[];

  beforeAll(async () => {
    database = await createServerTestDatabase(url ?? '', 10);
    world = await createWorld(database, { merchants: 12 });
    poses = world.merchants.map((m) => new TestPos(world.engine, m.terminalIds[0] ?? ''));
    const first = await Promise.all(poses.map((pos) => pos.sale(100n)));
    if (!first.every((r) => r.ok)) throw new Error('a first sale was refused');
  });
  afterAll(async () => database.drop());

  async function count(table: 'transactions' | 'journal_entry'): Promise<number> {
    const result = await world.db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`);
    return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n);
  }

  it('sales of many terminals at once are recorded a group per statement', async () => {
    const before = await count('transactions');
    const counter = countStatements();
    const rounds = 5;
    const results = [];
    for (let round = 0; round < rounds; round++) {
      results.push(...(await Promise.all(poses.map((pos, i) => pos.sale(BigInt(100 + i))))));
    }
    const statements = counter.stop();
    const sales = poses.length * rounds;
    expect(results.every((r) => r.ok)).toBe(true);
    // One statement records a group: fewer statements than sales, by far.
    expect(statements).toBeLessThan(sales / 2);
    const rrns = new Set(results.map((r) => (r.ok ? r.value.transaction.rrn : '')));
    expect(rrns.size).toBe(sales);
    expect(await count('transactions')).toBe(before + sales);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('with groups of one, each sale is a statement of its own', async () => {
    const engine = createEngine({
      stores: createStores(world.db, { saleGroupSizeMax: 1 }),
      network: world.network,
      clock: world.clock,
      ids: world.ids,
      rules: world.rules,
    });
    const alone = poses.map((pos) => new TestPos(engine, pos.terminalId));
    alone.forEach((pos, i) => (pos.voucherNo = (poses[i]?.voucherNo ?? 0) + 500));
    expect((await Promise.all(alone.map((pos) => pos.sale(150n)))).every((r) => r.ok)).toBe(true);
    const counter = countStatements();
    const results = await Promise.all(alone.map((pos) => pos.sale(160n)));
    const statements = counter.stop();
    expect(results.every((r) => r.ok)).toBe(true);
    expect(statements).toBe(alone.length);
  });

  it('a terminal another transaction holds goes the long way; the others do not wait', async () => {
    const [busy, free] = poses;
    if (!busy || !free) throw new Error('no terminals');
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from terminal where terminal_id = $1 for update', [
        busy.terminalId,
      ]);
      let busyDone = false;
      const held = busy.sale(401n).then((r) => {
        busyDone = true;
        return r;
      });
      const freeSale = await free.sale(402n);
      expect(freeSale.ok).toBe(true);
      expect(busyDone).toBe(false);
      await holder.query('commit');
      const result = await held;
      expect(result.ok && result.value.duplicate).toBe(false);
      const rrn = result.ok ? result.value.transaction.rrn : '';
      expect(await world.stores.payments.findByRrn(rrn)).toBeDefined();
    } finally {
      await holder.end();
    }
  });

  it('a group whose write fails records none of its sales and releases them all', async () => {
    const group = poses.slice(0, 4);
    const charged = world.network.chargedFen();
    const before = await count('transactions');
    const entries = await count('journal_entry');
    // The next RRN collides with the latest one in use: the group's insert fails, and with it
    // the group's statement.
    await world.db.execute(
      sql`select setval('rrn_seq', (select max(rrn::bigint) from transactions) - 1, true)`,
    );
    const results = await Promise.allSettled(group.map((pos) => pos.sale(601n)));
    await world.db.execute(
      sql`select setval('rrn_seq', (select max(rrn::bigint) from transactions), true)`,
    );
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
    const recorded = results.filter((r) => r.status === 'fulfilled').length;
    expect(await count('transactions')).toBe(before + recorded);
    expect(await count('journal_entry')).toBe(entries + recorded);
    expect(world.network.chargedFen()).toBe(charged + 601n * BigInt(recorded));
    expect((await world.engine.checkLedger()).ok).toBe(true);
    const again = await Promise.all(group.map((pos) => pos.sale(602n)));
    expect(again.every((r) => r.ok)).toBe(true);
  });
});
