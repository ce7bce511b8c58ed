// Void: every outcome, and that it is possible exactly while the sale's settlement cycle is open,
// against a real (embedded PostgreSQL) database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, createWorld, TestPos, type World } from '@shoudan/db/testing';
import { createEngine } from '../engine.ts';
import { maskPan } from '../shared/pan.ts';
import { TEST_CARDS } from './card-network-simulator.ts';
import type { PaymentResult } from './deps.ts';
import type { OriginalClaims } from './void-sale.ts';

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

describe('void by batch and voucher number', () => {
  it('voids a sale in full, restores the balance and the sale is marked voided', async () => {
    const before = await world.engine.merchantBalance(world.merchant.id);
    const sale = approved(await pos.sale(8_800n));
    const voided = approved(await pos.voidSale(sale, 8_800n));
    expect(voided.kind).toBe('void');
    expect(voided.originalId).toBe(sale.id);
    expect(voided.businessDate).toBe(sale.businessDate);
    expect(await world.engine.merchantBalance(world.merchant.id)).toEqual(before);
    const again = await pos.voidSale(sale, 8_800n);
    expect(!again.ok && again.outcome.code).toBe('already_voided');
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('refuses an amount other than the original', async () => {
    const sale = approved(await pos.sale(1_000n));
    const result = await pos.voidSale(sale, 999n);
    expect(!result.ok && result.outcome.code).toBe('amount_mismatch');
  });

  it('refuses an unknown original and a sale of another terminal', async () => {
    const missing = await pos.voidSale({ batchNo: 1, voucherNo: 999_000 }, 100n);
    expect(!missing.ok && missing.outcome.code).toBe('original_not_found');
    const other = new TestPos(world.engine, world.merchant.terminalIds[1] ?? '');
    other.voucherNo = 5_000;
    const sale = approved(await other.sale(300n));
    const result = await pos.voidSale(sale, 300n);
    expect(!result.ok && result.outcome.code).toBe('original_not_found');
  });

  it('refuses to void a declined sale', async () => {
    const declined = await pos.sale(500n, TEST_CARDS.insufficientFunds);
    expect(declined.ok).toBe(false);
    const result = await pos.voidSale({ batchNo: pos.batchNo, voucherNo: pos.voucherNo }, 500n);
    expect(!result.ok && result.outcome.code).toBe('original_not_approved');
  });

  it('refuses to void a void', async () => {
    const sale = approved(await pos.sale(400n));
    const voided = approved(await pos.voidSale(sale, 400n));
    const result = await pos.voidSale(voided, 400n);
    expect(!result.ok && result.outcome.code).toBe('original_not_found');
  });

  it('refuses to void a reversed sale', async () => {
    const sale = approved(await pos.sale(600n));
    const reversed = await world.engine.reverse({ ...sale, kind: 'sale', amountFen: 600n });
    expect(reversed.ok && reversed.value.effect).toBe('reversed');
    const result = await pos.voidSale(sale, 600n);
    expect(!result.ok && result.outcome.code).toBe('already_reversed');
  });

  it('a void of a sale in a settled batch is refused: use a refund', async () => {
    const other = new TestPos(world.engine, world.merchant.terminalIds[1] ?? '');
    other.voucherNo = 6_000;
    const sale = approved(await other.sale(2_000n));
    const settled = await other.settle();
    expect(settled.ok).toBe(true);
    const result = await other.voidSale(sale, 2_000n);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.outcome).toEqual({
      code: 'void_window_closed',
      detail: { reason: 'batch_settled' },
    });
  });
});

describe('what the terminal says of the original (37, 38, the card)', () => {
  const cases = [
    ['a sale just made (its terminal’s snapshot)', 60_000, 1],
    ['a sale the void opens to read', 0, 0],
  ] as const;
  it.each(cases)('must hold for %s, else the original is not found', async (_, ttlMs, fast) => {
    const payments = world.stores.payments;
    let expectedVoids = 0;
    const store = {
      ...payments,
      recordExpectedVoid: (v: Parameters<typeof payments.recordExpectedVoid>[0]) => {
        expectedVoids += 1;
        return payments.recordExpectedVoid(v);
      },
    };
    const rules = { ...world.rules, saleSnapshotTtlMs: ttlMs };
    const engine = createEngine({ ...world, stores: { ...world.stores, payments: store }, rules });
    const other = new TestPos(engine, world.merchants[1]?.terminalIds[0] ?? '');
    other.voucherNo = ttlMs === 0 ? 8_000 : 8_500;
    const voidOf = (sale: { batchNo: number; voucherNo: number }, claimed: OriginalClaims) =>
      engine.voidSale({ ...other.next(), amountFen: 2_500n, original: sale, claimed });
    const wrong = [
      { rrn: '000000000001' },
      { authCode: '999999' },
      { panMasked: maskPan(TEST_CARDS.credit) },
    ];
    for (const claimed of wrong) {
      const refused = await voidOf(approved(await other.sale(2_500n)), claimed);
      expect(!refused.ok && refused.outcome.code).toBe('original_not_found');
    }
    expect(expectedVoids).toBe(0);
    const sale = approved(await other.sale(2_500n));
    const { rrn, authCode } = sale;
    const panMasked = maskPan(TEST_CARDS.debit);
    const voided = await voidOf(sale, { rrn, panMasked, ...(authCode ? { authCode } : {}) });
    expect(approved(voided).originalId).toBe(sale.id);
    expect(expectedVoids).toBe(fast);
    expect((await engine.checkLedger()).ok).toBe(true);
  });
});

describe('void after a refund', () => {
  it('a sale with refunds cannot be voided', async () => {
    const other = new TestPos(world.engine, world.merchant.terminalIds[1] ?? '');
    other.voucherNo = 7_000;
    other.batchNo = 2;
    const sale = approved(await other.sale(3_000n));
    await other.settle();
    approved(await other.refund(sale.rrn, 1_000n));
    const result = await other.voidSale(sale, 3_000n);
    expect(!result.ok && result.outcome.code).toBe('already_refunded');
  });
});

describe('void and the cutoff', () => {
  it('a sale is voidable until its cutoff runs; the answer says until when', async () => {
    const sale = await pos.sale(5_000n);
    expect(sale.ok && sale.value.voidableUntil?.toISOString()).toBe('2026-11-24T15:00:00.000Z');
    const original = approved(sale);
    world.clock.set('2026-11-24T15:00:00Z');
    const cut = await world.engine.cutoff({ businessDate: '2026-11-24' });
    expect(cut.ok && cut.value.already).toBe(false);
    const result = await pos.voidSale(original, 5_000n);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.outcome).toEqual({ code: 'void_window_closed', detail: { reason: 'cut_off' } });
  });

  it('a voidable sale of the new date is listed by time; a cut-off one is not', async () => {
    const sale = approved(await pos.sale(1_500n));
    expect(sale.businessDate).toBe('2026-11-25');
    const listed = await world.engine.findVoidableSales({
      terminalId: pos.terminalId,
      from: new Date('2026-11-24T00:00:00Z'),
      to: world.clock.now(),
    });
    expect(listed.map((v) => v.sale.id)).toEqual([sale.id]);
    expect(listed[0]?.voidableUntil.toISOString()).toBe('2026-11-25T15:00:00.000Z');
    approved(await pos.voidSale(sale, 1_500n));
    const after = await world.engine.findVoidableSales({
      terminalId: pos.terminalId,
      from: new Date('2026-11-24T00:00:00Z'),
      to: world.clock.now(),
    });
    expect(after).toEqual([]);
  });
});

describe('the voidable sales by time', () => {
  it("are the open batch's sales in the range, newest first, up to the limit", async () => {
    const other = new TestPos(world.engine, world.merchant.terminalIds[1] ?? '');
    other.voucherNo = 8_000;
    other.batchNo = 3;
    const settledSale = approved(await other.sale(100n));
    expect((await other.settle()).ok).toBe(true);
    const from = world.clock.now();
    const sales = [];
    for (const amount of [201n, 202n, 203n]) {
      world.clock.advance(1_000);
      sales.push(approved(await other.sale(amount)));
    }
    const [first, second, third] = sales.map((s) => s.id);
    const find = (range: { from: Date; to: Date; limit?: number }) =>
      world.engine
        .findVoidableSales({ terminalId: other.terminalId, ...range })
        .then((found) => found.map((v) => v.sale.id));
    expect(await find({ from, to: world.clock.now(), limit: 2 })).toEqual([third, second]);
    expect(await find({ from: new Date(0), to: world.clock.now() })).toEqual([
      third,
      second,
      first,
    ]);
    expect(await find({ from, to: sales[0]?.createdAt ?? from })).toEqual([first]);
    expect(await find({ from: new Date(0), to: world.clock.now() })).not.toContain(settledSale.id);
  });
});
