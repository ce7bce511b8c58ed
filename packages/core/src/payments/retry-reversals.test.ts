// Goal: a reversal the card network does not take is not lost: it is kept, sent again when due
// with a wait that grows after each refusal, and once taken the cardholder is charged nothing.
// Method: an engine over the real stores (PGlite) and the world's network simulator, whose
// reversals fail while it is "down"; a write failure after approval (an RRN collision) and an
// approval that times out make the engine release holds while it is down, and a reversal kept
// for a request the books hold approved must never be sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, openTestDatabase, TestPos, withRrnCollision } from '@shoudan/db/testing';
import type { World } from '@shoudan/db/testing';
import { createEngine, type Engine } from '../engine.ts';
import type { CardNetwork } from './card-network.ts';
import { TEST_CARDS } from './card-network-simulator.ts';
import { networkRef } from './model.ts';

let world: World;
let engine: Engine;
let pos: TestPos;
const network = { down: false };

beforeAll(async () => {
  world = await createWorld(await openTestDatabase());
  const simulator = world.network;
  const flaky: CardNetwork = {
    lookupCard: (pan) => simulator.lookupCard(pan),
    authorize: (r) => simulator.authorize(r),
    void: (r) => simulator.void(r),
    refund: (r) => simulator.refund(r),
    reverse: (ref) =>
      network.down ? Promise.reject(new Error('network unreachable')) : simulator.reverse(ref),
  };
  engine = createEngine({ ...world, stores: world.stores, network: flaky });
  pos = new TestPos(engine, world.merchant.terminalIds[0] ?? '');
});
afterAll(async () => world.database.close());

describe('a reversal the network did not take', () => {
  it('is kept, sent again when due, and then charges nothing', async () => {
    // Two sales first: the collision takes the RRN before the newest.
    expect((await pos.sale(1_000n)).ok).toBe(true);
    expect((await pos.sale(1_500n)).ok).toBe(true);
    const charged = world.network.chargedFen();
    network.down = true;
    await expect(withRrnCollision(world.db, () => pos.sale(2_000n))).rejects.toThrow();
    // The network approved and was not told otherwise: the cardholder is held 20 yuan.
    expect(world.network.chargedFen()).toBe(charged + 2_000n);
    expect(await engine.retryReversals()).toEqual({ taken: 0, kept: 1, dropped: 0 });
    // Refused again: not due before its wait (5 s after the first attempt).
    network.down = false;
    expect(await engine.retryReversals()).toEqual({ taken: 0, kept: 0, dropped: 0 });
    world.clock.advance(5_000);
    expect(await engine.retryReversals()).toEqual({ taken: 1, kept: 0, dropped: 0 });
    expect(world.network.chargedFen()).toBe(charged);
    world.clock.advance(600_000);
    expect(await engine.retryReversals()).toEqual({ taken: 0, kept: 0, dropped: 0 });
  });

  it('is dropped, not sent, when the books hold the approval under its key', async () => {
    const sold = await pos.sale(4_000n);
    if (!sold.ok) throw new Error(sold.outcome.code);
    const charged = world.network.chargedFen();
    // As if this request's first attempt had failed while the network was down, and its
    // retransmission had then been approved and recorded under the same key.
    await world.stores.payments.keepReversal(networkRef(pos.current()), world.clock.now());
    expect(await engine.retryReversals()).toEqual({ taken: 0, kept: 0, dropped: 1 });
    expect(world.network.chargedFen()).toBe(charged);
    world.clock.advance(600_000);
    expect(await engine.retryReversals()).toEqual({ taken: 0, kept: 0, dropped: 0 });
  });

  it('waits longer after each refusal', async () => {
    network.down = true;
    const charged = world.network.chargedFen();
    // No answer to the approval: the engine reverses it at once, and the network refuses that.
    await expect(pos.sale(3_000n, TEST_CARDS.timeout)).rejects.toThrow('network unreachable');
    expect(world.network.chargedFen()).toBe(charged + 3_000n);
    expect(await engine.retryReversals()).toEqual({ taken: 0, kept: 1, dropped: 0 });
    // Due again 5 s after the first attempt, 10 s after the second: the wait doubles.
    for (const wait of [5_000, 10_000]) {
      world.clock.advance(wait - 1_000);
      expect(await engine.retryReversals()).toEqual({ taken: 0, kept: 0, dropped: 0 });
      world.clock.advance(1_000);
      expect(await engine.retryReversals()).toEqual({ taken: 0, kept: 1, dropped: 0 });
    }
    network.down = false;
    world.clock.advance(20_000);
    expect(await engine.retryReversals()).toEqual({ taken: 1, kept: 0, dropped: 0 });
    expect(world.network.chargedFen()).toBe(charged);
    expect((await engine.checkLedger()).ok).toBe(true);
  });
});
