// Goal: the merchant dashboard counts the open business date's approved sales, voids and refunds,
// shows what the ledger says the merchant is owed (not to cashiers), and charts 30 business dates
// oldest first, zero-filled, the merchant's own only. Method: sales on the 24th, a cutoff and a
// settlement, then a sale, a voided sale and a refund on the 25th, made through the engine with
// TestPos on the harness world (two merchants) and its fake clock; the API through inject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@shoudan/core';
import { TestPos } from '@shoudan/db/testing';
import { type Caller, type Harness, startHarness } from './harness.ts';

let h: Harness;
let owner: Caller;
let ownerB: Caller;

function ok<T>(result: { ok: true; value: T } | { ok: false; outcome: { code: string } }): T {
  if (!result.ok) throw new Error(`expected an approval, got ${result.outcome.code}`);
  return result.value;
}

beforeAll(async () => {
  h = await startHarness();
  const [a, b] = h.world.merchants;
  if (!a || !b) throw new Error('two merchants');
  const engine = h.world.engine;
  const a1 = new TestPos(engine, a.terminalIds[0] ?? '');
  const a2 = new TestPos(engine, a.terminalIds[1] ?? '');
  const b1 = new TestPos(engine, b.terminalIds[0] ?? '');
  // 2026-11-24: ¥70 and ¥50 for A, ¥77.77 for B; then the cutoff and settlement of the 24th.
  ok(await a1.sale(7_000n));
  const toRefund = ok(await a2.sale(5_000n, TEST_CARDS.credit)).transaction;
  expect((await a2.settle()).ok).toBe(true);
  ok(await b1.sale(7_777n));
  h.world.clock.advance(14 * 3_600_000);
  expect((await engine.cutoff({ businessDate: '2026-11-24' })).ok).toBe(true);
  expect((await engine.settleMerchants({ businessDate: '2026-11-24' })).ok).toBe(true);
  // 2026-11-25: a ¥100 sale, a ¥23.45 sale voided, ¥10 refunded of the 24th's ¥50.
  ok(await a1.sale(10_000n));
  const voided = ok(await a1.sale(2_345n, TEST_CARDS.credit)).transaction;
  ok(await a1.voidSale(voided, 2_345n));
  ok(await a2.refund(toRefund.rrn, 1_000n));
  owner = await h.merchantUser({ merchantId: a.id });
  ownerB = await h.merchantUser({ merchantId: b.id });
});
afterAll(() => h.close());

describe('GET /v1/merchant/dashboard', () => {
  it("counts today's approved sales, voids and refunds; a voided sale is no sale", async () => {
    const r = await h.call('GET', '/v1/merchant/dashboard', { as: owner });
    expect(r.status).toBe(200);
    expect(r.body.businessDate).toBe('2026-11-25');
    expect(r.body.today).toEqual({
      salesCount: 1,
      salesFen: '10000',
      voidsCount: 1,
      voidsFen: '2345',
      refundsCount: 1,
      refundsFen: '1000',
      netFen: '9000',
    });
  });

  it('charts the last 30 business dates, oldest first, zero-filled', async () => {
    const { days } = (await h.call('GET', '/v1/merchant/dashboard', { as: owner })).body;
    expect(days).toHaveLength(30);
    expect(days[0].businessDate).toBe('2026-10-27');
    expect(days[29]).toEqual({
      businessDate: '2026-11-25',
      salesCount: 1,
      salesFen: '10000',
      refundsFen: '1000',
    });
    expect(days[28]).toEqual({
      businessDate: '2026-11-24',
      salesCount: 2,
      salesFen: '12000',
      refundsFen: '0',
    });
    const dates: string[] = days.map((d: { businessDate: string }) => d.businessDate);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(30);
    for (const d of days.slice(0, 28)) {
      expect(d).toMatchObject({ salesCount: 0, salesFen: '0', refundsFen: '0' });
    }
  });

  it('shows what the ledger says is owed: the balances, in fen', async () => {
    const dashboard = (await h.call('GET', '/v1/merchant/dashboard', { as: owner })).body;
    const balances = (await h.call('GET', '/v1/merchant/balances', { as: owner })).body;
    const owed = String(BigInt(balances.pendingFen) + BigInt(balances.payableFen));
    expect(dashboard.pendingSettlementFen).toBe(owed);
    // The 25th's ¥100 less its ¥0.50 fee is pending; the ¥10 refund came out of payable.
    expect(owed).toBe(String(10_000 - 50 - 1_000));
  });

  it("shows another merchant only its own; a cashier sees sales but not what's owed", async () => {
    const theirs = (await h.call('GET', '/v1/merchant/dashboard', { as: ownerB })).body;
    expect(theirs.today).toMatchObject({ salesCount: 0, salesFen: '0', netFen: '0' });
    expect(theirs.days[28]).toMatchObject({ salesCount: 1, salesFen: '7777' });
    expect(theirs.pendingSettlementFen).toBe('0');
    const cashier = await h.merchantUser({ role: 'cashier' });
    const seen = await h.call('GET', '/v1/merchant/dashboard', { as: cashier });
    expect(seen.status).toBe(200);
    expect(seen.body.today.salesFen).toBe('10000');
    expect(seen.body.pendingSettlementFen).toBeNull();
  });

  it('is refused to staff and strangers', async () => {
    const staff = await h.staff(['admin']);
    const refused = await h.call('GET', '/v1/merchant/dashboard', { as: staff });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    const anonymous = await h.call('GET', '/v1/merchant/dashboard');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
  });
});
