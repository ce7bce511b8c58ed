// Duplicate detection: the same (terminal, batch, voucher) request returns the first outcome and
// changes nothing; the same key with other content is refused — for sales, voids and refunds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, createWorld, TestPos, type World } from '@shoudan/db/testing';
import { TEST_CARDS } from './card-network-simulator.ts';
import type { SaleInput } from './sale.ts';

let world: World;
let pos: TestPos;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase());
  pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
});
afterAll(async () => world.database.close());

const card = (pan: string = TEST_CARDS.debit) => ({ method: 'card' as const, card: { pan } });

describe('duplicates', () => {
  it('a retransmitted sale gets the first answer and is recorded once', async () => {
    const input: SaleInput = { ...pos.next(), amountFen: 12_345n, ...card() };
    const first = await world.engine.sale(input);
    const balance = await world.engine.merchantBalance(world.merchant.id);
    const second = await world.engine.sale(input);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.value.duplicate).toBe(true);
    expect(second.value.transaction.rrn).toBe(first.value.transaction.rrn);
    expect(second.value.transaction.authCode).toBe(first.value.transaction.authCode);
    expect(second.value.voidableUntil).toEqual(first.value.voidableUntil);
    expect(await world.engine.merchantBalance(world.merchant.id)).toEqual(balance);
  });

  it('a retransmitted declined sale gets the same decline', async () => {
    const input: SaleInput = { ...pos.next(), amountFen: 100n, ...card(TEST_CARDS.wrongPin) };
    const first = await world.engine.sale(input);
    const second = await world.engine.sale(input);
    expect(!first.ok && first.outcome.code).toBe('wrong_pin');
    expect(!second.ok && second.outcome.code).toBe('wrong_pin');
  });

  it('the same key with another amount or card is refused and changes nothing', async () => {
    const key = pos.next();
    await world.engine.sale({ ...key, amountFen: 500n, ...card() });
    const balance = await world.engine.merchantBalance(world.merchant.id);
    const amount = await world.engine.sale({ ...key, amountFen: 501n, ...card() });
    const otherCard = await world.engine.sale({
      ...key,
      amountFen: 500n,
      ...card(TEST_CARDS.credit),
    });
    expect(!amount.ok && amount.outcome.code).toBe('duplicate_with_different_content');
    expect(!otherCard.ok && otherCard.outcome.code).toBe('duplicate_with_different_content');
    expect(await world.engine.merchantBalance(world.merchant.id)).toEqual(balance);
  });

  it('a repeated void gets the first answer; a void reusing a sale’s key is refused', async () => {
    const saleKey = pos.next();
    await world.engine.sale({ ...saleKey, amountFen: 800n, ...card() });
    const voidInput = { ...pos.next(), amountFen: 800n, original: saleKey };
    const first = await world.engine.voidSale(voidInput);
    const second = await world.engine.voidSale(voidInput);
    expect(
      first.ok && second.ok && second.value.transaction.rrn === first.value.transaction.rrn,
    ).toBe(true);
    expect(second.ok && second.value.duplicate).toBe(true);
    const clash = await world.engine.voidSale({ ...saleKey, amountFen: 800n, original: saleKey });
    expect(!clash.ok && clash.outcome.code).toBe('duplicate_with_different_content');
  });

  it('a retransmitted refund is replayed, not refunded twice', async () => {
    const sale = await pos.sale(3_000n);
    if (!sale.ok) throw new Error('sale failed');
    world.clock.set('2026-11-24T15:00:00Z');
    await world.engine.cutoff({ businessDate: '2026-11-24' });
    const input = {
      ...pos.next(),
      amountFen: 1_000n,
      original: { rrn: sale.value.transaction.rrn },
    };
    const first = await world.engine.refund(input);
    const second = await world.engine.refund(input);
    expect(first.ok && second.ok && second.value.duplicate).toBe(true);
    const refunds = await world.stores.payments.transaction((tx) =>
      tx.lockOriginalById(sale.value.transaction.id),
    );
    expect(refunds?.refundedFen).toBe(1_000n);
  });
});
