// Goal: a write failing after the network approved leaves nothing held there. Method: PGlite fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutoffInstantOf } from '@shoudan/core';
import {
  openTestDatabase,
  createWorld,
  TestPos,
  withRrnCollision,
  type World,
} from '../testing/index.ts';

let world: World;
let pos: TestPos;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase());
  pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
});
afterAll(async () => world.database.close());

describe('a failed write after the network approved', () => {
  it('a sale: the host reverses it at the network', async () => {
    expect((await pos.sale(1_000n)).ok).toBe(true);
    const charged = world.network.chargedFen();
    await expect(withRrnCollision(world.db, () => pos.sale(2_000n))).rejects.toThrow();
    expect(world.network.chargedFen()).toBe(charged);
  });

  it('a void: the host reverses it at the network, the sale still counts', async () => {
    const sold = await pos.sale(3_000n);
    if (!sold.ok) throw new Error('sale failed');
    const charged = world.network.chargedFen();
    await expect(
      withRrnCollision(world.db, () => pos.voidSale(sold.value.transaction, 3_000n)),
    ).rejects.toThrow();
    // The books still have the sale; so must the network, or the two disagree by 30 yuan.
    expect(world.network.chargedFen()).toBe(charged);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('a refund: the host reverses it at the network', async () => {
    const sold = await pos.sale(4_000n);
    if (!sold.ok) throw new Error('sale failed');
    world.clock.set(cutoffInstantOf(sold.value.transaction.businessDate, world.rules.cutoffTime));
    expect((await world.engine.cutoffDue()).length).toBeGreaterThan(0);
    const charged = world.network.chargedFen();
    await expect(
      withRrnCollision(world.db, () => pos.refund(sold.value.transaction.rrn, 1_000n)),
    ).rejects.toThrow();
    expect(world.network.chargedFen()).toBe(charged);
    expect((await pos.refund(sold.value.transaction.rrn, 1_000n)).ok).toBe(true);
    expect(world.network.chargedFen()).toBe(charged - 1_000n);
  });
});
