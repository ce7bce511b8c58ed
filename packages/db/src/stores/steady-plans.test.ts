// Goal: what a payment reads under its locks costs the same however much history the terminal,
// the merchant and the ledger hold: the duplicate check, a refund's original and a void's lines
// each go straight to their rows, and so do an expected sale's and void's facts; so do a
// merchant's balance and sign-in's last voucher, and the business date's lock key is computed in
// line.
// Method: on one connection the opening functions run while the tables are nearly empty, often
// enough to keep generic plans (made then, as on a new server); after hundreds of sales more,
// EXPLAIN (ANALYZE, BUFFERS) on that connection counts the pages the same calls read. (Before
// migrations 0008 and 0009 the three read 30, 31 and 65 pages more after 1,000 sales; now 1, 2
// and 4, the B-trees' new levels.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { createWorld, openTestDatabase, TestPos, type World } from '../testing/index.ts';
import type { ExpectedSale, TransactionRecord } from '@shoudan/core';
import { balancesQuery } from './ledger-store.ts';
import { inline } from './pooled-transaction.ts';
import { openingOf, recordExpectedSalesQuery, recordExpectedVoidsQuery } from './payments-tx.ts';
import { rowsOf } from './rows.ts';
import { lastVoucherNoOf } from './terminals-store.ts';

const HISTORY = 1000;
/** More calls than the plan cache makes custom plans for before it settles on a generic one. */
const CALLS = 8;

type Run = (text: string) => Promise<Record<string, unknown>[]>;

let world: World;
let pos: TestPos;
let probe: { run: Run; end(): Promise<void> };
let sale: TransactionRecord;

beforeAll(async () => {
  const database = await openTestDatabase();
  world = await createWorld(database, { merchants: 2 });
  // One connection whose plans outlive the growth of the tables.
  if ('url' in database && typeof database.url === 'string') {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    probe = { run: async (text) => (await client.query(text)).rows, end: () => client.end() };
  } else {
    probe = {
      run: async (text) => rowsOf(await world.db.execute(sql.raw(text))),
      end: async () => {},
    };
  }
  pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
  const first = await pos.sale(1_000n);
  if (!first.ok) throw new Error(first.outcome.code);
  sale = first.value.transaction;
});
afterAll(async () => {
  await probe.end();
  await world.database.close();
});

type Call = (i: number) => string;

type Kind = 'sale' | 'refund' | 'void' | 'expectedSale' | 'expectedVoid';

/**
 * The opening calls of a payment of `pos` after its last request, one per kind, and the calls
 * that check an expected sale's and an expected void's facts, written so that each finds a fact
 * changed and writes nothing: the sale is `pos`'s last request (its key used), the void expects
 * the first sale voided.
 */
async function openings(): Promise<Record<Kind, Call>> {
  const key = `'${pos.terminalId}', ${pos.batchNo}, ${pos.voucherNo + 1}`;
  const openSale = `open_sale(${key}, '2026-11-24', 'card_debit', '2026-11-24T02:00:00Z')`;
  const expected = await lastSaleExpected(openSale);
  const expectedVoid = {
    ctx: expected.ctx,
    original: { ...sale, status: 'voided' as const },
    record: { ...sale, kind: 'void' as const, voucherNo: pos.voucherNo + 1 },
    entry: null,
  };
  const call = (query: SQL) =>
    inline(query)
      .replace(/^select /, '')
      .replace(/ as answers$/, '');
  return {
    sale: () => openSale,
    refund: () => `open_refund(${key}, '${sale.rrn}', '2026-11-24')`,
    void: () => `open_void(${key}, ${sale.batchNo}, ${sale.voucherNo})`,
    expectedSale: () => call(recordExpectedSalesQuery([expected])),
    expectedVoid: () => call(recordExpectedVoidsQuery([expectedVoid])),
  };
}

/** `pos`'s last request as an expected sale on the facts `openSale` reads (rolled back). */
async function lastSaleExpected(openSale: string): Promise<ExpectedSale> {
  await probe.run('begin');
  let opened: ReturnType<typeof openingOf>;
  try {
    opened = openingOf((await probe.run(`select ${openSale} as opening`))[0]?.['opening']);
  } finally {
    await probe.run('rollback');
  }
  if (!opened?.rate) throw new Error('no opening to sell on');
  const record = { ...sale, voucherNo: pos.voucherNo };
  return { service: 'card_debit', ctx: opened.ctx, rate: opened.rate, record, entry: null };
}

/** Pages an EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) says its statement read. */
function pagesOf(value: unknown): number {
  const plan = (typeof value === 'string' ? JSON.parse(value) : value) as {
    Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
  }[];
  const top = plan[0]?.Plan;
  return (top?.['Shared Hit Blocks'] ?? Number.NaN) + (top?.['Shared Read Blocks'] ?? 0);
}

/** Pages read by `query`, run once. */
async function pagesReadBy(query: SQL): Promise<number> {
  const explained = sql`explain (analyze, buffers, format json) ${query}`;
  const [row] = rowsOf(await world.db.execute(explained));
  return pagesOf(row?.['QUERY PLAN']);
}

/** Pages read by the last of CALLS calls of `call`, in a transaction rolled back after. */
async function pagesRead(call: Call): Promise<number> {
  await probe.run('begin');
  try {
    for (let i = 1; i < CALLS; i++) await probe.run(`select ${call(i)}`);
    const [row] = await probe.run(`explain (analyze, buffers, format json) select ${call(0)}`);
    return pagesOf(row?.['QUERY PLAN']);
  } finally {
    await probe.run('rollback');
  }
}

describe('steady plans', () => {
  it('every payment reads as much after 1,000 sales: opened, or expected', async () => {
    const before: Record<string, number> = {};
    for (const [kind, call] of Object.entries(await openings())) {
      before[kind] = await pagesRead(call);
    }
    for (let i = 0; i < HISTORY; i++) {
      const result = await pos.sale(1_000n);
      if (!result.ok) throw new Error(result.outcome.code);
    }
    const growth: Record<string, number> = {};
    for (const [kind, call] of Object.entries(await openings())) {
      const after = await pagesRead(call);
      expect(after).toBeGreaterThan(0);
      growth[kind] = after - (before[kind] ?? Number.NaN);
    }
    // The B-trees may grow a level meanwhile: a page each, never the history.
    expect(Object.entries(growth).filter(([, pages]) => !(pages < 8))).toEqual([]);
  });

  it("the business date's lock key is worked out in line, the keys as before", async () => {
    await probe.run('begin');
    try {
      await probe.run('set local plan_cache_mode = force_generic_plan');
      await probe.run('prepare lock_key(date) as select business_date_lock_key($1) as key');
      const plan = await probe.run(`explain (verbose, format json) execute lock_key('2026-11-24')`);
      // Not a call (planned anew each time): its body, in the statement's own plan.
      expect(JSON.stringify(plan)).not.toContain('business_date_lock_key');
      const [row] = await probe.run(`execute lock_key('2026-11-24')`);
      expect(String(row?.['key'])).toBe(String(0x534400000000n + 20261124n));
    } finally {
      await probe.run('rollback');
      await probe.run('deallocate lock_key');
    }
  });

  it("a merchant's balance reads its own lines, not the whole ledger's", async () => {
    const quiet = new TestPos(world.engine, world.merchants[1]?.terminalIds[0] ?? '');
    const merchantId = world.merchants[1]?.id ?? '';
    if (!(await quiet.sale(500n)).ok) throw new Error('the quiet merchant sells');
    const pages = () => pagesReadBy(balancesQuery(merchantId));
    const before = await pages();
    for (let i = 0; i < HISTORY; i++) {
      if (!(await pos.sale(1_000n)).ok) throw new Error('the busy merchant sells');
    }
    // Its own entries' pages, the same after (the lines' index once led by the account: 5 more).
    expect((await pages()) - before).toBeLessThan(3);
    expect((await world.engine.merchantBalance(merchantId)).pendingFen).toBeGreaterThan(0n);
  });

  it("sign-in's last voucher reads the terminal's newest batch, not its history", async () => {
    const quiet = new TestPos(world.engine, world.merchants[1]?.terminalIds[0] ?? '');
    quiet.voucherNo = 50;
    if (!(await quiet.sale(600n)).ok) throw new Error('the quiet terminal sells');
    // The busy terminal: hundreds of sales in its first batch, settled; one in the next.
    const settled = await pos.settle();
    if (!settled.ok || !(await pos.sale(700n)).ok) throw new Error('the busy terminal goes on');
    const pages = (terminalId: string) =>
      pagesReadBy(sql`select ${lastVoucherNoOf(sql`${terminalId}`)}`);
    expect((await pages(pos.terminalId)) - (await pages(quiet.terminalId))).toBeLessThan(4);
  });
});
