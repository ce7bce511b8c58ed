// Settlement at scale: one business date of approved sales (default 1,000,000 across 1,000
// merchants and 2,000 terminals) inserted in bulk with SQL, with the journal entries the engine
// would have posted; then the cutoff and merchant settlement of that date, timed.
import { sql } from 'drizzle-orm';
import {
  businessDateOf,
  CardNetworkSimulator,
  createEngine,
  createIds,
  cutoffInstantOf,
  FakeClock,
  seededRandom,
  type BusinessDate,
  type Ids,
} from '@shoudan/core';
import { createStores, setup } from '@shoudan/db';
import { TEST_RATES, type ServerTestDatabase } from '@shoudan/db/testing';
import { createBenchDatabase, RssSampler } from './common.ts';

export type SettlementBenchOptions = {
  readonly sales: number;
  readonly merchants: number;
  readonly terminalsPerMerchant: number;
  /** Sales inserted per statement (and transaction) of the bulk load. */
  readonly chunk: number;
};

export const SETTLEMENT_DEFAULTS: SettlementBenchOptions = {
  sales: 1_000_000,
  merchants: 1_000,
  terminalsPerMerchant: 2,
  chunk: 100_000,
};

export type SettlementBenchResult = {
  readonly sales: number;
  readonly merchants: number;
  readonly insertMs: number;
  readonly cutoffMs: number;
  readonly settleMs: number;
  readonly measuredMs: number;
  readonly peakRssBytes: number;
  readonly insertedGrossFen: bigint;
  readonly settledGrossFen: bigint;
  readonly grossMatches: boolean;
  /** The ledger check after settlement (not part of the measured time). */
  readonly ledgerOk: boolean;
  readonly ledgerCheckMs: number;
};

const BUSINESS_DATE: BusinessDate = '2026-11-24';
const CUTOFF_TIME = '23:00';
/** The debit-card rate of the test plan: every bulk sale is a debit-card sale. */
const RATE = TEST_RATES.card_debit;

export async function runSettlementBench(
  options: SettlementBenchOptions,
): Promise<SettlementBenchResult> {
  const database = await createBenchDatabase(10);
  try {
    const dayStart = new Date(`${BUSINESS_DATE}T00:00:00+08:00`);
    const clock = new FakeClock(dayStart);
    const ids = createIds(clock, seededRandom(7));
    await seedMerchants(database, options, ids, clock.now());
    const loadStarted = performance.now();
    const insertedGrossFen = await bulkInsertSales(database, options, dayStart);
    const insertMs = performance.now() - loadStarted;
    const rules = { cutoffTime: CUTOFF_TIME, refundWindowDays: 30, saleSnapshotTtlMs: 0 };
    const network = new CardNetworkSimulator({ clock });
    const engine = createEngine({ stores: createStores(database.db), network, clock, ids, rules });
    clock.set(cutoffInstantOf(BUSINESS_DATE, CUTOFF_TIME));
    const rss = new RssSampler(50);
    const started = performance.now();
    const cut = await engine.cutoff({ businessDate: BUSINESS_DATE });
    const cutDone = performance.now();
    const settled = await engine.settleMerchants({ businessDate: BUSINESS_DATE });
    const done = performance.now();
    const peakRssBytes = rss.stop();
    if (!cut.ok) throw new Error(`cutoff refused: ${cut.outcome.code}`);
    if (!settled.ok) throw new Error(`settlement refused: ${settled.outcome.code}`);
    const ledger = await engine.checkLedger();
    const ledgerCheckMs = performance.now() - done;
    return {
      sales: options.sales,
      merchants: settled.value.merchants,
      insertMs,
      cutoffMs: cutDone - started,
      settleMs: done - cutDone,
      measuredMs: done - started,
      peakRssBytes,
      insertedGrossFen,
      settledGrossFen: settled.value.grossFen,
      grossMatches: settled.value.grossFen === insertedGrossFen,
      ledgerOk: ledger.ok,
      ledgerCheckMs,
    };
  } finally {
    await database.drop();
  }
}

/** A fee plan, the merchants with their debit-card service and their terminals, in bulk. */
async function seedMerchants(
  database: ServerTestDatabase,
  options: SettlementBenchOptions,
  ids: Ids,
  at: Date,
): Promise<void> {
  const planId = ids.next();
  const effectiveFrom = new Date('2020-01-01T00:00:00Z');
  await setup.createFeePlan(database.db, {
    id: planId,
    name: 'bench',
    at,
    rates: [{ id: ids.next(), service: 'card_debit', ...RATE, effectiveFrom }],
  });
  await database.db.execute(sql`
    insert into merchant (id, merchant_no, name, merchant_type, status, fee_plan_id, created_at)
    select md5('m' || m)::uuid, '898310' || lpad(m::text, 9, '0'), 'bench merchant ' || m,
      'enterprise', 'active', ${planId}, ${at.toISOString()}
    from generate_series(1, ${options.merchants}) m`);
  await database.db.execute(sql`
    insert into merchant_service (merchant_id, service, status, changed_at)
    select md5('m' || m)::uuid, 'card_debit', 'active', ${at.toISOString()}
    from generate_series(1, ${options.merchants}) m`);
  await database.db.execute(sql`
    insert into terminal (terminal_id, merchant_id, serial_no, status, current_batch_no,
      signed_in_at, created_at)
    select lpad(t::text, 8, '0'), md5('m' || (1 + (t - 1) % ${options.merchants}))::uuid,
      'SN' || t, 'active', 1, ${at.toISOString()}, ${at.toISOString()}
    from generate_series(1, ${options.merchants * options.terminalsPerMerchant}) t`);
}

/**
 * Inserts the sales in chunks, one statement each: the transactions and their journal entries
 * with the lines saleLines() makes (debit-card sales at the plan rate, rounded half-up and capped,
 * as feeFen() does). Returns the gross inserted.
 */
async function bulkInsertSales(
  database: ServerTestDatabase,
  options: SettlementBenchOptions,
  dayStart: Date,
): Promise<bigint> {
  if (businessDateOf(dayStart, CUTOFF_TIME) !== BUSINESS_DATE) throw new Error('bad day start');
  for (let from = 1; from <= options.sales; from += options.chunk) {
    const to = Math.min(options.sales, from + options.chunk - 1);
    await database.db.execute(insertChunk(options, dayStart, from, to));
    const tty = process.stdout.isTTY;
    process.stdout.write(`  inserted ${to} sales${tty ? '\r' : '\n'}`);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  const result = await database.db.execute(
    sql`select coalesce(sum(amount_fen), 0)::text as gross from transactions`,
  );
  const [row] = (result as unknown as { rows: { gross: string }[] }).rows;
  return BigInt(row?.gross ?? '0');
}

/** Sale `i` is on terminal `1 + (i - 1) % terminals`, of merchant `1 + terminal % merchants`. */
function insertChunk(options: SettlementBenchOptions, dayStart: Date, from: number, to: number) {
  const terminals = options.merchants * options.terminalsPerMerchant;
  const dayMs = cutoffInstantOf(BUSINESS_DATE, CUTOFF_TIME).getTime() - dayStart.getTime() - 1;
  return sql`
    with s as (
      select i, md5('t' || i)::uuid as id, md5('e' || i)::uuid as entry_id,
        md5('m' || (1 + (i - 1) % ${terminals} % ${options.merchants}))::uuid as merchant_id,
        lpad((1 + (i - 1) % ${terminals})::text, 8, '0') as terminal_id,
        1 + (i - 1) / ${terminals} as voucher_no,
        100 + (i * 104729) % 500000 as amount,
        ${dayStart.toISOString()}::timestamptz + ((i * 7919) % ${dayMs}) * interval '1 ms' as at
      from generate_series(${from}::bigint, ${to}::bigint) i
    ), f as (
      select s.*, least((amount * ${RATE.rateBps} + 5000) / 10000, ${RATE.capFen}) as fee from s
    ), t as (
      insert into transactions (id, merchant_id, terminal_id, batch_no, voucher_no, kind, status,
        amount_fen, fee_fen, fee_rate_bps, service, payment_method, pan_masked, card_org,
        auth_code, business_date, request_hash, created_at)
      select id, merchant_id, terminal_id, 1, voucher_no, 'sale', 'approved', amount, fee,
        ${RATE.rateBps}, 'card_debit', 'card', '622202******0001', 'CUP', '000000',
        ${BUSINESS_DATE}, md5('h' || i), at
      from f
    )
    insert into journal_entry (id, kind, merchant_id, transaction_id, business_date, created_at,
      line_accounts, line_merchant_ids, line_amounts_fen)
    select entry_id, 'sale', merchant_id, id, ${BUSINESS_DATE}, at,
      case when fee = 0 then array['network_receivable', 'merchant_pending']
        else array['network_receivable', 'merchant_pending', 'fee_income'] end,
      case when fee = 0 then array[merchant_id, merchant_id]
        else array[merchant_id, merchant_id, null] end,
      case when fee = 0 then array[amount, -amount]
        else array[amount, -(amount - fee), -fee] end
    from f`;
}
