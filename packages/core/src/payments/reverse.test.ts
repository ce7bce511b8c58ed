// Reversal: idempotent undo of an approved request, "done" for unknown requests (and the late
// original refused), refusals — against a real (embedded PostgreSQL) database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, createWorld, TestPos, type World } from '@shoudan/db/testing';
import { TEST_CARDS } from './card-network-simulator.ts';
import type { PaymentResult } from './deps.ts';

let world: World;
let pos: TestPos;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase());
  pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
});
afterAll(async () => world.database.close());

function approved(result: PaymentResult) {
  if (!result.ok) throw new Error(`expected approval, got ${result.outcome.code}`);
  return result.value.transaction;
}

describe('reversal', () => {
  it('undoes an approved sale exactly once, at the host and at the network', async () => {
    const balance = await world.engine.merchantBalance(world.merchant.id);
    const charged = world.network.chargedFen();
    const sale = approved(await pos.sale(6_600n));
    expect(world.network.chargedFen()).toBe(charged + 6_600n);
    const first = await world.engine.reverse({ ...sale, kind: 'sale', amountFen: 6_600n });
    const second = await world.engine.reverse({ ...sale, kind: 'sale', amountFen: 6_600n });
    expect(first.ok && first.value.effect).toBe('reversed');
    expect(second.ok && second.value.effect).toBe('already_reversed');
    expect(await world.engine.merchantBalance(world.merchant.id)).toEqual(balance);
    expect(world.network.chargedFen()).toBe(charged);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('a duplicate of a reversed sale is answered "already reversed"', async () => {
    const key = pos.next();
    approved(
      await world.engine.sale({
        ...key,
        amountFen: 100n,
        method: 'card',
        card: { pan: TEST_CARDS.debit },
      }),
    );
    await world.engine.reverse({ ...key, kind: 'sale', amountFen: 100n });
    const again = await world.engine.sale({
      ...key,
      amountFen: 100n,
      method: 'card',
      card: { pan: TEST_CARDS.debit },
    });
    expect(!again.ok && again.outcome.code).toBe('already_reversed');
  });

  it('a request the host never saw is reversed as done; its late original is refused', async () => {
    const key = pos.next();
    const reversal = await world.engine.reverse({ ...key, kind: 'sale', amountFen: 4_000n });
    expect(reversal.ok && reversal.value.effect).toBe('unknown_request');
    const late = await world.engine.sale({
      ...key,
      amountFen: 4_000n,
      method: 'card',
      card: { pan: TEST_CARDS.debit },
    });
    expect(!late.ok && late.outcome.code).toBe('already_reversed');
    const unknownTerminal = await world.engine.reverse({
      terminalId: 'NOBODY01',
      batchNo: 1,
      voucherNo: 1,
      kind: 'sale',
      amountFen: 1n,
    });
    expect(unknownTerminal.ok && unknownTerminal.value.effect).toBe('unknown_request');
  });

  it('reversing a declined request changes nothing and releases any network hold', async () => {
    const charged = world.network.chargedFen();
    const timedOut = await pos.sale(3_300n, TEST_CARDS.timeout);
    expect(!timedOut.ok && timedOut.outcome.code).toBe('network_timeout');
    const result = await world.engine.reverse({
      ...pos.current(),
      kind: 'sale',
      amountFen: 3_300n,
    });
    expect(result.ok && result.value.effect).toBe('nothing_to_reverse');
    expect(world.network.chargedFen()).toBe(charged);
  });

  it('reversing a void puts the sale back, voidable again', async () => {
    const balance = await world.engine.merchantBalance(world.merchant.id);
    const sale = approved(await pos.sale(5_000n));
    const voided = approved(await pos.voidSale(sale, 5_000n));
    const result = await world.engine.reverse({ ...voided, kind: 'void', amountFen: 5_000n });
    expect(result.ok && result.value.effect).toBe('reversed');
    const afterReversal = await world.engine.merchantBalance(world.merchant.id);
    expect(afterReversal.pendingFen).toBe(balance.pendingFen + 5_000n - 25n);
    approved(await pos.voidSale(sale, 5_000n));
    expect(await world.engine.merchantBalance(world.merchant.id)).toEqual(balance);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('refuses a wrong amount, a voided sale and a refund', async () => {
    const sale = approved(await pos.sale(1_200n));
    const wrong = await world.engine.reverse({ ...sale, kind: 'sale', amountFen: 1_000n });
    expect(!wrong.ok && wrong.outcome.code).toBe('amount_mismatch');
    const otherKind = await world.engine.reverse({ ...sale, kind: 'void', amountFen: 1_200n });
    expect(!otherKind.ok && otherKind.outcome.code).toBe('reversal_not_allowed');
    approved(await pos.voidSale(sale, 1_200n));
    const voided = await world.engine.reverse({ ...sale, kind: 'sale', amountFen: 1_200n });
    expect(!voided.ok && voided.outcome.code).toBe('reversal_not_allowed');
  });

  it('refuses once the original’s cycle has closed, and never reverses a refund', async () => {
    const sale = approved(await pos.sale(2_500n));
    world.clock.set('2026-11-24T15:00:00Z');
    await world.engine.cutoff({ businessDate: '2026-11-24' });
    const late = await world.engine.reverse({ ...sale, kind: 'sale', amountFen: 2_500n });
    expect(!late.ok && late.outcome.code).toBe('reversal_window_closed');
    const refund = approved(await pos.refund(sale.rrn, 500n));
    const result = await world.engine.reverse({ ...refund, kind: 'refund', amountFen: 500n });
    expect(!result.ok && result.outcome.code).toBe('reversal_not_allowed');
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });
});
