// Goal: account deregistration (注销账户) end to end: the checklist shows each unmet pre-check, a
// blocked merchant cannot apply (and nothing is written), each check is resolved the way a
// merchant would (terminal settlement, cutoff and merchant settlement, payouts paid, terminals
// returned or reported lost), the application is reviewed by another person with the right role,
// re-checked at approval, and carried out: account closed, deposit and unused fees refunded
// through the ledger, closure recorded, users locked out, the phone free for a new merchant.
// Method: the API through inject on a test database with the world's engine and fake clock.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateOf } from '@shoudan/core';
import { platform, schema, setup } from '@shoudan/db';
import { TestPos } from '@shoudan/db/testing';
import { recordDemoCharges } from '../../src/seed/demo-charges.ts';
import { type Caller, type Harness, PASSWORD, startHarness } from './harness.ts';

let h: Harness;

function merchant(i: number) {
  const m = h.world.merchants[i];
  if (!m) throw new Error(`no merchant ${i}`);
  return { ...m, t1: m.terminalIds[0] ?? '', t2: m.terminalIds[1] ?? '' };
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await h.db.execute(query)) as unknown as { rows: { n: unknown }[] };
  return Number(result.rows[0]?.n);
}

/** What a merchant has written anywhere a submission would write. */
async function footprint(merchantId: string) {
  return {
    applications: await count(
      sql`select count(*) as n from application where merchant_id = ${merchantId}::uuid`,
    ),
    audit: await count(
      sql`select count(*) as n from audit_log where merchant_id = ${merchantId}::uuid`,
    ),
    notifications: await count(
      sql`select count(*) as n from notification where merchant_id = ${merchantId}::uuid`,
    ),
    keys: await count(sql`select count(*) as n from idempotency_key`),
  };
}

const failing = (body: { checks: { key: string; passed: boolean }[] }) =>
  body.checks.filter((c) => !c.passed).map((c) => c.key);

const submit = (as: Caller, reason: string, key?: string) =>
  h.call('POST', '/v1/merchant/deregistration', {
    as,
    body: { reason },
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

beforeAll(async () => {
  h = await startHarness({ merchants: 2, terminalsPerMerchant: 2 });
  const a = merchant(0);
  // A deposit of ¥99 for the terminal and a year of service fees, ¥365, paid in January.
  await h.db.transaction(async (tx) => {
    for (const charge of [
      {
        kind: 'deposit' as const,
        amountFen: 9_900n,
        coversFrom: null,
        coversUntil: null,
      },
      {
        kind: 'service_fee' as const,
        amountFen: 36_500n,
        coversFrom: '2026-01-01',
        coversUntil: '2026-12-31',
      },
    ]) {
      await platform.deregistration.recordCharge(tx, {
        charge: {
          id: h.world.ids.next(),
          merchantId: a.id,
          service: null,
          paidAt: new Date('2026-01-05T02:00:00Z'),
          ...charge,
        },
        entryId: h.world.ids.next(),
        businessDate: '2026-01-05',
      });
    }
  });
  expect((await h.world.engine.checkLedger()).ok).toBe(true);
});
afterAll(() => h.close());

describe('the deregistration of merchant A, end to end', () => {
  let posA1: TestPos;
  let apiKey: string;
  let applicationId: string;
  let owner: Caller & { phone: string };

  it('lists unmet pre-checks with what to do; submitting is refused, nothing written', async () => {
    const a = merchant(0);
    posA1 = new TestPos(h.world.engine, a.t1);
    const sale = await posA1.sale(10_000n);
    expect(sale.ok).toBe(true);
    const cashier = await h.merchantUser({ merchantId: a.id, role: 'cashier' });
    const listed = await h.call('GET', '/v1/merchant/deregistration/checklist', { as: cashier });
    expect(listed.status).toBe(200);
    expect(listed.body.passed).toBe(false);
    expect(failing(listed.body)).toEqual([
      'batches_settled',
      'sales_settled',
      'balances_zero',
      'terminals_returned',
    ]);
    const batches = listed.body.checks.find((c: { key: string }) => c.key === 'batches_settled');
    expect(batches).toMatchObject({
      passed: false,
      message: { zh: '1 个终端批次尚有交易未结算' },
      action: { en: 'Settle the batch (结算) on each terminal listed' },
      detail: { batches: [{ terminalId: a.t1, batchNo: 1, transactionCount: 1 }] },
    });
    // ¥365 over 365 days, closed on 11-24: 37 days (11-25 … 12-31) come back.
    expect(listed.body.refundEstimate).toEqual({
      asOf: '2026-11-24',
      depositRefundFen: '9900',
      feeRefundFen: '3700',
    });

    owner = await h.merchantUser({ merchantId: a.id });
    const before = await footprint(a.id);
    const refused = await submit(owner, '停止营业', 'dereg-1');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('deregistration_blocked');
    expect(refused.body.detail).toEqual({
      failedChecks: 'batches_settled,sales_settled,balances_zero,terminals_returned',
      failedCount: 4,
    });
    expect(await footprint(a.id)).toEqual(before);
  });

  it('lets only the owner apply, in a session, with a reason', async () => {
    const a = merchant(0);
    const cashier = await h.merchantUser({ merchantId: a.id, role: 'cashier' });
    const byCashier = await submit(cashier, '停止营业');
    expect(byCashier.status).toBe(403);
    expect(byCashier.body.code).toBe('forbidden');
    const made = await h.call('POST', '/v1/merchant/api-keys', {
      as: owner,
      body: { name: 'ERP' },
    });
    expect(made.status).toBe(201);
    apiKey = String(made.body.secret);
    const byKey = await submit({ bearer: apiKey }, '停止营业');
    expect(byKey.status).toBe(403);
    const keyReads = await h.call('GET', '/v1/merchant/deregistration/checklist', {
      as: { bearer: apiKey },
    });
    expect(keyReads.status).toBe(403);
    const reviewer = await h.staff(['reviewer']);
    const staffReads = await h.call('GET', '/v1/merchant/deregistration/checklist', {
      as: reviewer,
    });
    expect(staffReads.body.code).toBe('forbidden');
    const anonymous = await h.call('GET', '/v1/merchant/deregistration/checklist');
    expect(anonymous.body.code).toBe('unauthenticated');
    const forged = await h.call('POST', '/v1/merchant/deregistration', {
      as: owner,
      body: { reason: '停止营业' },
      noCsrf: true,
    });
    expect(forged.body.code).toBe('csrf_token_invalid');
    const blank = await submit(owner, '   ');
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ code: 'validation_failed', param: 'reason' });
    const none = await h.call('POST', '/v1/merchant/deregistration', { as: owner, body: {} });
    expect(none.body).toMatchObject({ code: 'validation_failed', param: 'reason' });
  });

  it('passes once the batch and the day are settled, paid, and terminals returned', async () => {
    const a = merchant(0);
    const settled = await posA1.settle();
    expect(settled.ok).toBe(true);
    const cashier = await h.merchantUser({ merchantId: a.id, role: 'cashier' });
    const afterBatch = await h.call('GET', '/v1/merchant/deregistration/checklist', {
      as: cashier,
    });
    expect(failing(afterBatch.body)).toEqual([
      'sales_settled',
      'balances_zero',
      'terminals_returned',
    ]);

    // 23:00 in Shanghai: the cutoff of 11-24, then the merchants' settlement of the day.
    h.world.clock.set('2026-11-24T15:00:05Z');
    expect((await h.world.engine.cutoff({ businessDate: '2026-11-24' })).ok).toBe(true);
    expect((await h.world.engine.settleMerchants({ businessDate: '2026-11-24' })).ok).toBe(true);
    // The day is cut off: a void of its sale is refused with the refund hint, through the engine.
    const tooLate = await posA1.voidSale({ batchNo: 1, voucherNo: 1 }, 10_000n);
    expect(tooLate.ok ? 'approved' : tooLate.outcome.code).toBe('void_window_closed');
    const late = await h.merchantUser({ merchantId: a.id, role: 'cashier' });
    const afterSettlement = await h.call('GET', '/v1/merchant/deregistration/checklist', {
      as: late,
    });
    expect(failing(afterSettlement.body)).toEqual(['payouts_paid', 'terminals_returned']);
    const payouts = afterSettlement.body.checks.find(
      (c: { key: string }) => c.key === 'payouts_paid',
    );
    expect(payouts.detail.payouts).toEqual([
      { businessDate: '2026-11-24', payableDate: '2026-11-25', payoutFen: '9950' },
    ]);

    // The bank confirms the payout; one terminal comes back, the other was lost.
    const finance = await h.staff(['finance']);
    const paidBody = { merchantId: a.id, upTo: '2026-11-24', bankReference: 'CNAPS-0001' };
    const notFinance = await h.call('POST', '/v1/ops/settlements/payouts-paid', {
      as: await h.staff(['support']),
      body: paidBody,
    });
    expect(notFinance.status).toBe(403);
    const paid = await h.call('POST', '/v1/ops/settlements/payouts-paid', {
      as: finance,
      body: paidBody,
    });
    expect(paid.body).toEqual({ settlementsPaid: 1 });
    await setup.setTerminalStatus(h.db, { terminalId: a.t1, status: 'deactivated' });
    await setup.setTerminalStatus(h.db, { terminalId: a.t2, status: 'frozen', reason: 'lost' });
    const clear = await h.call('GET', '/v1/merchant/deregistration/checklist', { as: late });
    expect(clear.body.passed).toBe(true);
    expect(failing(clear.body)).toEqual([]);
    expect(clear.body.merchantStatus).toBe('active');
  });

  it('submits once under an Idempotency-Key, replays it, and keeps one open', async () => {
    owner = await h.merchantUser({ merchantId: merchant(0).id });
    // The key of the refused request was not kept: it may be used again.
    const made = await submit(owner, '停止营业', 'dereg-1');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      kind: 'deregistration',
      status: 'submitted',
      merchantId: merchant(0).id,
      reason: '停止营业',
      payload: { refundEstimate: { depositRefundFen: '9900', feeRefundFen: '3700' } },
    });
    applicationId = String(made.body.id);
    const replay = await submit(owner, '停止营业', 'dereg-1');
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(made.body);
    const reused = await submit(owner, '另一个原因', 'dereg-1');
    expect(reused.body.code).toBe('idempotency_key_reused');
    const again = await submit(owner, '停止营业', 'dereg-2');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('application_already_open');

    const view = await h.call('GET', '/v1/merchant/deregistration', { as: owner });
    expect(view.status).toBe(200);
    expect(view.body.application).toMatchObject({ id: applicationId, status: 'submitted' });
    expect(view.body.closure).toBeNull();
    expect(view.body.charges.map((c: { kind: string }) => c.kind)).toEqual([
      'deposit',
      'service_fee',
    ]);
  });

  it("hides it from another merchant's users", async () => {
    const other = await h.merchantUser({ merchantId: merchant(1).id });
    const read = await h.call('GET', `/v1/merchant/applications/${applicationId}`, { as: other });
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('not_found');
    const withdraw = await h.call('POST', `/v1/merchant/applications/${applicationId}/withdraw`, {
      as: other,
    });
    expect(withdraw.status).toBe(404);
    const mine = await h.call('GET', '/v1/merchant/deregistration', { as: other });
    expect(mine.body.application).toBeNull();
  });

  it('is approved by a reviewer only, once, and closes and refunds the account', async () => {
    const support = await h.staff(['support']);
    const wrongRole = await h.call('POST', `/v1/ops/applications/${applicationId}/approve`, {
      as: support,
      body: {},
    });
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.code).toBe('forbidden');
    const reviewer = await h.staff(['reviewer']);
    const approved = await h.call('POST', `/v1/ops/applications/${applicationId}/approve`, {
      as: reviewer,
      body: { comment: '已核实' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('executed');
    const a = merchant(0);
    expect(approved.body.result).toMatchObject({
      closedAt: '2026-11-24T15:00:05.000Z',
      depositRefundFen: '9900',
      feeRefundFen: '3700',
      refundFen: '13600',
      feeEarnedFen: '32800',
      terminalsDeactivated: [a.t2],
      servicesRevoked: ['alipay', 'card_credit', 'card_debit', 'unionpay_qr', 'wechat_pay'],
      apiKeysRevoked: 1,
    });
    expect(approved.body.result.usersDisabled).toBeGreaterThanOrEqual(5);
    expect(approved.body.result.journalEntryIds).toHaveLength(2);
    const twice = await h.call('POST', `/v1/ops/applications/${applicationId}/approve`, {
      as: reviewer,
      body: {},
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('application_not_pending');
  });

  it('leaves the books sound and the closure on record for staff', async () => {
    const a = merchant(0);
    const report = await h.world.engine.checkLedger();
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    const held = await h.world.stores.ledger.balances(a.id);
    const balance = (account: string) =>
      held.find((b) => b.account === account && b.merchantId === a.id)?.balanceFen ?? 0n;
    expect(balance('merchant_deposit')).toBe(0n);
    expect(balance('prepaid_fee')).toBe(0n);
    expect(balance('charge_receipts')).toBe(9_900n + 36_500n - 13_600n);

    const finance = await h.staff(['finance']);
    const closure = await h.call('GET', `/v1/ops/merchants/${a.id}/closure`, { as: finance });
    expect(closure.status).toBe(200);
    expect(closure.body).toMatchObject({
      merchantId: a.id,
      applicationId,
      closedAt: '2026-11-24T15:00:05.000Z',
      depositRefundFen: '9900',
      feeRefundFen: '3700',
      feeEarnedFen: '32800',
      refundFen: '13600',
    });
    expect(closure.body.journalEntryIds).toHaveLength(2);
    expect(closure.body.charges.map((c: { refundFen: string }) => c.refundFen)).toEqual([
      '9900',
      '3700',
    ]);
    const ops = await h.staff(['ops']);
    expect((await h.call('GET', `/v1/ops/merchants/${a.id}/closure`, { as: ops })).status).toBe(
      403,
    );
    const open = await h.call('GET', `/v1/ops/merchants/${merchant(1).id}/closure`, {
      as: finance,
    });
    expect(open.status).toBe(404);
    expect(open.body).toMatchObject({ code: 'not_found', param: 'id' });
    const badId = await h.call('GET', '/v1/ops/merchants/nope/closure', { as: finance });
    expect(badId.body).toMatchObject({ code: 'validation_failed', param: 'id' });

    const [note] = await h.db.select().from(schema.notifications)
      .where(sql`${schema.notifications.merchantId} = ${a.id}::uuid
        and ${schema.notifications.kind} = 'application.executed'`);
    expect(note?.detail).toMatchObject({ result: { refundFen: '13600' } });
  });

  it('closes merchant, terminals, services, users and keys; the engine declines', async () => {
    const a = merchant(0);
    const [row] = await h.db
      .select()
      .from(schema.merchants)
      .where(sql`${schema.merchants.id} = ${a.id}::uuid`);
    expect(row).toMatchObject({ status: 'closed', closedAt: new Date('2026-11-24T15:00:05Z') });
    const terminals = await platform.terminals.listTerminals(h.db, a.id);
    expect(terminals.map((t) => t.status)).toEqual(['deactivated', 'deactivated']);
    const services = await h.db
      .select()
      .from(schema.merchantServices)
      .where(sql`${schema.merchantServices.merchantId} = ${a.id}::uuid`);
    expect(new Set(services.map((s) => s.status))).toEqual(new Set(['revoked']));

    expect((await h.call('GET', '/v1/session', { as: owner })).status).toBe(401);
    const signIn = await h.call('POST', '/v1/merchant/session', {
      body: { phone: owner.phone, password: PASSWORD },
    });
    expect(signIn.status).toBe(401);
    expect(signIn.body.code).toBe('invalid_credentials');
    const byKey = await h.call('GET', '/v1/merchant/deregistration', { as: { bearer: apiKey } });
    expect(byKey.body.code).toBe('unauthenticated');

    const sale = await posA1.sale(1_000n);
    expect(!sale.ok && sale.outcome.code).toBe('terminal_not_active');
    const lost = new TestPos(h.world.engine, a.t2);
    const lostSale = await lost.sale(1_000n);
    expect(!lostSale.ok && lostSale.outcome.code).toBe('terminal_not_active');
  });

  it('frees the phone number for a user of a new merchant', async () => {
    const at = h.world.clock.now();
    const id = h.world.ids.next();
    await setup.createMerchant(h.db, {
      id,
      merchantNo: '898310000000099',
      name: '新商户',
      merchantType: 'individual',
      feePlanId: h.world.planId,
      services: ['card_debit'],
      at,
    });
    const [old] = await h.db
      .select()
      .from(schema.merchantUsers)
      .where(sql`${schema.merchantUsers.phone} = ${owner.phone}`);
    expect(old?.status).toBe('disabled');
    await platform.identity.insertMerchantUser(h.db, {
      id: h.world.ids.next(),
      merchantId: id,
      phone: owner.phone,
      name: '店主',
      role: 'owner',
      passwordHash: old?.passwordHash ?? '',
      status: 'active',
      failedLogins: 0,
      lockedUntil: null,
      createdAt: at,
    });
    const signed = await h.call('POST', '/v1/merchant/session', {
      body: { phone: owner.phone, password: PASSWORD },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.merchantId).toBe(id);
  });
});

describe('merchant B: what changed since submission is caught at approval', () => {
  it('refuses approval after a new sale, keeps the application; it is withdrawn', async () => {
    const b = merchant(1);
    await setup.setTerminalStatus(h.db, { terminalId: b.t1, status: 'deactivated' });
    await setup.setTerminalStatus(h.db, { terminalId: b.t2, status: 'deactivated' });
    const owner = await h.merchantUser({ merchantId: b.id });
    const made = await submit(owner, '转让店铺');
    expect(made.status).toBe(201);
    const id = String(made.body.id);

    // The terminal is put back in use by mistake and takes a sale before the review.
    await setup.setTerminalStatus(h.db, { terminalId: b.t1, status: 'active' });
    const sale = await new TestPos(h.world.engine, b.t1).sale(5_000n);
    expect(sale.ok).toBe(true);
    const reviewer = await h.staff(['reviewer']);
    const refused = await h.call('POST', `/v1/ops/applications/${id}/approve`, {
      as: reviewer,
      body: {},
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('deregistration_blocked');
    expect(refused.body.detail.failedChecks).toBe(
      'batches_settled,sales_settled,balances_zero,terminals_returned',
    );
    const still = await h.call('GET', `/v1/merchant/applications/${id}`, { as: owner });
    expect(still.body.status).toBe('submitted');
    expect(await platform.deregistration.findClosure(h.db, b.id)).toBeUndefined();
    const [row] = await h.db
      .select()
      .from(schema.merchants)
      .where(sql`${schema.merchants.id} = ${b.id}::uuid`);
    expect(row?.status).toBe('active');

    const withdrawn = await h.call('POST', `/v1/merchant/applications/${id}/withdraw`, {
      as: owner,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const view = await h.call('GET', '/v1/merchant/deregistration', { as: owner });
    expect(view.body.application).toMatchObject({ id, status: 'withdrawn' });
    expect(businessDateOf(h.world.clock.now(), '23:00')).toBe('2026-11-25');
  });

  it('answers merchant_closed for a closed merchant', async () => {
    const b = merchant(1);
    const owner = await h.merchantUser({ merchantId: b.id });
    await setup.setMerchantStatus(h.db, { merchantId: b.id, status: 'closed' });
    const refused = await submit(owner, '转让店铺');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('merchant_closed');
    await setup.setMerchantStatus(h.db, { merchantId: b.id, status: 'active' });
  });

  it("shows the demo seed's charges: a ¥99 deposit and a year of fees", async () => {
    const b = merchant(1);
    const at = h.world.clock.now();
    await recordDemoCharges(h.db, { ids: h.world.ids, rules: h.world.rules, merchantId: b.id, at });
    const owner = await h.merchantUser({ merchantId: b.id });
    const view = await h.call('GET', '/v1/merchant/deregistration', { as: owner });
    expect(view.body.charges).toMatchObject([
      { kind: 'deposit', amountFen: '9900', coversFrom: null, refundFen: null },
      {
        kind: 'service_fee',
        amountFen: '36500',
        coversFrom: '2026-11-24',
        coversUntil: '2027-11-23',
        refundFen: null,
      },
    ]);
    expect((await h.world.engine.checkLedger()).ok).toBe(true);
  });
});
