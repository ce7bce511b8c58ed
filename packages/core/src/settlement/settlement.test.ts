// Cutoff and merchant settlement: the cutoff's timing and idempotence, T+1 and D0 figures, a
// negative net carried forward, re-runs, and a statement CSV that adds up line by line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { openTestDatabase, createWorld, TestPos, type World } from '@shoudan/db/testing';
import { setup } from '@shoudan/db';
import { parseYuan } from '../shared/money.ts';
import { TEST_CARDS } from '../payments/card-network-simulator.ts';

let world: World;
let t1: TestPos;
let d0: TestPos;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase(), { merchants: 2 });
  t1 = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
  const second = world.merchants[1];
  if (!second) throw new Error('second merchant missing');
  await setup.setServiceStatus(world.db, {
    merchantId: second.id,
    service: 'd0_settlement',
    status: 'active',
    at: world.clock.now(),
  });
  d0 = new TestPos(world.engine, second.terminalIds[0] ?? '');
});
afterAll(async () => world.database.close());

describe('cutoff', () => {
  it('refuses before the cutoff time, then closes the date once', async () => {
    await t1.sale(10_000n);
    await t1.sale(20_000n);
    await t1.sale(5_000n, TEST_CARDS.credit);
    const early = await world.engine.cutoff({ businessDate: '2026-11-24' });
    expect(!early.ok && early.outcome).toEqual({
      code: 'cutoff_too_early',
      detail: { dueAt: '2026-11-24T15:00:00.000Z' },
    });
    const notYet = await world.engine.settleMerchants({ businessDate: '2026-11-24' });
    expect(!notYet.ok && notYet.outcome.code).toBe('business_date_not_cut_off');
    world.clock.set('2026-11-24T15:00:05Z');
    const done = await world.engine.cutoffDue();
    expect(done.map((c) => c.businessDate)).toEqual(['2026-11-24']);
    expect(done[0]?.summary).toEqual({ approvedCount: 3, approvedSalesFen: 35_000n });
    const again = await world.engine.cutoff({ businessDate: '2026-11-24' });
    expect(again.ok && again.value.already).toBe(true);
  });
});

describe('merchant settlement', () => {
  it('T+1: gross, fees, net payable the next day; re-running changes nothing', async () => {
    const result = await world.engine.settleMerchants({ businessDate: '2026-11-24' });
    expect(result.ok && result.value.merchants).toBe(1);
    const [s] = await world.stores.settlement.settlements('2026-11-24', world.merchant.id);
    expect(s).toMatchObject({
      saleCount: 3,
      grossFen: 35_000n,
      feeFen: 50n + 100n + 30n,
      refundFen: 0n,
      d0FeeFen: 0n,
      netFen: 35_000n - 180n,
      payoutFen: 35_000n - 180n,
      settlementMode: 't1',
      payableDate: '2026-11-25',
    });
    const again = await world.engine.settleMerchants({ businessDate: '2026-11-24' });
    expect(again.ok && again.value.already).toBe(true);
    expect(await world.engine.merchantBalance(world.merchant.id)).toEqual({
      pendingFen: 0n,
      payableFen: 0n,
    });
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('D0: paid the same day, less the D0 fee', async () => {
    const sale = await d0.sale(100_000n);
    expect(sale.ok && sale.value.transaction.businessDate).toBe('2026-11-25');
    world.clock.set('2026-11-25T15:00:00Z');
    await world.engine.cutoffDue();
    await world.engine.settleMerchants({ businessDate: '2026-11-25' });
    const [s] = await world.stores.settlement.settlements('2026-11-25', world.merchants[1]?.id);
    // Fee 0.5 % of ¥1000 = ¥5 (under the ¥20 cap); D0 fee 0.05 % of ¥995 = 49.75 → 50 fen.
    expect(s).toMatchObject({ feeFen: 500n, d0FeeFen: 50n, netFen: 99_450n, settlementMode: 'd0' });
    expect(s?.payableDate).toBe('2026-11-25');
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('refunds above the day’s sales carry a negative net to the next settlement', async () => {
    const [first] = await world.stores.settlement.statementTransactions(
      world.merchant.id,
      '2026-11-24',
    );
    if (!first) throw new Error('no sale of 2026-11-24');
    world.clock.set('2026-11-26T02:00:00Z');
    expect((await t1.refund(first.rrn, 10_000n)).ok).toBe(true);
    await t1.sale(2_000n);
    world.clock.set('2026-11-26T15:00:00Z');
    await world.engine.cutoffDue();
    await world.engine.settleMerchants({ businessDate: '2026-11-26' });
    const [s] = await world.stores.settlement.settlements('2026-11-26', world.merchant.id);
    expect(s).toMatchObject({ grossFen: 2_000n, feeFen: 10n, refundFen: 10_000n, netFen: -8_010n });
    expect(s).toMatchObject({ payoutFen: 0n, carriedOutFen: -8_010n });
    world.clock.set('2026-11-27T02:00:00Z');
    await t1.sale(50_000n);
    world.clock.set('2026-11-27T15:00:00Z');
    await world.engine.cutoffDue();
    await world.engine.settleMerchants({ businessDate: '2026-11-27' });
    const [next] = await world.stores.settlement.settlements('2026-11-27', world.merchant.id);
    expect(next).toMatchObject({ carriedInFen: -8_010n, netFen: 50_000n - 250n - 8_010n });
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('the statement CSV has a BOM, Chinese headers and lines that add up to the net', async () => {
    for (const date of ['2026-11-24', '2026-11-26', '2026-11-27']) {
      const csv = await world.engine.statementCsv(world.merchant.id, date);
      if (!csv) throw new Error(`no statement for ${date}`);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = parse(csv.slice(1), { relax_column_count: true }) as string[][];
      expect(rows[1]?.[0]).toBe('类型');
      const total = rows.find((r) => r[0] === '合计');
      const lines = rows.slice(2, rows.indexOf(total ?? []));
      const sum = lines.reduce((a, r) => a + (parseYuan(r[8] ?? '') ?? 0n), 0n);
      const [s] = await world.stores.settlement.settlements(date, world.merchant.id);
      expect(sum).toBe(s?.netFen);
      expect(parseYuan(total?.[8] ?? '')).toBe(s?.netFen);
    }
    expect(await world.engine.statementCsv(world.merchant.id, '2026-01-01')).toBeUndefined();
  });
});
