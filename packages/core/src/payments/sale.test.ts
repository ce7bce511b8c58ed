// Sale: every outcome of the use case, against a real (embedded PostgreSQL) database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, createWorld, TestPos, type World } from '@shoudan/db/testing';
import { setup } from '@shoudan/db';
import { TEST_CARDS } from './card-network-simulator.ts';

let world: World;
let pos: TestPos;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase(), { merchants: 2 });
  pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
});
afterAll(async () => world.database.close());

describe('sale', () => {
  it('approves, records the fee at the plan rate and posts a balanced entry', async () => {
    const result = await pos.sale(10_000n);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const t = result.value.transaction;
    expect(t.status).toBe('approved');
    expect(t.feeFen).toBe(50n); // 0.5 % of ¥100
    expect(t.panMasked).toBe('622202******0001');
    expect(t.rrn).toMatch(/^\d{12}$/);
    expect(t.authCode).toMatch(/^\d{6}$/);
    expect(t.businessDate).toBe('2026-11-24');
    expect(result.value.voidableUntil?.toISOString()).toBe('2026-11-24T15:00:00.000Z');
    const balance = await world.engine.merchantBalance(world.merchant.id);
    expect(balance.pendingFen).toBe(9_950n);
    const report = await world.engine.checkLedger();
    expect(report.ok).toBe(true);
  });

  it('caps the debit-card fee and charges credit cards without a cap', async () => {
    const debit = await pos.sale(1_000_000n);
    const credit = await pos.sale(1_000_000n, TEST_CARDS.credit);
    expect(debit.ok && debit.value.transaction.feeFen).toBe(2000n);
    expect(credit.ok && credit.value.transaction.feeFen).toBe(6000n);
    expect(credit.ok && credit.value.transaction.service).toBe('card_credit');
  });

  it('after the cutoff time a sale belongs to the next business date', async () => {
    world.clock.set('2026-11-24T15:30:00Z'); // 23:30 Shanghai
    const result = await pos.sale(500n);
    expect(result.ok && result.value.transaction.businessDate).toBe('2026-11-25');
    world.clock.set('2026-11-24T03:00:00Z');
  });

  it.each([
    [TEST_CARDS.insufficientFunds, 'insufficient_funds'],
    [TEST_CARDS.wrongPin, 'wrong_pin'],
    [TEST_CARDS.expired, 'card_expired'],
    [TEST_CARDS.declined, 'card_declined'],
    [TEST_CARDS.timeout, 'network_timeout'],
  ] as const)(
    'declines test card %s with %s and records nothing in the ledger',
    async (pan, code) => {
      const before = await world.engine.merchantBalance(world.merchant.id);
      const result = await pos.sale(1_234n, pan);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.outcome.code).toBe(code);
      expect(await world.engine.merchantBalance(world.merchant.id)).toEqual(before);
    },
  );

  it('a timeout leaves nothing charged at the network: the host reversed it', async () => {
    const charged = world.network.chargedFen();
    await pos.sale(777n, TEST_CARDS.timeout);
    expect(world.network.chargedFen()).toBe(charged);
  });

  it('declines a card whose expiry date has passed', async () => {
    const result = await pos.sale(100n, TEST_CARDS.debit, '2510');
    expect(!result.ok && result.outcome.code).toBe('card_expired');
  });

  it('refuses a non-positive amount and a malformed card number', async () => {
    const zero = await pos.sale(0n);
    const badPan = await pos.sale(100n, '1234');
    expect(!zero.ok && zero.outcome.code).toBe('invalid_amount');
    expect(!badPan.ok && badPan.outcome.code).toBe('invalid_card_number');
  });

  it('refuses an unknown terminal', async () => {
    const result = await world.engine.sale({
      terminalId: 'ZZZZ9999',
      batchNo: 1,
      voucherNo: 1,
      amountFen: 100n,
      method: 'card',
      card: { pan: TEST_CARDS.debit },
    });
    expect(!result.ok && result.outcome.code).toBe('terminal_not_found');
  });

  it('refuses a batch number the terminal does not have open', async () => {
    const result = await world.engine.sale({
      terminalId: pos.terminalId,
      batchNo: 42,
      voucherNo: 900_001,
      amountFen: 100n,
      method: 'card',
      card: { pan: TEST_CARDS.debit },
    });
    expect(!result.ok && result.outcome.code).toBe('batch_not_open');
  });

  it('QR payments use their own service and rate', async () => {
    const result = await world.engine.sale({
      ...pos.next(),
      amountFen: 10_000n,
      method: 'wechat_pay',
      payerCode: '134567890123456789',
    });
    expect(result.ok && result.value.transaction.service).toBe('wechat_pay');
    expect(result.ok && result.value.transaction.feeFen).toBe(38n);
    expect(result.ok && result.value.transaction.panMasked).toBe(null);
  });
});

describe('sale refusals by the state of terminal, merchant and service', () => {
  it('refuses when the merchant has no active service for the payment', async () => {
    const m = world.merchants[1];
    if (!m) throw new Error('second merchant missing');
    const other = new TestPos(world.engine, m.terminalIds[0] ?? '');
    await setup.setServiceStatus(world.db, {
      merchantId: m.id,
      service: 'card_credit',
      status: 'revoked',
      at: world.clock.now(),
    });
    const credit = await other.sale(100n, TEST_CARDS.credit);
    const debit = await other.sale(100n, TEST_CARDS.debit);
    expect(!credit.ok && credit.outcome.code).toBe('service_not_active');
    expect(debit.ok).toBe(true);
  });

  it('refuses when no fee rate is configured for the service', async () => {
    const at = world.clock.now();
    const planId = world.ids.next();
    const merchantId = world.ids.next();
    await setup.createFeePlan(world.db, { id: planId, name: 'debit only', at, rates: [] });
    await setup.createMerchant(world.db, {
      id: merchantId,
      merchantNo: '898310000000777',
      name: '无费率商户',
      merchantType: 'individual',
      feePlanId: planId,
      services: ['card_debit'],
      at,
    });
    await setup.createTerminal(world.db, {
      terminalId: 'NORATE01',
      merchantId,
      serialNo: 'SN-NR',
      at,
    });
    await world.engine.signIn({ terminalId: 'NORATE01' });
    const result = await new TestPos(world.engine, 'NORATE01').sale(100n);
    expect(!result.ok && result.outcome.code).toBe('fee_rate_missing');
  });

  it('charges the rate in force at the moment of the sale, never a later one', async () => {
    const m = world.merchants[1];
    if (!m) throw new Error('second merchant missing');
    const other = new TestPos(world.engine, m.terminalIds[0] ?? '');
    other.voucherNo = 300;
    const effectiveFrom = new Date(world.clock.now().getTime() + 60_000);
    await setup.addMerchantRate(world.db, {
      id: world.ids.next(),
      merchantId: m.id,
      service: 'card_debit',
      rateBps: 100,
      capFen: null,
      effectiveFrom,
      at: world.clock.now(),
    });
    const before = await other.sale(10_000n);
    world.clock.advance(60_000);
    const after = await other.sale(10_000n);
    expect(before.ok && before.value.transaction.feeFen).toBe(50n);
    expect(after.ok && after.value.transaction.feeFen).toBe(100n);
    expect(after.ok && after.value.transaction.feeRateBps).toBe(100);
  });

  it('refuses a frozen terminal, an inactive merchant and a signed-off terminal', async () => {
    const m = world.merchants[1];
    if (!m) throw new Error('second merchant missing');
    const terminalId = m.terminalIds[0] ?? '';
    const other = new TestPos(world.engine, terminalId);
    other.voucherNo = 200;
    await setup.setTerminalStatus(world.db, { terminalId, status: 'frozen', reason: 'lost' });
    const frozen = await other.sale(100n);
    await setup.setTerminalStatus(world.db, { terminalId, status: 'deactivated' });
    const inactive = await other.sale(100n);
    await setup.setTerminalStatus(world.db, { terminalId, status: 'active' });
    await setup.setMerchantStatus(world.db, { merchantId: m.id, status: 'suspended' });
    const merchant = await other.sale(100n);
    await setup.setMerchantStatus(world.db, { merchantId: m.id, status: 'active' });
    world.clock.advance(1000);
    await world.engine.signOff({ terminalId });
    const signedOff = await other.sale(100n);
    world.clock.advance(1000);
    await world.engine.signIn({ terminalId });
    const again = await other.sale(100n);
    expect(!frozen.ok && frozen.outcome.code).toBe('terminal_frozen');
    expect(!inactive.ok && inactive.outcome.code).toBe('terminal_not_active');
    expect(!merchant.ok && merchant.outcome.code).toBe('merchant_not_active');
    expect(!signedOff.ok && signedOff.outcome.code).toBe('terminal_not_signed_in');
    expect(again.ok).toBe(true);
  });
});
