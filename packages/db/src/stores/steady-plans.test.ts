// Goal: what a payment reads under its locks costs the same whatever the terminal's or the
// merchant's history: the duplicate check and the refund's original each go straight to their row.
// Method: the opening functions run often enough on one connection to keep their generic plans,
// then EXPLAIN (ANALYZE, BUFFERS) counts the pages each call reads, for a terminal with hundreds of
// transactions and for one with none (the old terminal-and-time index read 12 pages more at 400).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../drivers/open.ts';
import { createWorld, openTestDatabase, TestPos, type World } from '../testing/index.ts';
import { rowsOf } from './rows.ts';

const HISTORY = 400;
/** More calls than the plan cache makes custom plans for before it settles on a generic one. */
const CALLS = 8;

let world: World;
let busy: TestPos;
let quiet: TestPos;
let busyRrn: string;
let quietRrn: string;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase(), { merchants: 2 });
  const [first, second] = world.merchants;
  busy = new TestPos(world.engine, first?.terminalIds[0] ?? '');
  quiet = new TestPos(world.engine, second?.terminalIds[0] ?? '');
  const rrnOf = async (pos: TestPos) => {
    const sale = await pos.sale(1_000n);
    if (!sale.ok) throw new Error(sale.outcome.code);
    return sale.value.transaction.rrn;
  };
  busyRrn = await rrnOf(busy);
  for (let i = 1; i < HISTORY; i++) await rrnOf(busy);
  quietRrn = await rrnOf(quiet);
}, 120_000);
afterAll(async () => world.database.close());

/** Pages read by the last of CALLS calls of `call(pos)`, in a transaction rolled back after. */
async function pagesRead(call: (pos: TestPos) => SQL, pos: TestPos): Promise<number> {
  let pages = Number.NaN;
  await world.db
    .transaction(async (tx) => {
      const db = tx as unknown as Db;
      for (let i = 1; i < CALLS; i++) await db.execute(sql`select ${call(pos)}`);
      const plan = rowsOf(
        await db.execute(sql`explain (analyze, buffers, format json) select ${call(pos)}`),
      );
      const text = JSON.stringify(plan[0]?.['QUERY PLAN']);
      const parsed = JSON.parse(text.startsWith('"') ? (JSON.parse(text) as string) : text) as {
        Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
      }[];
      const top = parsed[0]?.Plan;
      pages = (top?.['Shared Hit Blocks'] ?? Number.NaN) + (top?.['Shared Read Blocks'] ?? 0);
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!String(error).includes('Rollback')) throw error;
    });
  return pages;
}

const nextKey = (pos: TestPos) => sql`${pos.terminalId}, ${pos.batchNo}, ${pos.voucherNo + 1}`;

describe('steady plans', () => {
  it("a sale's duplicate check reads as much with a terminal's history as without", async () => {
    const openSale = (pos: TestPos) =>
      sql`open_sale(${nextKey(pos)}, '2026-11-24'::date, 'card_debit',
        '2026-11-24T02:00:00Z'::timestamptz)`;
    const withHistory = await pagesRead(openSale, busy);
    const without = await pagesRead(openSale, quiet);
    expect(without).toBeGreaterThan(0);
    expect(withHistory - without).toBeLessThan(4);
  });

  it("a refund's original is read as fast with a merchant's history as without", async () => {
    const openRefund = (rrn: string) => (pos: TestPos) =>
      sql`open_refund(${nextKey(pos)}, ${rrn}, '2026-11-24'::date)`;
    const withHistory = await pagesRead(openRefund(busyRrn), busy);
    const without = await pagesRead(openRefund(quietRrn), quiet);
    expect(without).toBeGreaterThan(0);
    expect(withHistory - without).toBeLessThan(4);
  });
});
