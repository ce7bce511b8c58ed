// Goal: sales that arrive together share a commit, yet each is recorded exactly as alone, a busy
// terminal never holds up the others, and a failed group commit leaves nothing anywhere — both
// for sales that open (`sale-groups.ts`) and for sales on their terminals' snapshots, recorded
// in one statement a group (`expected-payments.ts`).
// Method: concurrent engine calls on a real PostgreSQL server, statements counted at the client;
// the suite runs once without snapshots and once with (every terminal selling once first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createEngine, type CardNetwork } from '@shoudan/core';
import { createStores } from './index.ts';
import {
  countStatements,
  createServerTestDatabase,
  rowCount,
  createWorld,
  serverSuiteUrl,
  TestPos,
  type ServerTestDatabase,
  withRrnCollision,
  type World,
} from '../testing/index.ts';

const url = serverSuiteUrl();

/** The two ways in: statements a sale takes alone, and at most per sale in groups of twelve. */
const WAYS = [
  { way: 'opened', saleSnapshotTtlMs: 0, statementsAlone: 2, statementsPerSaleMax: 1 },
  { way: 'on snapshots', saleSnapshotTtlMs: 60_000, statementsAlone: 1, statementsPerSaleMax: 0.5 },
] as const;

describe.skipIf(!url).each(WAYS)('group commit of sales $way (PostgreSQL)', (way) => {
  let database: ServerTestDatabase;
  let world: World;
  let poses: TestPos[];

  beforeAll(async () => {
    database = await createServerTestDatabase(url ?? '', 10);
    world = await createWorld(database, {
      merchants: 12,
      saleSnapshotTtlMs: way.saleSnapshotTtlMs,
    });
    poses = world.merchants.map((m) => new TestPos(world.engine, m.terminalIds[0] ?? ''));
    const first = await Promise.all(poses.map((pos) => pos.sale(100n)));
    if (!first.every((r) => r.ok)) throw new Error('a first sale was refused');
  });
  afterAll(async () => database.drop());

  /** Connections of the test database waiting for a lock. */
  async function lockWaiters(): Promise<number> {
    const result = await world.db.execute(sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`);
    return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n);
  }

  const count = (table: 'transactions' | 'journal_entry') => rowCount(world.db, table);

  it('sales of many terminals at once share round trips and are each recorded', async () => {
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
    // Alone, a sale is one or two round trips; in groups they are shared.
    expect(statements).toBeLessThan(sales * way.statementsPerSaleMax);
    const rrns = new Set(results.map((r) => (r.ok ? r.value.transaction.rrn : '')));
    expect(rrns.size).toBe(sales);
    expect(await count('transactions')).toBe(before + sales);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('with groups of one, each sale is a transaction of its own (group commit off)', async () => {
    const engine = createEngine({
      stores: createStores(world.db, { saleGroupSizeMax: 1 }),
      network: world.network,
      clock: world.clock,
      ids: world.ids,
      rules: world.rules,
    });
    const alone = poses.map((pos) => new TestPos(engine, pos.terminalId));
    alone.forEach((pos, i) => (pos.voucherNo = (poses[i]?.voucherNo ?? 0) + 500));
    // The new engine's first sale of each terminal opens; its next one goes the way under test.
    expect((await Promise.all(alone.map((pos) => pos.sale(140n)))).every((r) => r.ok)).toBe(true);
    const counter = countStatements();
    const results = await Promise.all(alone.map((pos) => pos.sale(150n)));
    const statements = counter.stop();
    expect(results.every((r) => r.ok)).toBe(true);
    expect(statements).toBe(way.statementsAlone * alone.length);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('two sales of one terminal at once go one after the other, both recorded', async () => {
    const [pos] = poses;
    if (!pos) throw new Error('no terminal');
    const [first, second] = await Promise.all([pos.sale(201n), pos.sale(202n)]);
    expect(first?.ok && second?.ok).toBe(true);
    if (!first?.ok || !second?.ok) return;
    expect(first.value.transaction.voucherNo).not.toBe(second.value.transaction.voucherNo);
    expect(second.value.duplicate).toBe(false);
  });

  it('a retransmission sent with its original is answered the same, recorded once', async () => {
    const [pos] = poses;
    if (!pos) throw new Error('no terminal');
    const key = pos.next();
    const request = { ...key, amountFen: 300n, method: 'card' as const, card: { pan: PAN } };
    const before = await count('transactions');
    const [a, b] = await Promise.all([world.engine.sale(request), world.engine.sale(request)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value.transaction.id).toBe(b.value.transaction.id);
    expect([a.value.duplicate, b.value.duplicate].sort()).toEqual([false, true]);
    expect(await count('transactions')).toBe(before + 1);
  });

  it('a terminal another transaction holds goes alone; the others do not wait for it', async () => {
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
      expect((await held).ok).toBe(true);
    } finally {
      await holder.end();
    }
  });

  it('a commit that hangs holds the next sale back a moment only', async () => {
    const [a, b, c] = poses;
    if (!a || !b || !c) throw new Error('no terminals');
    const network = world.network as CardNetwork;
    const authorize = network.authorize.bind(network);
    const asked: bigint[] = [];
    network.authorize = async (request) => {
      asked.push(request.amountFen);
      return authorize(request);
    };
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table journal_entry in share mode');
      let stuckDone = false;
      const stuck = Promise.all([a.sale(701n), b.sale(702n)]).then((r) => {
        stuckDone = true;
        return r;
      });
      // Both commits under way, waiting for the lock: a sale now waits for company, then goes.
      await until(async () => (await lockWaiters()) >= 2);
      const third = c.sale(703n);
      await until(async () => asked.includes(703n));
      expect(stuckDone).toBe(false);
      await holder.query('rollback');
      const results = [...(await stuck), await third];
      expect(results.every((r) => r.ok)).toBe(true);
    } finally {
      network.authorize = authorize;
      await holder.end();
    }
  });

  it('a sale whose work fails is left out; the rest of its group commits', async () => {
    const network = world.network as CardNetwork;
    const authorize = network.authorize.bind(network);
    const [failing, ...others] = poses.slice(0, 4);
    if (!failing) throw new Error('no terminals');
    network.authorize = async (request) => {
      if (request.amountFen === 501n) throw new Error('the network adapter broke');
      return authorize(request);
    };
    try {
      const charged = world.network.chargedFen();
      const before = await count('transactions');
      const results = await Promise.allSettled([
        failing.sale(501n),
        ...others.map((pos) => pos.sale(502n)),
      ]);
      expect(results[0]?.status).toBe('rejected');
      expect(results.slice(1).every((r) => r.status === 'fulfilled' && r.value.ok)).toBe(true);
      expect(await count('transactions')).toBe(before + others.length);
      expect(world.network.chargedFen()).toBe(charged + 502n * BigInt(others.length));
    } finally {
      network.authorize = authorize;
    }
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('a group whose commit fails records none of its sales and reverses them all', async () => {
    const group = poses.slice(0, 4);
    const charged = world.network.chargedFen();
    const before = await count('transactions');
    const entries = await count('journal_entry');
    // The next RRN collides with one in use: the group's write fails, and all of it with it.
    const results = await withRrnCollision(world.db, () =>
      Promise.allSettled(group.map((pos) => pos.sale(601n))),
    );
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
    const recorded = results.filter((r) => r.status === 'fulfilled').length;
    // Those that failed failed together: nothing of theirs is anywhere.
    expect(await count('transactions')).toBe(before + recorded);
    expect(await count('journal_entry')).toBe(entries + recorded);
    expect(world.network.chargedFen()).toBe(charged + 601n * BigInt(recorded));
    expect((await world.engine.checkLedger()).ok).toBe(true);
    const again = await Promise.all(group.map((pos) => pos.sale(602n)));
    expect(again.every((r) => r.ok)).toBe(true);
  });
});

const PAN = '6222020000000001';

/** Resolves once `condition` holds, checked every few milliseconds; fails after ten seconds. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
