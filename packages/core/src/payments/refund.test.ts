// Refund: every outcome — only after the cycle closed, within the window, partial and cumulative
// up to the original — against a real (embedded PostgreSQL) database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, createWorld, TestPos, type World } from '@shoudan/db/testing';
import { TEST_CARDS } from './card-network-simulator.ts';
import type { PaymentResult } from './deps.ts';

let world: World;
let pos: TestPos;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase(), { merchants: 2, terminalsPerMerchant: 2 });
  pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
});
afterAll(async () => world.database.close());

function approved(result: PaymentResult) {
  if (!result.ok) throw new Error(`expected approval, got ${result.outcome.code}`);
  return result.value.transaction;
}

describe('refund', () => {
  it('before the cutoff a sale cannot be refunded: void it', async () => {
    const sale = approved(await pos.sale(10_000n));
    const result = await pos.refund(sale.rrn, 1_000n);
    expect(!result.ok && result.outcome.code).toBe('refund_not_yet_allowed');
  });

  it('after the cutoff: partial refunds up to the original, from any terminal', async () => {
    const sale = approved(await pos.sale(10_000n));
    world.clock.set('2026-11-24T15:00:00Z');
    expect((await world.engine.cutoff({ businessDate: '2026-11-24' })).ok).toBe(true);
    const settled = await world.engine.settleMerchants({ businessDate: '2026-11-24' });
    expect(settled.ok).toBe(true);
    world.clock.set('2026-11-25T02:00:00Z');
    const first = approved(await pos.refund(sale.rrn, 3_000n));
    const other = new TestPos(world.engine, world.merchant.terminalIds[1] ?? '');
    other.voucherNo = 1_000;
    const second = approved(await other.refund(sale.rrn, 7_000n));
    expect(first.originalId).toBe(sale.id);
    expect(second.businessDate).toBe('2026-11-25');
    const third = await pos.refund(sale.rrn, 1n);
    expect(!third.ok && third.outcome.code).toBe('refund_exceeds_original');
    const report = await world.engine.checkLedger();
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('a refund comes out of the settled balance, which may go negative', async () => {
    const sale = approved(await pos.sale(20_000n));
    world.clock.set('2026-11-25T15:00:00Z');
    await world.engine.cutoff({ businessDate: '2026-11-25' });
    await world.engine.settleMerchants({ businessDate: '2026-11-25' });
    world.clock.set('2026-11-26T01:00:00Z');
    const before = await world.engine.merchantBalance(world.merchant.id);
    approved(await pos.refund(sale.rrn, 20_000n));
    const after = await world.engine.merchantBalance(world.merchant.id);
    expect(after.pendingFen).toBe(before.pendingFen);
    expect(after.payableFen).toBe(before.payableFen - 20_000n);
    expect(after.payableFen < 0n).toBe(true);
  });

  it('refuses an unknown RRN, and a sale of another merchant', async () => {
    const unknown = await pos.refund('000000999999', 100n);
    expect(!unknown.ok && unknown.outcome.code).toBe('original_not_found');
    const m2 = world.merchants[1];
    if (!m2) throw new Error('second merchant missing');
    const theirs = new TestPos(world.engine, m2.terminalIds[0] ?? '');
    const sale = approved(await theirs.sale(500n));
    const result = await pos.refund(sale.rrn, 100n);
    expect(!result.ok && result.outcome.code).toBe('original_not_found');
  });

  it('matches the original date (MMDD) when the terminal sends one', async () => {
    const sale = approved(await pos.sale(700n));
    world.clock.set('2026-11-26T15:00:00Z');
    await world.engine.cutoff({ businessDate: '2026-11-26' });
    const wrong = await world.engine.refund({
      ...pos.next(),
      amountFen: 100n,
      original: { rrn: sale.rrn, dateMmdd: '0101' },
    });
    expect(!wrong.ok && wrong.outcome.code).toBe('original_not_found');
    const right = await world.engine.refund({
      ...pos.next(),
      amountFen: 100n,
      original: { rrn: sale.rrn, dateMmdd: '1126' },
    });
    expect(right.ok).toBe(true);
  });

  it('refuses a voided, a reversed and a declined original', async () => {
    world.clock.set('2026-11-27T02:00:00Z');
    const voided = approved(await pos.sale(900n));
    approved(await pos.voidSale(voided, 900n));
    const reversed = approved(await pos.sale(901n));
    await world.engine.reverse({ ...reversed, kind: 'sale', amountFen: 901n });
    const declined = await pos.sale(902n, TEST_CARDS.declined);
    expect(declined.ok).toBe(false);
    const key = { terminalId: pos.terminalId, batchNo: pos.batchNo, voucherNo: pos.voucherNo };
    const declinedRecord = await world.stores.payments.transaction((tx) =>
      tx.findByRequestKey(key),
    );
    expect(declinedRecord?.status).toBe('declined');
    world.clock.set('2026-11-27T15:00:00Z');
    await world.engine.cutoff({ businessDate: '2026-11-27' });
    const a = await pos.refund(voided.rrn, 100n);
    const b = await pos.refund(reversed.rrn, 100n);
    expect(!a.ok && a.outcome.code).toBe('already_voided');
    expect(!b.ok && b.outcome.code).toBe('already_reversed');
    const c = await pos.refund(declinedRecord?.rrn ?? '', 100n);
    expect(!c.ok && c.outcome.code).toBe('original_not_approved');
  });

  it('refuses after the refund window (30 days after the sale’s cutoff)', async () => {
    world.clock.set('2026-11-28T02:00:00Z');
    const sale = approved(await pos.sale(1_000n));
    world.clock.set('2026-12-28T14:59:00Z'); // 30 days after the 2026-11-28 cutoff, less a minute
    await world.engine.cutoffDue();
    const inside = await pos.refund(sale.rrn, 100n);
    expect(inside.ok).toBe(true);
    world.clock.set('2026-12-28T15:01:00Z');
    const outside = await pos.refund(sale.rrn, 100n);
    expect(!outside.ok && outside.outcome.code).toBe('refund_window_expired');
  });
});
