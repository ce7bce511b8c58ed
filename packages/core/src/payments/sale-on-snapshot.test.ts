// Goal: a terminal's next sale, and the void of a sale just made, ask the card network first and
// are recorded in one round trip, and whatever changed meanwhile (the terminal frozen, a service
// revoked, a new rate, the cutoff, the batch settled, the request or the void made by another
// node) still gets the answer a payment that opened first would get, with nothing left held at
// the network that the books do not back.
// Method: engines over the real stores (PGlite), with the store's and the network's calls logged
// on their way through; changes made as another process makes them, straight in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, openTestDatabase, TestPos, type World } from '@shoudan/db/testing';
import { setup } from '@shoudan/db';
import { createEngine, type Engine } from '../engine.ts';
import { addDays, cutoffInstantOf } from '../shared/business-date.ts';
import type { CardNetwork } from './card-network.ts';
import { TEST_CARDS } from './card-network-simulator.ts';
import type { PaymentsStore } from './store.ts';
import type { SaleInput } from './sale.ts';

let world: World;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase(), { merchants: 17 });
});
afterAll(async () => world.database.close());

/** An engine over the world's stores and network whose calls to both are logged. */
function loggedEngine(options: { ttlMs?: number } = {}): { engine: Engine; calls: string[] } {
  const calls: string[] = [];
  const payments = world.stores.payments;
  const store: PaymentsStore = {
    ...payments,
    transaction: (work, opts) => (calls.push('open'), payments.transaction(work, opts)),
    recordExpectedSale: (sale) => (calls.push('expected'), payments.recordExpectedSale(sale)),
    recordExpectedVoid: (v) => (calls.push('expected'), payments.recordExpectedVoid(v)),
  };
  const network: CardNetwork = {
    lookupCard: (pan) => world.network.lookupCard(pan),
    authorize: (r) => (calls.push('network'), world.network.authorize(r)),
    void: (r) => (calls.push('network'), world.network.void(r)),
    refund: (r) => world.network.refund(r),
    reverse: (ref) => (calls.push('reverse'), world.network.reverse(ref)),
  };
  const rules = { ...world.rules, saleSnapshotTtlMs: options.ttlMs ?? 60_000 };
  const engine = createEngine({
    stores: { ...world.stores, payments: store },
    network,
    clock: world.clock,
    ids: world.ids,
    rules,
  });
  return { engine, calls };
}

/** The next request of `pos`: a card sale of `amountFen`. */
function nextSale(pos: TestPos, amountFen: bigint, pan: string = TEST_CARDS.debit): SaleInput {
  return { ...pos.next(), amountFen, method: 'card', card: { pan } };
}

let nextMerchant = 0;

/** A terminal of a merchant no other test uses, a POS on `engine`, and one sale made. */
async function terminalWithSale(engine: Engine, calls: string[]) {
  const merchant = world.merchants[nextMerchant++];
  if (!merchant) throw new Error('out of merchants');
  const pos = new TestPos(engine, merchant.terminalIds[0] ?? '');
  const first = await pos.sale(1_000n);
  if (!first.ok) throw new Error(first.outcome.code);
  calls.length = 0;
  return { merchant, pos };
}

describe('a sale on its terminal’s snapshot', () => {
  it('asks the network first and is recorded in one round trip', async () => {
    const { engine, calls } = loggedEngine();
    const { merchant, pos } = await terminalWithSale(engine, calls);
    const balance = await world.engine.merchantBalance(merchant.id);
    const result = await pos.sale(10_000n);
    expect(calls).toEqual(['network', 'expected']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const t = result.value.transaction;
    expect(t.feeFen).toBe(50n);
    expect(t.rrn).toMatch(/^\d{12}$/);
    expect(await world.stores.payments.findByRrn(t.rrn)).toEqual(t);
    expect(result.value.voidableUntil?.toISOString()).toBe('2026-11-24T15:00:00.000Z');
    const after = await world.engine.merchantBalance(merchant.id);
    expect(after.pendingFen - balance.pendingFen).toBe(9_950n);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('records a network decline in one round trip too; its retransmission opens', async () => {
    const { engine, calls } = loggedEngine();
    const { pos } = await terminalWithSale(engine, calls);
    const declined = await pos.sale(100n, TEST_CARDS.insufficientFunds);
    expect(!declined.ok && declined.outcome.code).toBe('insufficient_funds');
    expect(calls).toEqual(['network', 'expected']);
    calls.length = 0;
    const pan = TEST_CARDS.insufficientFunds;
    const again = await engine.sale({
      ...pos.current(),
      amountFen: 100n,
      method: 'card',
      card: { pan },
    });
    expect(!again.ok && again.outcome.code).toBe('insufficient_funds');
    expect(calls).toEqual(['open']);
  });

  it('refuses a terminal frozen meanwhile, and releases what the network approved', async () => {
    const { engine, calls } = loggedEngine();
    const { merchant, pos } = await terminalWithSale(engine, calls);
    const charged = world.network.chargedFen();
    const balance = await world.engine.merchantBalance(merchant.id);
    await setup.setTerminalStatus(world.db, { terminalId: pos.terminalId, status: 'frozen' });
    const frozen = await pos.sale(2_000n);
    expect(!frozen.ok && frozen.outcome.code).toBe('terminal_frozen');
    expect(calls).toEqual(['network', 'expected', 'open', 'reverse']);
    expect(world.network.chargedFen()).toBe(charged);
    expect(await world.engine.merchantBalance(merchant.id)).toEqual(balance);
    // What the refusal read is what the next sale goes by: refused without asking the network.
    calls.length = 0;
    const still = await pos.sale(2_000n);
    expect(!still.ok && still.outcome.code).toBe('terminal_frozen');
    expect(calls).toEqual(['open']);
    await setup.setTerminalStatus(world.db, { terminalId: pos.terminalId, status: 'active' });
  });

  it('refuses a service revoked meanwhile, and releases what the network approved', async () => {
    const { engine, calls } = loggedEngine();
    const { merchant, pos } = await terminalWithSale(engine, calls);
    const charged = world.network.chargedFen();
    await setup.setServiceStatus(world.db, {
      merchantId: merchant.id,
      service: 'card_debit',
      status: 'revoked',
      at: world.clock.now(),
    });
    const revoked = await pos.sale(3_000n);
    expect(!revoked.ok && revoked.outcome.code).toBe('service_not_active');
    expect(calls).toEqual(['network', 'expected', 'open', 'reverse']);
    expect(world.network.chargedFen()).toBe(charged);
  });

  it('charges a rate that came in force meanwhile, the network asked once', async () => {
    const { engine, calls } = loggedEngine();
    const { merchant, pos } = await terminalWithSale(engine, calls);
    await setup.addMerchantRate(world.db, {
      id: world.ids.next(),
      merchantId: merchant.id,
      service: 'card_debit',
      rateBps: 100,
      capFen: null,
      effectiveFrom: world.clock.now(),
      at: world.clock.now(),
    });
    world.clock.advance(1);
    const result = await pos.sale(10_000n);
    expect(result.ok && result.value.transaction.feeFen).toBe(100n);
    expect(calls).toEqual(['network', 'expected', 'open']);
    calls.length = 0;
    const next = await pos.sale(10_000n);
    expect(next.ok && next.value.transaction.feeRateBps).toBe(100);
    expect(calls).toEqual(['network', 'expected']);
  });

  it('lands on the next business date when the cutoff ran meanwhile', async () => {
    const { engine, calls } = loggedEngine();
    const date = '2026-11-24';
    const cutAt = cutoffInstantOf(date, world.rules.cutoffTime);
    world.clock.set(new Date(cutAt.getTime() - 10_000));
    const { pos } = await terminalWithSale(engine, calls);
    world.clock.set(cutAt);
    expect((await world.engine.cutoff({ businessDate: date })).ok).toBe(true);
    // The terminal's clock is a moment behind the cutoff job's: its sale names the closed date.
    world.clock.set(new Date(cutAt.getTime() - 1));
    const result = await pos.sale(4_000n);
    world.clock.set(new Date(cutAt.getTime() + 1));
    expect(result.ok && result.value.transaction.businessDate).toBe(addDays(date, 1));
    expect(calls).toEqual(['network', 'expected', 'open']);
  });

  it('refuses a sale whose batch another node settled meanwhile, releasing it', async () => {
    const { engine, calls } = loggedEngine();
    const { pos } = await terminalWithSale(engine, calls);
    const charged = world.network.chargedFen();
    const settled = await new TestPos(world.engine, pos.terminalId).settle();
    expect(settled.ok).toBe(true);
    const result = await pos.sale(5_000n);
    expect(!result.ok && result.outcome.code).toBe('batch_not_open');
    expect(calls).toEqual(['network', 'expected', 'open', 'reverse']);
    expect(world.network.chargedFen()).toBe(charged);
  });

  it('answers a retransmission another node recorded with its first answer', async () => {
    const { engine, calls } = loggedEngine();
    const { pos } = await terminalWithSale(engine, calls);
    const request = nextSale(pos, 6_000n);
    const charged = world.network.chargedFen();
    const first = await world.engine.sale(request);
    const again = await engine.sale(request);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.value.duplicate).toBe(true);
    expect(again.value.transaction).toEqual(first.value.transaction);
    // The network answered the key as the first time: one authorization, still held.
    expect(calls).toEqual(['network', 'expected', 'open']);
    expect(world.network.chargedFen()).toBe(charged + 6_000n);
  });

  it('releases a retransmission of a request another node refused before the network', async () => {
    const { engine, calls } = loggedEngine();
    const { pos } = await terminalWithSale(engine, calls);
    const request = nextSale(pos, 7_000n);
    const charged = world.network.chargedFen();
    await setup.setTerminalStatus(world.db, { terminalId: pos.terminalId, status: 'frozen' });
    const first = await world.engine.sale(request);
    await setup.setTerminalStatus(world.db, { terminalId: pos.terminalId, status: 'active' });
    const again = await engine.sale(request);
    expect(!first.ok && first.outcome.code).toBe('terminal_frozen');
    expect(!again.ok && again.outcome.code).toBe('terminal_frozen');
    expect(calls).toEqual(['network', 'expected', 'open', 'reverse']);
    expect(world.network.chargedFen()).toBe(charged);
  });

  it('opens first again once the snapshot is older than its time', async () => {
    const { engine, calls } = loggedEngine({ ttlMs: 30_000 });
    const { pos } = await terminalWithSale(engine, calls);
    world.clock.advance(29_000);
    await pos.sale(100n);
    world.clock.advance(30_000);
    await pos.sale(100n);
    expect(calls).toEqual(['network', 'expected', 'open', 'network']);
  });

  it('opens every sale first with no snapshot time', async () => {
    const { engine, calls } = loggedEngine({ ttlMs: 0 });
    const { pos } = await terminalWithSale(engine, calls);
    await pos.sale(100n);
    await pos.sale(100n);
    expect(calls).toEqual(['open', 'network', 'open', 'network']);
  });

  it('after a sign-off, opens and refuses without asking the network', async () => {
    const { engine, calls } = loggedEngine();
    const { pos } = await terminalWithSale(engine, calls);
    world.clock.advance(1_000);
    await engine.signOff({ terminalId: pos.terminalId });
    const result = await pos.sale(100n);
    expect(!result.ok && result.outcome.code).toBe('terminal_not_signed_in');
    expect(calls).toEqual(['open']);
  });
});

describe('a void of a sale the engine recorded a moment ago', () => {
  it('asks the network first and is recorded in one round trip, the sale voided', async () => {
    const { engine, calls } = loggedEngine();
    const { merchant, pos } = await terminalWithSale(engine, calls);
    const charged = world.network.chargedFen();
    const balance = await world.engine.merchantBalance(merchant.id);
    const sold = await pos.sale(8_000n);
    if (!sold.ok) throw new Error(sold.outcome.code);
    calls.length = 0;
    const voided = await pos.voidSale(sold.value.transaction, 8_000n);
    expect(calls).toEqual(['network', 'expected']);
    expect(voided.ok && voided.value.transaction.kind).toBe('void');
    const original = await world.stores.payments.findByRrn(sold.value.transaction.rrn);
    expect(original?.status).toBe('voided');
    expect(await world.engine.merchantBalance(merchant.id)).toEqual(balance);
    expect(world.network.chargedFen()).toBe(charged);
    expect((await world.engine.checkLedger()).ok).toBe(true);
    // Voided once: a second void of it opens, and is refused.
    calls.length = 0;
    const again = await pos.voidSale(sold.value.transaction, 8_000n);
    expect(!again.ok && again.outcome.code).toBe('already_voided');
    expect(calls).toEqual(['open']);
  });

  it('refuses with the refund hint once the cutoff ran, releasing the network', async () => {
    const { engine, calls } = loggedEngine();
    // The sale tests above ran the cutoff of the 24th: these sales belong to the 25th.
    const date = '2026-11-25';
    const cutAt = cutoffInstantOf(date, world.rules.cutoffTime);
    world.clock.set(new Date(cutAt.getTime() - 10_000));
    const { pos } = await terminalWithSale(engine, calls);
    const sold = await pos.sale(9_000n);
    if (!sold.ok) throw new Error(sold.outcome.code);
    world.clock.set(cutAt);
    expect((await world.engine.cutoff({ businessDate: date })).ok).toBe(true);
    world.clock.set(new Date(cutAt.getTime() - 1));
    const charged = world.network.chargedFen();
    calls.length = 0;
    const voided = await pos.voidSale(sold.value.transaction, 9_000n);
    world.clock.set(new Date(cutAt.getTime() + 1));
    expect(!voided.ok && voided.outcome).toMatchObject({
      code: 'void_window_closed',
      detail: { reason: 'cut_off' },
    });
    expect(calls).toEqual(['network', 'expected', 'open', 'reverse']);
    expect(world.network.chargedFen()).toBe(charged);
  });

  it('refuses a sale another node voided meanwhile, releasing the network', async () => {
    const { engine, calls } = loggedEngine();
    const { pos } = await terminalWithSale(engine, calls);
    const sold = await pos.sale(9_500n);
    if (!sold.ok) throw new Error(sold.outcome.code);
    const elsewhere = await world.engine.voidSale({
      ...pos.next(),
      amountFen: 9_500n,
      original: sold.value.transaction,
    });
    expect(elsewhere.ok).toBe(true);
    const charged = world.network.chargedFen();
    calls.length = 0;
    const voided = await pos.voidSale(sold.value.transaction, 9_500n);
    expect(!voided.ok && voided.outcome.code).toBe('already_voided');
    expect(calls).toEqual(['network', 'expected', 'open', 'reverse']);
    expect(world.network.chargedFen()).toBe(charged);
  });

  it('opens first for a sale it reversed, and refuses it without asking the network', async () => {
    const { engine, calls } = loggedEngine();
    const { pos } = await terminalWithSale(engine, calls);
    const sold = await pos.sale(700n);
    if (!sold.ok) throw new Error(sold.outcome.code);
    const reversed = await engine.reverse({ ...pos.current(), kind: 'sale', amountFen: 700n });
    expect(reversed.ok && reversed.value.effect).toBe('reversed');
    calls.length = 0;
    const voided = await pos.voidSale(sold.value.transaction, 700n);
    expect(!voided.ok && voided.outcome.code).toBe('already_reversed');
    expect(calls).toEqual(['open']);
  });

  it('opens first for a sale it did not record', async () => {
    const { engine, calls } = loggedEngine();
    const { pos } = await terminalWithSale(engine, calls);
    const elsewhere = new TestPos(world.engine, pos.terminalId);
    elsewhere.voucherNo = pos.voucherNo;
    const sold = await elsewhere.sale(600n);
    if (!sold.ok) throw new Error(sold.outcome.code);
    pos.voucherNo = elsewhere.voucherNo;
    const voided = await pos.voidSale(sold.value.transaction, 600n);
    expect(voided.ok).toBe(true);
    expect(calls).toEqual(['open', 'network']);
  });
});
