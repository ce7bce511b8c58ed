// Goal: racing voids, refunds, duplicates, sales and cutoffs keep their promises. Method: PG pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  createEngine,
  cutoffInstantOf,
  FakeClock,
  seededRandom,
  TEST_CARDS,
  type BusinessDate,
  type Engine,
  type EngineStores,
  type PaymentResult,
  type Random,
  type SaleInput,
  type TransactionRecord,
} from '@shoudan/core';
import { createStores } from '@shoudan/db';
import {
  createServerTestDatabase,
  createWorld,
  testServerUrl,
  TestPos,
  type ServerTestDatabase,
  type World,
} from '@shoudan/db/testing';
import { sql } from 'drizzle-orm';

const SERVER_URL = testServerUrl();
const IN_CI = process.env['CI'] === 'true';
/** Real connections in the pool: more than the requests in flight in any round. */
const POOL_SIZE = 16;
/** Simulated card-network latency: transactions hold their locks long enough to overlap. */
const NETWORK_LATENCY_MS = 3;

// In CI the races must run: without a server this file fails instead of skipping.
if (!SERVER_URL && IN_CI) {
  describe('races on PostgreSQL (CI=true)', () => {
    it('needs TEST_DATABASE_URL: CI must run the race tests on a PostgreSQL server', () => {
      expect.fail('TEST_DATABASE_URL is not set; CI requires PostgreSQL for the race tests');
    });
  });
}

const SUITE = SERVER_URL
  ? 'races on PostgreSQL'
  : 'races on PostgreSQL (skipped: set TEST_DATABASE_URL to run them)';

describe.skipIf(!SERVER_URL)(SUITE, () => {
  let database: ServerTestDatabase;
  let world: World;
  let stores: EngineStores;
  let poses: TestPos[];
  let date: BusinessDate = '2026-11-30';
  const random = seededRandom(20261124);

  beforeAll(async () => {
    database = await createServerTestDatabase(SERVER_URL ?? '', POOL_SIZE);
    world = await createWorld(database, {
      merchants: 4,
      terminalsPerMerchant: 2,
      networkLatencyMs: NETWORK_LATENCY_MS,
    });
    stores = createStores(world.db);
    poses = world.merchants.flatMap((m) => m.terminalIds.map((t) => new TestPos(world.engine, t)));
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** Moves to the next business date, 10:00 Shanghai. */
  function nextDate(): BusinessDate {
    date = addDays(date, 1);
    world.clock.set(`${date}T02:00:00Z`);
    return date;
  }

  async function expectLedgerOk(): Promise<void> {
    const report = await world.engine.checkLedger();
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
  }

  it('(a) a void racing the cutoff is approved before it commits or refused after', async () => {
    const tally = { approved: 0, refused: 0 };
    for (let round = 0; round < 30; round++) {
      const r = await voidsRacingCutoff({ world, stores, poses, random, date: nextDate() });
      tally.approved += r.approved;
      tally.refused += r.refused;
    }
    // The race is real: over the rounds, voids landed on both sides of the cutoff.
    expect(tally.approved).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
    expect(await connectionsOpened(world)).toBeGreaterThanOrEqual(8);
    await expectLedgerOk();
  });

  it('(b) two voids of one sale at once: one approved, the other already_voided', async () => {
    nextDate();
    for (let round = 0; round < 30; round++) {
      await Promise.all(poses.map((pos) => doubleVoid(world, pos)));
    }
    await expectLedgerOk();
  });

  it('(c) a duplicate racing its original: one row, one entry, the same answer', async () => {
    nextDate();
    for (let round = 0; round < 30; round++) {
      // Every fourth round the card is declined: the duplicates must get the same decline.
      const pan = round % 4 === 3 ? TEST_CARDS.declined : TEST_CARDS.debit;
      await Promise.all(poses.map((pos) => duplicateBurst(world, pos, pan, 5)));
    }
    await expectLedgerOk();
  });

  it('(g) a duplicate racing its original through other nodes: one row, one hold', async () => {
    nextDate();
    const { network, clock, ids, rules } = world;
    const nodeOf = () =>
      createEngine({ stores: createStores(world.db), network, clock, ids, rules });
    const nodes = [world.engine, nodeOf(), nodeOf()];
    // Every node sells once on every terminal: each then holds the terminals' snapshots, and
    // the duplicates below ask the network before any node has recorded them.
    for (const node of nodes) {
      await Promise.all(poses.map((pos) => approved(node.sale(saleOf(pos)))));
    }
    for (let round = 0; round < 30; round++) {
      const pan = round % 4 === 3 ? TEST_CARDS.declined : TEST_CARDS.debit;
      const charged = world.network.chargedFen();
      await Promise.all(poses.map((pos) => duplicateBurst(world, pos, pan, 6, nodes)));
      const sold = pan === TEST_CARDS.debit ? 4_400n * BigInt(poses.length) : 0n;
      expect(world.network.chargedFen() - charged).toBe(sold);
    }
    await expectLedgerOk();
  });

  it('(d) partial refunds of one settled sale from two terminals never exceed it', async () => {
    let refused = 0;
    for (let round = 0; round < 25; round++) {
      const saleDate = nextDate();
      const pairs = world.merchants.map((m) => twoTerminals(poses, m.terminalIds));
      const originals = await Promise.all(
        pairs.map((pair, i) => approved(pair[0].sale(10_000n + BigInt(i)))),
      );
      await cutOffAndSettle(world, saleDate);
      nextDate();
      const races = pairs.map((pair, i) => refundRace(world, pair, originals[i]));
      refused += (await Promise.all(races)).reduce((a, n) => a + n, 0);
    }
    expect(refused).toBeGreaterThan(0);
    await expectLedgerOk();
  });

  it('(e) sales racing the cutoff land on its date before it commits, else the next', async () => {
    const cutClock = new FakeClock(world.clock.now());
    const { network, ids, rules } = world;
    const cutEngine = createEngine({ stores, network, clock: cutClock, ids, rules });
    const expected = new Map<BusinessDate, { count: number; fen: bigint }>();
    const landed = { onDate: 0, onNext: 0 };
    for (let round = 0; round < 30; round++) {
      const d = nextDate();
      const instant = cutoffInstantOf(d, world.rules.cutoffTime);
      // The terminals' clock is a little behind the cutoff job's: their sales still name `d`.
      world.clock.set(new Date(instant.getTime() - 50));
      cutClock.set(instant);
      const r = await salesRacingCutoff({ world, cutEngine, poses, random, date: d, expected });
      landed.onDate += r.onDate;
      landed.onNext += r.onNext;
    }
    expect(landed.onDate).toBeGreaterThan(0);
    expect(landed.onNext).toBeGreaterThan(0);
    await expectLedgerOk();
  });

  it('(f) two dates settled at once take a carried debt once', async () => {
    const firstPos = world.merchants.map((m) => posOf(poses, m.terminalIds[0]));
    for (let round = 0; round < 5; round++) {
      // A debt of ¥100 per merchant: a sale settled, then refunded on a day without sales.
      const saleDate = nextDate();
      const originals = await Promise.all(firstPos.map((pos) => approved(pos.sale(10_000n))));
      await cutOffAndSettle(world, saleDate);
      const refundDate = nextDate();
      await Promise.all(
        firstPos.map((pos, i) => approved(pos.refund(rrnOf(originals, i), 10_000n))),
      );
      await cutOffAndSettle(world, refundDate);
      // Two dates whose sales cover the debt, cut off, then settled at the same time.
      const dates = [nextDate(), nextDate()];
      for (const d of dates) {
        world.clock.set(`${d}T02:00:00Z`);
        await Promise.all(firstPos.map((pos) => approved(pos.sale(20_000n))));
        world.clock.set(cutoffInstantOf(d, world.rules.cutoffTime));
        expect((await world.engine.cutoff({ businessDate: d })).ok).toBe(true);
      }
      const settled = await Promise.all(
        dates.map((d) => world.engine.settleMerchants({ businessDate: d })),
      );
      expect(settled.every((r) => r.ok)).toBe(true);
      for (const m of world.merchants) {
        const taken = await Promise.all(
          dates.map(async (d) => (await stores.settlement.settlements(d, m.id))[0]?.carriedInFen),
        );
        // The debt went into exactly one of the two settlements.
        expect(taken.reduce((a, c) => (a ?? 0n) + (c ?? 0n), 0n)).toBe(-10_000n);
      }
    }
    await expectLedgerOk();
  });
});

function rrnOf(records: readonly TransactionRecord[], i: number): string {
  const record = records[i];
  if (!record) throw new Error(`no record ${i}`);
  return record.rrn;
}

type RaceContext = {
  readonly world: World;
  readonly stores: EngineStores;
  readonly poses: readonly TestPos[];
  readonly random: Random;
  readonly date: BusinessDate;
};

type Sold = { readonly pos: TestPos; readonly record: TransactionRecord };

/**
 * One round of (a): two sales per terminal, then the cutoff and voids of all but one sale at
 * once, each started after a small seeded delay; then a void of the sale kept aside.
 */
async function voidsRacingCutoff(ctx: RaceContext) {
  const { world, stores, date } = ctx;
  const perTerminal = ctx.poses.map(async (pos) => [
    await sell(pos, 1_000n),
    await sell(pos, 2_000n),
  ]);
  const sold = (await Promise.all(perTerminal)).flat();
  const [kept, ...racing] = sold;
  if (!kept) throw new Error('no sales');
  world.clock.set(cutoffInstantOf(date, world.rules.cutoffTime));
  let cutoffDoneAt = Number.POSITIVE_INFINITY;
  const cut = (async () => {
    await sleep(ctx.random.int(2, 25));
    const result = await world.engine.cutoff({ businessDate: date });
    cutoffDoneAt = performance.now();
    return result;
  })();
  const voids = racing.map(async (s) => {
    await sleep(ctx.random.int(0, 12));
    const startedAt = performance.now();
    const result = await s.pos.voidSale(s.record, s.record.amountFen);
    return { sold: s, result, startedAt };
  });
  const [cutResult, ...voided] = await Promise.all([cut, ...voids]);
  expect(cutResult.ok && !cutResult.value.already).toBe(true);
  const stillSold = [kept];
  for (const v of voided) {
    if (v.result.ok) {
      expect(v.result.value.duplicate).toBe(false);
      // Started after the cutoff had committed: it must have been refused.
      expect(v.startedAt).toBeLessThan(cutoffDoneAt);
      continue;
    }
    expect(v.result.outcome).toEqual({ code: 'void_window_closed', detail: { reason: 'cut_off' } });
    stillSold.push(v.sold);
  }
  const late = await kept.pos.voidSale(kept.record, kept.record.amountFen);
  expect(!late.ok && late.outcome.code).toBe('void_window_closed');
  const summaryFen = cutResult.ok ? cutResult.value.summary.approvedSalesFen : -1n;
  await expectSettlementOf(ctx, stillSold, summaryFen);
  return { approved: voided.filter((v) => v.result.ok).length, refused: stillSold.length - 1 };
}

/** Settles `ctx.date` and checks each merchant was settled for exactly `stillSold`. */
async function expectSettlementOf(
  ctx: RaceContext,
  stillSold: readonly Sold[],
  summaryFen: bigint,
): Promise<void> {
  const settled = await ctx.world.engine.settleMerchants({ businessDate: ctx.date });
  expect(settled.ok).toBe(true);
  const want = new Map<string, { count: number; fen: bigint }>();
  for (const s of stillSold) {
    const w = want.get(s.record.merchantId) ?? { count: 0, fen: 0n };
    want.set(s.record.merchantId, { count: w.count + 1, fen: w.fen + s.record.amountFen });
  }
  const got = new Map(
    (await ctx.stores.settlement.settlements(ctx.date)).map((s) => [
      s.merchantId,
      { count: s.saleCount, fen: s.grossFen },
    ]),
  );
  expect(got).toEqual(want);
  // The cutoff's own summary, read right after it committed, never changes afterwards.
  expect(summaryFen).toBe(stillSold.reduce((a, s) => a + s.record.amountFen, 0n));
}

/** (b): a sale, then two voids of it with different voucher numbers at once. */
async function doubleVoid(world: World, pos: TestPos): Promise<void> {
  const sale = await approved(pos.sale(3_300n));
  const answers = await Promise.all([pos.voidSale(sale, 3_300n), pos.voidSale(sale, 3_300n)]);
  const ok = answers.filter((a) => a.ok);
  const refused = answers.flatMap((a) => (a.ok ? [] : [a.outcome.code]));
  expect(ok).toHaveLength(1);
  expect(refused).toEqual(['already_voided']);
  const counts = await countRows(
    world,
    sql`select
      (select count(*) from transactions where original_id = ${sale.id} and kind = 'void'
        and status = 'approved') as approved_voids,
      (select count(*) from journal_entry e join transactions t on t.id = e.transaction_id
        where t.original_id = ${sale.id} and e.kind = 'void') as void_entries,
      (select count(*) from transactions where id = ${sale.id} and status = 'voided') as voided`,
  );
  expect(counts).toEqual({ approved_voids: 1, void_entries: 1, voided: 1 });
}

/** (c), (g): one request key sent `k` times at once, through `nodes` in turn. */
async function duplicateBurst(
  world: World,
  pos: TestPos,
  pan: string,
  k: number,
  nodes: readonly Engine[] = [world.engine],
): Promise<void> {
  const key = pos.next();
  const input = { ...key, amountFen: 4_400n, method: 'card' as const, card: { pan } };
  const sent = Array.from({ length: k }, (_, i) => nodes[i % nodes.length] ?? world.engine);
  const answers = await Promise.all(sent.map((node) => node.sale(input)));
  const first = answers[0];
  if (!first) throw new Error('no answers');
  if (first.ok) {
    const rrn = first.value.transaction.rrn;
    expect(answers.every((a) => a.ok && a.value.transaction.rrn === rrn)).toBe(true);
    expect(answers.filter((a) => a.ok && !a.value.duplicate)).toHaveLength(1);
  } else {
    expect(answers.every((a) => !a.ok && a.outcome.code === first.outcome.code)).toBe(true);
  }
  const counts = await countRows(
    world,
    sql`select count(distinct t.id) as rows, count(e.id) as entries
      from transactions t left join journal_entry e on e.transaction_id = t.id
      where t.terminal_id = ${key.terminalId} and t.batch_no = ${key.batchNo}
        and t.voucher_no = ${key.voucherNo}`,
  );
  expect(counts).toEqual({ rows: 1, entries: first.ok ? 1 : 0 });
}

/** (d): refunds of one settled sale from two terminals at once; returns how many were refused. */
async function refundRace(
  world: World,
  terminals: readonly [TestPos, TestPos],
  original: TransactionRecord | undefined,
): Promise<number> {
  if (!original) throw new Error('no original');
  const amounts = [3_000n, 4_000n, 2_500n, 3_500n];
  const answers = await Promise.all(
    amounts.map((fen, i) => (i % 2 === 0 ? terminals[0] : terminals[1]).refund(original.rrn, fen)),
  );
  let refundedFen = 0n;
  for (const [i, a] of answers.entries()) if (a.ok) refundedFen += amounts[i] ?? 0n;
  expect(refundedFen).toBeLessThanOrEqual(original.amountFen);
  const refused = answers.flatMap((a, i) =>
    a.ok ? [] : [{ code: a.outcome.code, fen: amounts[i] }],
  );
  for (const r of refused) {
    expect(r.code).toBe('refund_exceeds_original');
    // Refused only because it did not fit in what was left.
    expect(refundedFen + (r.fen ?? 0n)).toBeGreaterThan(original.amountFen);
  }
  const row = await storesOf(world).payments.findByRrn(original.rrn);
  expect(row?.refundedFen).toBe(refundedFen);
  return refused.length;
}

type SalesRaceContext = {
  readonly world: World;
  readonly cutEngine: Engine;
  readonly poses: readonly TestPos[];
  readonly random: Random;
  readonly date: BusinessDate;
  /** Approved sales per business date, from the answers the terminals got, over all rounds. */
  readonly expected: Map<BusinessDate, { count: number; fen: bigint }>;
};

/** One round of (e): every terminal sells three times while the cutoff runs. */
async function salesRacingCutoff(ctx: SalesRaceContext) {
  const { date, expected } = ctx;
  const next = addDays(date, 1);
  let cutoffDoneAt = Number.POSITIVE_INFINITY;
  const cut = (async () => {
    await sleep(ctx.random.int(5, 25));
    const result = await ctx.cutEngine.cutoff({ businessDate: date });
    cutoffDoneAt = performance.now();
    return result;
  })();
  const sales = ctx.poses.map(async (pos) => {
    const done: { record: TransactionRecord; startedAt: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await sleep(ctx.random.int(0, 5));
      const startedAt = performance.now();
      done.push({ record: await approved(pos.sale(500n + BigInt(i))), startedAt });
    }
    return done;
  });
  const [cutResult, ...sold] = await Promise.all([cut, ...sales]);
  expect(cutResult.ok && !cutResult.value.already).toBe(true);
  const counts = { onDate: 0, onNext: 0 };
  for (const { record, startedAt } of sold.flat()) {
    expect([date, next]).toContain(record.businessDate);
    if (startedAt > cutoffDoneAt) expect(record.businessDate).toBe(next);
    if (record.businessDate === date) counts.onDate++;
    else counts.onNext++;
    const e = expected.get(record.businessDate) ?? { count: 0, fen: 0n };
    expected.set(record.businessDate, { count: e.count + 1, fen: e.fen + record.amountFen });
  }
  const want = expected.get(date) ?? { count: 0, fen: 0n };
  // Nothing joined the date after the cutoff committed and read its summary.
  expect(cutResult.ok && cutResult.value.summary.approvedSalesFen).toBe(want.fen);
  const settled = await ctx.cutEngine.settleMerchants({ businessDate: date });
  expect(settled.ok && settled.value.grossFen).toBe(want.fen);
  const rows = await storesOf(ctx.world).settlement.settlements(date);
  expect(rows.reduce((a, s) => a + s.saleCount, 0)).toBe(want.count);
  return counts;
}

async function cutOffAndSettle(world: World, d: BusinessDate): Promise<void> {
  world.clock.set(cutoffInstantOf(d, world.rules.cutoffTime));
  const cut = await world.engine.cutoff({ businessDate: d });
  expect(cut.ok).toBe(true);
  const settled = await world.engine.settleMerchants({ businessDate: d });
  expect(settled.ok).toBe(true);
}

function twoTerminals(poses: readonly TestPos[], ids: readonly string[]): [TestPos, TestPos] {
  return [posOf(poses, ids[0]), posOf(poses, ids[1])];
}

async function sell(pos: TestPos, amountFen: bigint): Promise<Sold> {
  return { pos, record: await approved(pos.sale(amountFen)) };
}

function saleOf(pos: TestPos): SaleInput {
  return { ...pos.next(), amountFen: 1_000n, method: 'card', card: { pan: TEST_CARDS.debit } };
}

async function approved(answer: Promise<PaymentResult>): Promise<TransactionRecord> {
  const result = await answer;
  if (!result.ok) throw new Error(`expected an approval, got ${result.outcome.code}`);
  return result.value.transaction;
}

function posOf(poses: readonly TestPos[], terminalId: string | undefined): TestPos {
  const pos = poses.find((p) => p.terminalId === terminalId);
  if (!pos) throw new Error(`no POS for terminal ${terminalId}`);
  return pos;
}

function storesOf(world: World): EngineStores {
  return createStores(world.db);
}

async function countRows(world: World, query: ReturnType<typeof sql>) {
  const result = (await world.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  const [row] = result.rows;
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** Connections the pool holds open on the test database: the requests really overlapped. */
async function connectionsOpened(world: World): Promise<number> {
  const row = await countRows(
    world,
    sql`select count(*) as n from pg_stat_activity where datname = current_database()`,
  );
  return row['n'] ?? 0;
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
