// Goal: rate changes (调价) keep their promises: announced at least the notice period ahead,
// proposed by one staff member and approved by another (maker-checker), scheduled as a new rate
// that the engine charges only from its effective time (an earlier sale keeps its fee), and shown
// to every merchant they reach. Method: the API through inject on a test database, sales through
// the world's engine with TestPos, the fake clock moved past the effective time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@shoudan/core';
import { platform, schema, setup } from '@shoudan/db';
import { TestPos } from '@shoudan/db/testing';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { type Caller, type Harness, startHarness } from './harness.ts';

const DAY_MS = 86_400_000;

let h: Harness;
let maker: Caller & { readonly id: string };
let checker: Caller;
let finance: Caller;
let planId: string;
/** Merchant 0 and 1 are on the plan's rates; merchant 2 has a debit rate of its own. */
let merchantIds: string[];

beforeAll(async () => {
  h = await startHarness({ merchants: 3, terminalsPerMerchant: 1 });
  planId = h.world.planId;
  merchantIds = h.world.merchants.map((m) => m.id);
  await setup.addMerchantRate(h.db, {
    id: h.world.ids.next(),
    merchantId: merchantIds[2] ?? '',
    service: 'card_debit',
    rateBps: 45,
    capFen: 1_800n,
    effectiveFrom: new Date('2024-01-01T00:00:00Z'),
    at: h.world.clock.now(),
  });
  maker = await h.staff(['ops']);
  checker = await h.staff(['ops']);
  finance = await h.staff(['finance']);
});
afterAll(() => h.close());

const inDays = (days: number, extraMs = 0) =>
  new Date(h.world.clock.now().getTime() + days * DAY_MS + extraMs).toISOString();

function propose(body: Record<string, unknown>, as: Caller = maker, headers = {}) {
  return h.call('POST', '/v1/ops/rate-changes', {
    as,
    headers,
    body: { service: 'card_debit', rateBps: 60, capFen: '2500', reason: '成本调整', ...body },
  });
}

function approve(id: string, as: Caller = checker) {
  return h.call('POST', `/v1/ops/applications/${id}/approve`, { as, body: {} });
}

const applicationCount = () => h.db.$count(schema.applications);

async function announcementsOf(merchantId: string) {
  const rows = await platform.notifications.listNotifications(h.db, merchantId, {
    unreadOnly: false,
    limit: 100,
  });
  return rows.filter((n) => n.kind === 'rate_change.announced');
}

describe('the notice period', () => {
  it('is a setting of whole days, 30 by default', () => {
    expect(loadConfig({}).rateChangeNoticeDays).toBe(30);
    expect(loadConfig({ RATE_CHANGE_NOTICE_DAYS: '7' }).rateChangeNoticeDays).toBe(7);
    expect(() => loadConfig({ RATE_CHANGE_NOTICE_DAYS: '366' })).toThrow(/RATE_CHANGE_NOTICE_DAYS/);
  });

  it('refuses an effective time less than the notice period ahead, or in the past', async () => {
    expect(h.services.config.rateChangeNoticeDays).toBe(30);
    const before = await applicationCount();
    const early = await propose({ feePlanId: planId, effectiveFrom: inDays(29) });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('rate_change_notice_too_short');
    expect(early.body.param).toBe('effectiveFrom');
    expect(early.body.detail.earliest).toBe(inDays(30));
    const past = await propose({ feePlanId: planId, effectiveFrom: inDays(-1) });
    expect(past.body.code).toBe('rate_change_notice_too_short');
    expect(await applicationCount()).toBe(before);
  });

  it('counts the notice again from the approval', async () => {
    const proposed = await propose({
      merchantId: merchantIds[1],
      service: 'wechat_pay',
      rateBps: 35,
      capFen: null,
      effectiveFrom: inDays(30, 60_000),
    });
    expect(proposed.status).toBe(201);
    h.world.clock.advance(120_000);
    const late = await approve(String(proposed.body.id));
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('rate_change_notice_too_short');
    const still = await h.call('GET', `/v1/ops/applications/${proposed.body.id}`, { as: checker });
    expect(still.body.status).toBe('submitted');
    const rejected = await h.call('POST', `/v1/ops/applications/${proposed.body.id}/reject`, {
      as: checker,
      body: { comment: '生效时间已不足公告期' },
    });
    expect(rejected.body.status).toBe('rejected');
  });
});

describe('a fee plan change, maker-checker', () => {
  let effectiveFrom: string;
  let applicationId: string;

  it('is proposed by one staff member and never approved by the same one', async () => {
    effectiveFrom = inDays(31);
    const proposed = await propose({ feePlanId: planId, effectiveFrom });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      kind: 'rate_change',
      status: 'submitted',
      merchantId: null,
      submittedBy: { kind: 'staff', id: maker.id },
      payload: {
        scope: 'plan',
        feePlanId: planId,
        merchantId: null,
        service: 'card_debit',
        rateBps: 60,
        capFen: '2500',
        effectiveFrom,
      },
    });
    applicationId = String(proposed.body.id);
    const own = await approve(applicationId, maker);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('own_application');
    const reviewerOnly = await approve(applicationId, await h.staff(['reviewer']));
    expect(reviewerOnly.status).toBe(403);
    expect(reviewerOnly.body.code).toBe('forbidden');
    const again = await propose({ feePlanId: planId, effectiveFrom: inDays(40) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('application_already_open');
  });

  it('is scheduled on approval by another, and reaches the merchants on plan rates', async () => {
    const approved = await approve(applicationId, finance);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('executed');
    expect(approved.body.result).toMatchObject({ effectiveFrom, merchantsNotified: 2 });
    const rows = await h.db
      .select()
      .from(schema.feeRates)
      .where(eq(schema.feeRates.id, String(approved.body.result.feeRateId)));
    expect(rows[0]).toMatchObject({ feePlanId: planId, rateBps: 60, capFen: 2_500n });
    expect(rows[0]?.effectiveFrom.toISOString()).toBe(effectiveFrom);
    for (const merchantId of merchantIds.slice(0, 2)) {
      const notes = await announcementsOf(merchantId);
      expect(notes).toHaveLength(1);
      expect(notes[0]?.body).toContain('0.60%');
      expect(notes[0]?.body).toContain('25.00');
    }
    // Merchant 2's own debit rate comes first: the plan's change does not reach it.
    expect(await announcementsOf(merchantIds[2] ?? '')).toHaveLength(0);
  });

  it('shows the merchants it reaches the change, to come, beside the rate in force', async () => {
    const owner = await h.merchantUser({ merchantId: merchantIds[0] });
    const history = await h.call('GET', '/v1/merchant/rate-changes', { as: owner });
    expect(history.status).toBe(200);
    expect(history.body.data).toEqual([
      expect.objectContaining({
        id: applicationId,
        scope: 'plan',
        service: 'card_debit',
        rateBps: 60,
        capFen: '2500',
        effectiveFrom,
        state: 'upcoming',
        previousRate: expect.objectContaining({ rateBps: 50, capFen: '2000' }),
      }),
    ]);
    const services = await h.call('GET', '/v1/merchant/services', { as: owner });
    const debit = services.body.data.find((s: { service: string }) => s.service === 'card_debit');
    expect(debit.rate.rateBps).toBe(50);
    expect(debit.upcomingRates).toEqual([
      { rateBps: 60, capFen: '2500', effectiveFrom, scope: 'plan' },
    ]);
    const ownRated = await h.merchantUser({ merchantId: merchantIds[2] });
    const none = await h.call('GET', '/v1/merchant/rate-changes', { as: ownRated });
    expect(none.body.data).toEqual([]);
  });

  it('refuses a second rate of the plan taking effect at the same instant', async () => {
    const before = await applicationCount();
    const same = await propose({ feePlanId: planId, effectiveFrom, rateBps: 65 });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('rate_already_scheduled');
    expect(same.body.param).toBe('effectiveFrom');
    expect(await applicationCount()).toBe(before);
  });
});

describe("a merchant's own rate change", () => {
  it('reaches that merchant alone', async () => {
    const proposed = await propose(
      {
        merchantId: merchantIds[1],
        service: 'alipay',
        rateBps: 30,
        capFen: null,
        effectiveFrom: inDays(45),
      },
      finance,
    );
    expect(proposed.status).toBe(201);
    expect(proposed.body.merchantId).toBe(merchantIds[1]);
    const approved = await approve(String(proposed.body.id), maker);
    expect(approved.status).toBe(200);
    expect(approved.body.result.merchantsNotified).toBe(1);
    const notes = await announcementsOf(merchantIds[1] ?? '');
    expect(notes.map((n) => (n.detail as { service: string }).service)).toContain('alipay');
    expect(
      (await announcementsOf(merchantIds[0] ?? '')).map(
        (n) => (n.detail as { service: string }).service,
      ),
    ).toEqual(['card_debit']);
    const theirs = await h.merchantUser({ merchantId: merchantIds[1] });
    const history = await h.call('GET', '/v1/merchant/rate-changes', { as: theirs });
    expect(history.body.data.map((c: { service: string }) => c.service)).toEqual([
      'alipay',
      'card_debit',
    ]);
    expect(history.body.data[0]).toMatchObject({ scope: 'merchant', rateBps: 30, capFen: null });
    const other = await h.merchantUser({ merchantId: merchantIds[0] });
    const otherHistory = await h.call('GET', '/v1/merchant/rate-changes', { as: other });
    expect(otherHistory.body.data.map((c: { service: string }) => c.service)).toEqual([
      'card_debit',
    ]);
  });

  it('answers not_found for an unknown merchant or plan', async () => {
    const unknown = '0190b2a0-0000-7000-8000-000000000000';
    const merchant = await propose({ merchantId: unknown, effectiveFrom: inDays(31) });
    expect(merchant.status).toBe(404);
    expect(merchant.body).toMatchObject({ code: 'not_found', param: 'merchantId' });
    const plan = await propose({ feePlanId: unknown, effectiveFrom: inDays(31) });
    expect(plan.body).toMatchObject({ code: 'not_found', param: 'feePlanId' });
  });
});

describe('who may do what', () => {
  it('lets ops and finance propose, and no merchant, support or reviewer', async () => {
    const owner = await h.merchantUser({ merchantId: merchantIds[0] });
    const body = { feePlanId: planId, service: 'unionpay_qr', effectiveFrom: inDays(50) };
    const byMerchant = await propose(body, owner);
    expect(byMerchant.status).toBe(403);
    expect(byMerchant.body.code).toBe('forbidden');
    for (const roles of [['support'], ['reviewer']] as const) {
      const refused = await propose(body, await h.staff(roles));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    const forged = await h.call('POST', '/v1/ops/rate-changes', {
      as: maker,
      body: { ...body, rateBps: 40, reason: 'x' },
      noCsrf: true,
    });
    expect(forged.body.code).toBe('csrf_token_invalid');
  });

  it('lists the changes to staff, by status and plan, and to no merchant', async () => {
    const support = await h.staff(['support']);
    const all = await h.call('GET', '/v1/ops/rate-changes', { as: support });
    expect(all.status).toBe(200);
    expect(all.body.data.every((a: { kind: string }) => a.kind === 'rate_change')).toBe(true);
    expect(all.body.data.length).toBeGreaterThanOrEqual(3);
    const executed = await h.call(
      'GET',
      `/v1/ops/rate-changes?status=executed&feePlanId=${planId}`,
      {
        as: support,
      },
    );
    expect(executed.body.data).toHaveLength(1);
    expect(executed.body.data[0].payload.service).toBe('card_debit');
    const byMerchant = await h.call(
      'GET',
      `/v1/ops/rate-changes?merchantId=${merchantIds[1]}&status=executed`,
      { as: support },
    );
    expect(
      byMerchant.body.data.map((a: { payload: { service: string } }) => a.payload.service),
    ).toEqual(['alipay']);
    const owner = await h.merchantUser({ merchantId: merchantIds[0] });
    const refused = await h.call('GET', '/v1/ops/rate-changes', { as: owner });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
  });
});

describe('validation', () => {
  it('names the bad field', async () => {
    const both = await propose({
      feePlanId: planId,
      merchantId: merchantIds[0],
      effectiveFrom: inDays(31),
    });
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ code: 'validation_failed', param: 'feePlanId' });
    const neither = await propose({ effectiveFrom: inDays(31) });
    expect(neither.body).toMatchObject({ code: 'validation_failed', param: 'feePlanId' });
    const cases: [Record<string, unknown>, string][] = [
      [{ rateBps: 10_001 }, 'rateBps'],
      [{ rateBps: 1.5 }, 'rateBps'],
      [{ capFen: '-1' }, 'capFen'],
      [{ capFen: 100 }, 'capFen'],
      [{ service: 'bitcoin' }, 'service'],
      [{ effectiveFrom: 'next month' }, 'effectiveFrom'],
      [{ reason: '' }, 'reason'],
    ];
    for (const [bad, param] of cases) {
      const refused = await propose({ feePlanId: planId, effectiveFrom: inDays(31), ...bad });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'validation_failed', param });
    }
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same key and body', async () => {
    const headers = { 'idempotency-key': 'rate-qr-1' };
    const body = {
      feePlanId: planId,
      service: 'unionpay_qr',
      rateBps: 40,
      effectiveFrom: inDays(60),
    };
    const before = await applicationCount();
    const first = await propose(body, maker, headers);
    const again = await propose(body, maker, headers);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await applicationCount()).toBe(before + 1);
    await h.call('POST', `/v1/ops/applications/${first.body.id}/reject`, {
      as: checker,
      body: { comment: '暂缓' },
    });
  });
});

describe('withdrawal', () => {
  it('is by the staff member who proposed it, before review, and frees its place', async () => {
    const body = {
      feePlanId: planId,
      service: 'wechat_pay',
      rateBps: 38,
      effectiveFrom: inDays(45),
    };
    const proposed = await propose(body);
    expect(proposed.status).toBe(201);
    const id = String(proposed.body.id);
    const url = `/v1/ops/applications/${id}/withdraw`;
    const other = await h.call('POST', url, { as: checker });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('forbidden');
    const withdrawn = await h.call('POST', url, { as: maker });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id, status: 'withdrawn' });
    const audited = await platform.audit.searchAudit(h.db, { objectId: id, limit: 10 });
    expect(audited.map((a) => a.action)).toContain('application.withdrawn');
    const late = await approve(id);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('application_not_pending');
    expect((await h.call('POST', url, { as: maker })).body.code).toBe('application_not_pending');
    // A withdrawn proposal no longer holds its plan and service: another may be proposed.
    const anew = await propose(body);
    expect(anew.status).toBe(201);
    await h.call('POST', `/v1/ops/applications/${anew.body.id}/reject`, {
      as: checker,
      body: { comment: '暂缓' },
    });
  });
});

describe('never retroactive', () => {
  it('charges the old rate before the effective time, the new after; old fees stay', async () => {
    const merchant = h.world.merchants[0];
    if (!merchant) throw new Error('no merchant');
    const pos = new TestPos(h.world.engine, merchant.terminalIds[0] ?? '');
    const effectiveFrom = inDays(32);
    const proposed = await propose({
      feePlanId: planId,
      service: 'card_credit',
      rateBps: 80,
      capFen: null,
      effectiveFrom,
    });
    expect((await approve(String(proposed.body.id))).status).toBe(200);
    const before = await pos.sale(10_000n, TEST_CARDS.credit);
    expect(before.ok && before.value.transaction.feeFen).toBe(60n);
    // A moment before the effective time the old rate still applies.
    h.world.clock.set(new Date(new Date(effectiveFrom).getTime() - 1));
    const justBefore = await pos.sale(10_000n, TEST_CARDS.credit);
    expect(justBefore.ok && justBefore.value.transaction.feeRateBps).toBe(60);
    h.world.clock.set(new Date(effectiveFrom));
    const after = await pos.sale(10_000n, TEST_CARDS.credit);
    expect(after.ok && after.value.transaction.feeFen).toBe(80n);
    expect(after.ok && after.value.transaction.feeRateBps).toBe(80);
    if (!before.ok) throw new Error('sale refused');
    const [kept] = await h.db
      .select()
      .from(schema.transactions)
      .where(eq(schema.transactions.id, before.value.transaction.id));
    expect(kept).toMatchObject({ feeFen: 60n, feeRateBps: 60 });
    // The merchant now reads the change as in force, the earlier debit change as well.
    const owner = await h.merchantUser({ merchantId: merchant.id });
    const history = await h.call('GET', '/v1/merchant/rate-changes', { as: owner });
    const credit = history.body.data.find((c: { service: string }) => c.service === 'card_credit');
    expect(credit).toMatchObject({ state: 'in_force', previousRate: { rateBps: 60 } });
    const debit = history.body.data.find((c: { service: string }) => c.service === 'card_debit');
    expect(debit.state).toBe('in_force');
  });
});
