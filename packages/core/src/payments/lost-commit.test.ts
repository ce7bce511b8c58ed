// Goal: a payment whose write committed while its caller heard only a failure (the answer to a
// COMMIT lost with its connection) is answered from what was recorded, and the network keeps
// its approval: the books and the network agree, and the terminal gets what a retransmission
// would. When the record cannot be read back, the hold is released and the failure goes on.
// Method: an engine over the real stores (PGlite) whose writes, once done, are reported lost (the
// store's call completes, then a connection error is thrown in its place).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, openTestDatabase, TestPos, type World } from '@shoudan/db/testing';
import { createEngine } from '../engine.ts';
import { cutoffInstantOf } from '../shared/business-date.ts';
import type { PaymentResult } from './deps.ts';
import type { PaymentsStore } from './store.ts';

let world: World;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase(), { merchants: 6 });
});
afterAll(async () => world.database.close());

/** Which writes are reported lost after they are done, and whether the store can be read. */
type Losing = { expected: boolean; opened: boolean; unreadable: boolean };

let nextMerchant = 0;

/**
 * A POS on an engine whose writes are lost as `losing` says at the time of each; with `opensFirst`
 * every payment opens first (no snapshots).
 */
function posLosing(losing: Losing, opensFirst = false): TestPos {
  const payments = world.stores.payments;
  const lost = () => new Error('Connection terminated unexpectedly');
  const store: PaymentsStore = {
    ...payments,
    transaction: async (work, options) => {
      const done = await payments.transaction(work, options);
      if (losing.opened) throw lost();
      return done;
    },
    recordExpectedSale: async (sale) => {
      const done = await payments.recordExpectedSale(sale);
      if (losing.expected) throw lost();
      return done;
    },
    recordExpectedVoid: async (expected) => {
      const done = await payments.recordExpectedVoid(expected);
      if (losing.expected) throw lost();
      return done;
    },
    recordedUnder: (key) =>
      losing.unreadable ? Promise.reject(lost()) : payments.recordedUnder(key),
  };
  const engine = createEngine({
    stores: { ...world.stores, payments: store },
    network: world.network,
    clock: world.clock,
    ids: world.ids,
    rules: { ...world.rules, saleSnapshotTtlMs: opensFirst ? 0 : 60_000 },
  });
  const merchant = world.merchants[nextMerchant++];
  if (!merchant) throw new Error('out of merchants');
  return new TestPos(engine, merchant.terminalIds[0] ?? '');
}

function approved(result: PaymentResult) {
  if (!result.ok) throw new Error(`declined: ${result.outcome.code}`);
  return result.value;
}

async function recorded(pos: TestPos) {
  return world.stores.payments.recordedUnder(pos.current());
}

describe('a write whose commit answer was lost', () => {
  it('a sale on its snapshot is approved from its record, and stays charged', async () => {
    const losing = { expected: false, opened: false, unreadable: false };
    const pos = posLosing(losing);
    approved(await pos.sale(1_000n)); // opened: the terminal's snapshot is read
    losing.expected = true;
    const charged = world.network.chargedFen();
    const sale = approved(await pos.sale(2_000n));
    expect(sale.duplicate).toBe(false);
    expect(sale.transaction).toMatchObject({ status: 'approved', amountFen: 2_000n });
    expect(await recorded(pos)).toMatchObject({
      id: sale.transaction.id,
      rrn: sale.transaction.rrn,
    });
    expect(world.network.chargedFen()).toBe(charged + 2_000n);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('a sale opened first is answered as a retransmission, and stays charged', async () => {
    const pos = posLosing({ expected: false, opened: true, unreadable: false });
    const charged = world.network.chargedFen();
    const sale = approved(await pos.sale(3_000n));
    expect(sale.duplicate).toBe(true);
    expect(sale.transaction).toMatchObject({ status: 'approved', amountFen: 3_000n });
    expect(world.network.chargedFen()).toBe(charged + 3_000n);
  });

  it('a void, on its snapshot or opened, is approved and undoes the charge', async () => {
    const losing = { expected: false, opened: false, unreadable: false };
    const pos = posLosing(losing);
    const first = approved(await pos.sale(4_000n)).transaction;
    const opensFirst = { expected: false, opened: false, unreadable: false };
    const other = posLosing(opensFirst, true);
    const second = approved(await other.sale(5_000n)).transaction;
    const charged = world.network.chargedFen();
    losing.expected = true;
    const onSnapshot = approved(await pos.voidSale(first, 4_000n));
    expect(onSnapshot).toMatchObject({ duplicate: false, transaction: { kind: 'void' } });
    opensFirst.opened = true;
    const opened = approved(await other.voidSale(second, 5_000n));
    expect(opened).toMatchObject({ duplicate: true, transaction: { kind: 'void' } });
    expect(world.network.chargedFen()).toBe(charged - 9_000n);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('unread back, the hold is released and the failure goes on', async () => {
    const losing = { expected: false, opened: true, unreadable: true };
    const pos = posLosing(losing);
    const charged = world.network.chargedFen();
    await expect(pos.sale(6_000n)).rejects.toThrow('Connection terminated unexpectedly');
    expect(world.network.chargedFen()).toBe(charged);
    // The books hold what the network released: the risk that remains (docs/DECISIONS.md).
    expect(await recorded(pos)).toMatchObject({ status: 'approved', amountFen: 6_000n });
  });

  it('a refund is answered from its record, and stays refunded', async () => {
    const losing = { expected: false, opened: false, unreadable: false };
    const pos = posLosing(losing);
    const sale = approved(await pos.sale(7_000n)).transaction;
    world.clock.set(cutoffInstantOf(sale.businessDate, world.rules.cutoffTime));
    await world.engine.cutoffDue();
    losing.opened = true;
    const charged = world.network.chargedFen();
    const refund = approved(await pos.refund(sale.rrn, 2_500n));
    expect(refund).toMatchObject({ duplicate: true, transaction: { kind: 'refund' } });
    expect(world.network.chargedFen()).toBe(charged - 2_500n);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });
});
