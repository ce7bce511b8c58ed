// Terminal sign-in and sign-off: activation on first sign-in, refusals by terminal and merchant
// state, the batch handed to the terminal — against a real (embedded PostgreSQL) database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, createWorld, TestPos, type World } from '@shoudan/db/testing';
import { setup } from '@shoudan/db';

let world: World;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase());
});
afterAll(async () => world.database.close());

async function newTerminal(
  terminalId: string,
  status: 'pending_activation' | 'frozen' | 'deactivated',
) {
  await setup.createTerminal(world.db, {
    terminalId,
    merchantId: world.merchant.id,
    serialNo: `SN-${terminalId}`,
    status,
    batchNo: 7,
    at: world.clock.now(),
  });
}

describe('sign-in', () => {
  it('activates a shipped terminal on its first sign-in and hands it its batch', async () => {
    await newTerminal('NEWPOS01', 'pending_activation');
    const first = await world.engine.signIn({ terminalId: 'NEWPOS01' });
    expect(first).toEqual({ ok: true, value: { batchNo: 7, lastVoucherNo: 0, activated: true } });
    const second = await world.engine.signIn({ terminalId: 'NEWPOS01' });
    expect(second.ok && second.value.activated).toBe(false);
  });

  it('hands back the voucher of the newest transaction, across the wrap and batches', async () => {
    await newTerminal('VOUCHR01', 'pending_activation');
    const signIn = async () => {
      const result = await world.engine.signIn({ terminalId: 'VOUCHR01' });
      if (!result.ok) throw new Error(result.outcome.code);
      return { batchNo: result.value.batchNo, lastVoucherNo: result.value.lastVoucherNo };
    };
    await signIn();
    const pos = new TestPos(world.engine, 'VOUCHR01');
    pos.batchNo = 7;
    pos.voucherNo = 999_998;
    for (let i = 0; i < 2; i++) {
      expect((await pos.sale(100n)).ok).toBe(true);
      world.clock.advance(1_000);
    }
    expect(pos.voucherNo).toBe(1);
    expect(await signIn()).toEqual({ batchNo: 7, lastVoucherNo: 1 });
    expect((await pos.settle()).ok).toBe(true);
    expect(await signIn()).toEqual({ batchNo: 8, lastVoucherNo: 1 });
    world.clock.advance(1_000);
    expect((await pos.sale(100n)).ok).toBe(true);
    expect(await signIn()).toEqual({ batchNo: 8, lastVoucherNo: 2 });
  });

  it('refuses unknown, frozen and deactivated terminals and inactive merchants', async () => {
    await newTerminal('FROZEN01', 'frozen');
    await newTerminal('RETIRE01', 'deactivated');
    const unknown = await world.engine.signIn({ terminalId: 'NOBODY01' });
    const frozen = await world.engine.signIn({ terminalId: 'FROZEN01' });
    const retired = await world.engine.signIn({ terminalId: 'RETIRE01' });
    await setup.setMerchantStatus(world.db, { merchantId: world.merchant.id, status: 'closed' });
    const closed = await world.engine.signIn({ terminalId: world.merchant.terminalIds[0] ?? '' });
    await setup.setMerchantStatus(world.db, { merchantId: world.merchant.id, status: 'active' });
    expect(!unknown.ok && unknown.outcome.code).toBe('terminal_not_found');
    expect(!frozen.ok && frozen.outcome.code).toBe('terminal_frozen');
    expect(!retired.ok && retired.outcome.code).toBe('terminal_not_active');
    expect(!closed.ok && closed.outcome.code).toBe('merchant_not_active');
  });

  it('a sign-in right after a sign-off, in the same millisecond, is signed in', async () => {
    const terminalId = world.merchant.terminalIds[0] ?? '';
    await world.engine.signOff({ terminalId });
    await world.engine.signIn({ terminalId });
    const pos = new TestPos(world.engine, terminalId);
    pos.voucherNo = 500;
    const sale = await pos.sale(100n);
    expect(sale.ok).toBe(true);
  });

  it('signs off, twice without error; an unknown terminal is refused', async () => {
    const terminalId = world.merchant.terminalIds[0] ?? '';
    expect((await world.engine.signOff({ terminalId })).ok).toBe(true);
    expect((await world.engine.signOff({ terminalId })).ok).toBe(true);
    const unknown = await world.engine.signOff({ terminalId: 'NOBODY01' });
    expect(!unknown.ok && unknown.outcome.code).toBe('terminal_not_found');
  });
});
