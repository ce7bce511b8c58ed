// Goal: service management (服务管理) does what the merchant platform promises: a merchant sees its
// services with the rates in force and to come, a revocation or activation is an application that
// changes nothing until another person approves it, and from then on the real ISO 8583 gateway
// declines (or takes again) that kind of payment on the very next sale. Method: the API through
// inject and a test terminal over TCP against the gateway, both on one test database and engine.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@shoudan/core';
import { createTerminalKeysStore, platform, schema, setup } from '@shoudan/db';
import { createSecurityModule } from '@shoudan/hsm';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway/gateway.ts';
import { RESPONSE_CODES } from '../../src/gateway/response-codes.ts';
import { loadTerminalMasterKeys } from '../../src/keys/key-loading.ts';
import { ensureNetworkZpk } from '../../src/keys/network-zpk.ts';
import { createLogger } from '../../src/logger.ts';
import { TEST_MASTER_KEY } from '../gateway/harness.ts';
import { TestTerminal } from '../gateway/test-terminal.ts';
import { type Caller, type Harness, startHarness } from './harness.ts';

let h: Harness;
let owner: Caller;
let reviewer: Caller;
let ops: Caller;
let gateway: Gateway;
let pos: TestTerminal;

/** The gateway over the harness's world and engine, and a key-loaded terminal of merchant 0. */
async function startGatewayOverWorld(): Promise<void> {
  const world = h.world;
  const hsm = createSecurityModule({ masterKeyHex: TEST_MASTER_KEY });
  const store = createTerminalKeysStore(world.db);
  const zpk = await ensureNetworkZpk({ hsm, store, clock: world.clock });
  const terminalId = world.merchant.terminalIds[0] ?? '';
  const tmks = await loadTerminalMasterKeys({ hsm, store, clock: world.clock }, [{ terminalId }]);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  gateway = await createGateway({
    config: loadConfig({ GATEWAY_PORT: '0', LOG_LEVEL: 'silent' }),
    engine: world.engine,
    db: world.db,
    terminalKeys: store,
    hsm,
    zpk,
    clock: world.clock,
    logger: createLogger({ level: 'silent', destination: sink }),
  });
  const entry = tmks[terminalId];
  if (!entry) throw new Error('no TMK loaded');
  pos = new TestTerminal({
    port: gateway.port,
    terminalId,
    merchantNo: world.merchant.merchantNo,
    tmk: entry,
    macAlgorithm: entry.macAlgorithm,
  });
  expect((await pos.signIn()).message.responseCode).toBe('00');
}

beforeAll(async () => {
  h = await startHarness();
  owner = await h.merchantUser();
  reviewer = await h.staff(['reviewer']);
  ops = await h.staff(['ops']);
  await startGatewayOverWorld();
});
afterAll(async () => {
  pos.close();
  await gateway.close();
  await h.close();
});

/** Field 39 of a debit (or `pan`) sale through the gateway. */
async function saleCode(pan: string = TEST_CARDS.debit): Promise<string | undefined> {
  const answer = await pos.sale({ amountFen: 1_000n, pan, pin: '123456' });
  return answer.message.responseCode;
}

function apply(kind: 'revocations' | 'activations', body: unknown, as: Caller = owner) {
  return h.call('POST', `/v1/merchant/services/${kind}`, { as, body });
}

function approve(id: string, as: Caller = reviewer) {
  return h.call('POST', `/v1/ops/applications/${id}/approve`, { as, body: {} });
}

async function serviceOf(service: string, as: Caller = owner) {
  const listed = await h.call('GET', '/v1/merchant/services', { as });
  expect(listed.status).toBe(200);
  return listed.body.data.find((s: { service: string }) => s.service === service);
}

const applicationCount = () => h.db.$count(schema.applications);

describe('the list of services', () => {
  it('shows every service with its status, the rate in force and the rates to come', async () => {
    const merchantId = h.world.merchant.id;
    const now = h.world.clock.now().getTime();
    // The merchant's own credit-card rate overrides its plan's; an own Alipay rate is to come.
    await setup.addMerchantRate(h.db, {
      id: h.world.ids.next(),
      merchantId,
      service: 'card_credit',
      rateBps: 55,
      capFen: null,
      effectiveFrom: new Date(now - 3_600_000),
      at: h.world.clock.now(),
    });
    const later = new Date(now + 10 * 86_400_000);
    await setup.addMerchantRate(h.db, {
      id: h.world.ids.next(),
      merchantId,
      service: 'alipay',
      rateBps: 30,
      capFen: 500n,
      effectiveFrom: later,
      at: h.world.clock.now(),
    });
    const listed = await h.call('GET', '/v1/merchant/services', { as: owner });
    expect(listed.status).toBe(200);
    const byName = Object.fromEntries(
      listed.body.data.map((s: { service: string }) => [s.service, s]),
    );
    expect(Object.keys(byName)).toEqual([
      'card_debit',
      'card_credit',
      'unionpay_qr',
      'wechat_pay',
      'alipay',
      'd0_settlement',
      'pre_authorization',
    ]);
    expect(byName.card_debit).toMatchObject({
      status: 'active',
      rate: {
        rateBps: 50,
        capFen: '2000',
        scope: 'plan',
        effectiveFrom: '2020-01-01T00:00:00.000Z',
      },
      upcomingRates: [],
      openApplication: null,
    });
    expect(byName.card_credit.rate).toMatchObject({ rateBps: 55, capFen: null, scope: 'merchant' });
    expect(byName.alipay.rate).toMatchObject({ rateBps: 38, scope: 'plan' });
    expect(byName.alipay.upcomingRates).toEqual([
      { rateBps: 30, capFen: '500', effectiveFrom: later.toISOString(), scope: 'merchant' },
    ]);
    // The world's merchants never had D0 or pre-authorization; D0 has a plan rate all the same.
    expect(byName.d0_settlement).toMatchObject({ status: 'not_activated', changedAt: null });
    expect(byName.d0_settlement.rate).toMatchObject({ rateBps: 5 });
    expect(byName.pre_authorization).toMatchObject({ status: 'not_activated', rate: null });
  });

  it('is for cashiers and secret keys too, never for staff or strangers', async () => {
    const cashier = await h.merchantUser({ role: 'cashier' });
    expect((await h.call('GET', '/v1/merchant/services', { as: cashier })).status).toBe(200);
    const made = await h.call('POST', '/v1/merchant/api-keys', {
      as: owner,
      body: { name: 'ERP' },
    });
    const byKey = await h.call('GET', '/v1/merchant/services', {
      as: { bearer: made.body.secret },
    });
    expect(byKey.status).toBe(200);
    expect(byKey.body.data).toHaveLength(7);
    const staff = await h.call('GET', '/v1/merchant/services', { as: reviewer });
    expect(staff.status).toBe(403);
    expect(staff.body.code).toBe('forbidden');
    const nobody = await h.call('GET', '/v1/merchant/services');
    expect(nobody.status).toBe(401);
    expect(nobody.body.code).toBe('unauthenticated');
  });
});

describe('revocation and re-activation through review, seen by the gateway', () => {
  it('declines debit cards from the sale after the approval on, and takes them again', async () => {
    expect(await saleCode()).toBe('00');
    expect(await saleCode(TEST_CARDS.credit)).toBe('00');
    const applied = await apply('revocations', {
      services: ['card_debit'],
      reason: '不再受理借记卡',
    });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      kind: 'service_revocation',
      status: 'submitted',
      merchantId: h.world.merchant.id,
      payload: { services: ['card_debit'] },
    });
    const id = String(applied.body.id);
    // Nothing changes before the review.
    const pending = await serviceOf('card_debit');
    expect(pending.status).toBe('active');
    expect(pending.openApplication).toMatchObject({ id, kind: 'service_revocation' });
    expect(await saleCode()).toBe('00');
    const queue = await h.call('GET', '/v1/ops/applications?kind=service_revocation', {
      as: reviewer,
    });
    expect(queue.body.data.map((a: { id: string }) => a.id)).toContain(id);

    const approved = await approve(id);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('executed');
    expect(approved.body.result.services).toEqual([
      { service: 'card_debit', from: 'active', to: 'revoked' },
    ]);
    // The very next sale, on the terminal's snapshot, is declined; credit cards still pass.
    expect(await saleCode()).toBe(RESPONSE_CODES.service_not_active);
    expect(RESPONSE_CODES.service_not_active).toBe('57');
    expect(await saleCode(TEST_CARDS.credit)).toBe('00');
    const revoked = await serviceOf('card_debit');
    expect(revoked).toMatchObject({ status: 'revoked', openApplication: null });

    const reapplied = await apply('activations', { services: ['card_debit'], reason: '恢复受理' });
    expect(reapplied.status).toBe(201);
    expect(reapplied.body.kind).toBe('service_activation');
    expect(await saleCode()).toBe(RESPONSE_CODES.service_not_active);
    const reactivated = await approve(String(reapplied.body.id), ops);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body.result.services).toEqual([
      { service: 'card_debit', from: 'revoked', to: 'active' },
    ]);
    expect(await saleCode()).toBe('00');
    expect((await serviceOf('card_debit')).status).toBe('active');
  });

  it('notifies the merchant and keeps the steps in the timeline', async () => {
    const applied = await apply('revocations', { services: ['wechat_pay'], reason: '不用微信' });
    await approve(String(applied.body.id));
    const one = await h.call('GET', `/v1/merchant/applications/${applied.body.id}`, { as: owner });
    // Approval and execution share one instant; the timeline's order within it is not ours.
    const actions = one.body.timeline.map((t: { action: string }) => t.action);
    expect([...actions].sort()).toEqual([
      'application.approved',
      'application.executed',
      'application.submitted',
    ]);
    const notes = await platform.notifications.listNotifications(h.db, h.world.merchant.id, {
      unreadOnly: false,
      limit: 50,
    });
    expect(
      notes.some((n) => (n.detail as { applicationId: string }).applicationId === applied.body.id),
    ).toBe(true);
    const back = await apply('activations', { services: ['wechat_pay'], reason: '恢复' });
    expect((await approve(String(back.body.id))).status).toBe(200);
  });

  it('activates a service the merchant never had', async () => {
    const applied = await apply('activations', {
      services: ['pre_authorization'],
      reason: '酒店预授权',
    });
    expect(applied.status).toBe(201);
    const approved = await approve(String(applied.body.id), ops);
    expect(approved.body.result.services).toEqual([
      { service: 'pre_authorization', from: 'not_activated', to: 'active' },
    ]);
    expect((await serviceOf('pre_authorization')).status).toBe('active');
  });
});

describe('refusals', () => {
  it('refuses to revoke a service that is not active, naming it', async () => {
    const before = await applicationCount();
    const refused = await apply('revocations', {
      services: ['card_credit', 'd0_settlement'],
      reason: 'x',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('service_not_revocable');
    expect(refused.body.param).toBe('services.1');
    expect(refused.body.detail).toMatchObject({ service: 'd0_settlement' });
    expect(await applicationCount()).toBe(before);
  });

  it('refuses to activate a service that is already active', async () => {
    const before = await applicationCount();
    const refused = await apply('activations', { services: ['alipay'], reason: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('service_already_active');
    expect(refused.body.param).toBe('services.0');
    expect(await applicationCount()).toBe(before);
  });

  it('refuses a second open application for a service', async () => {
    const first = await apply('revocations', { services: ['unionpay_qr'], reason: 'x' });
    expect(first.status).toBe(201);
    const before = await applicationCount();
    const again = await apply('revocations', {
      services: ['alipay', 'unionpay_qr'],
      reason: 'y',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('application_already_open');
    expect(again.body.param).toBe('services.1');
    const activation = await apply('activations', { services: ['d0_settlement'], reason: 'D0' });
    expect(activation.status).toBe(201);
    const secondActivation = await apply('activations', {
      services: ['d0_settlement'],
      reason: 'D0',
    });
    expect(secondActivation.body.code).toBe('application_already_open');
    expect(await applicationCount()).toBe(before + 1);
    for (const id of [first.body.id, activation.body.id]) {
      await h.call('POST', `/v1/merchant/applications/${id}/withdraw`, { as: owner });
    }
  });

  it('opens one of two revocations of a service sent at once', async () => {
    const body = { services: ['wechat_pay'], reason: 'x' };
    const answers = await Promise.all([apply('revocations', body), apply('revocations', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.status === 409);
    expect(refused?.body.code).toBe('application_already_open');
    const opened = answers.find((a) => a.status === 201);
    await h.call('POST', `/v1/merchant/applications/${opened?.body.id}/withdraw`, { as: owner });
  });

  it('is for the owner alone: cashiers, secret keys and staff are refused', async () => {
    const cashier = await h.merchantUser({ role: 'cashier' });
    const byCashier = await apply('revocations', { services: ['alipay'], reason: 'x' }, cashier);
    expect(byCashier.status).toBe(403);
    expect(byCashier.body.code).toBe('forbidden');
    const made = await h.call('POST', '/v1/merchant/api-keys', { as: owner, body: { name: 'k' } });
    const byKey = await apply(
      'revocations',
      { services: ['alipay'], reason: 'x' },
      {
        bearer: made.body.secret,
      },
    );
    expect(byKey.status).toBe(403);
    const byStaff = await apply('activations', { services: ['d0_settlement'], reason: 'x' }, ops);
    expect(byStaff.status).toBe(403);
    const forged = await h.call('POST', '/v1/merchant/services/revocations', {
      as: owner,
      body: { services: ['alipay'], reason: 'x' },
      noCsrf: true,
    });
    expect(forged.body.code).toBe('csrf_token_invalid');
  });

  it('names the bad field of a malformed request', async () => {
    const unknown = await apply('revocations', { services: ['bitcoin'], reason: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'validation_failed', param: 'services.0' });
    const empty = await apply('revocations', { services: [], reason: 'x' });
    expect(empty.body).toMatchObject({ code: 'validation_failed', param: 'services' });
    const twice = await apply('revocations', { services: ['alipay', 'alipay'], reason: 'x' });
    expect(twice.body).toMatchObject({ code: 'validation_failed', param: 'services' });
    const noReason = await apply('activations', { services: ['d0_settlement'], reason: ' ' });
    expect(noReason.body).toMatchObject({ code: 'validation_failed', param: 'reason' });
  });

  it("keeps another merchant's applications out of reach", async () => {
    const applied = await apply('revocations', { services: ['alipay'], reason: 'x' });
    const other = await h.merchantUser({ merchantId: h.world.merchants[1]?.id ?? '' });
    const seen = await h.call('GET', `/v1/merchant/applications/${applied.body.id}`, { as: other });
    expect(seen.status).toBe(404);
    expect(seen.body.code).toBe('not_found');
    const withdrawn = await h.call(
      'POST',
      `/v1/merchant/applications/${applied.body.id}/withdraw`,
      {
        as: other,
      },
    );
    expect(withdrawn.status).toBe(404);
    const theirs = await h.call('GET', '/v1/merchant/services', { as: other });
    const alipay = theirs.body.data.find((s: { service: string }) => s.service === 'alipay');
    expect(alipay.openApplication).toBeNull();
    // The other merchant may apply for the same service of its own.
    const own = await apply('revocations', { services: ['alipay'], reason: 'x' }, other);
    expect(own.status).toBe(201);
    for (const [id, as] of [
      [applied.body.id, owner],
      [own.body.id, other],
    ] as const) {
      await h.call('POST', `/v1/merchant/applications/${id}/withdraw`, { as });
    }
  });
});

describe('review outcomes other than approval', () => {
  it('a withdrawn revocation changes nothing and frees the service for a new one', async () => {
    const applied = await apply('revocations', { services: ['alipay'], reason: 'x' });
    const withdrawn = await h.call(
      'POST',
      `/v1/merchant/applications/${applied.body.id}/withdraw`,
      {
        as: owner,
      },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(await serviceOf('alipay')).toMatchObject({ status: 'active', openApplication: null });
    const late = await approve(String(applied.body.id));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('application_not_pending');
    const again = await apply('revocations', { services: ['alipay'], reason: 'y' });
    expect(again.status).toBe(201);
    await h.call('POST', `/v1/merchant/applications/${again.body.id}/withdraw`, { as: owner });
  });

  it('a rejected revocation leaves the service active and the gateway taking it', async () => {
    const applied = await apply('revocations', { services: ['card_debit'], reason: 'x' });
    const rejected = await h.call('POST', `/v1/ops/applications/${applied.body.id}/reject`, {
      as: reviewer,
      body: { comment: '请先结清未结算交易' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(await serviceOf('card_debit')).toMatchObject({
      status: 'active',
      openApplication: null,
    });
    expect(await saleCode()).toBe('00');
  });

  it('re-checks at approval: activating a service activated meanwhile is refused', async () => {
    const applied = await apply('activations', { services: ['d0_settlement'], reason: 'D0' });
    await setup.setServiceStatus(h.db, {
      merchantId: h.world.merchant.id,
      service: 'd0_settlement',
      status: 'active',
      at: h.world.clock.now(),
    });
    const refused = await approve(String(applied.body.id));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('service_already_active');
    const still = await h.call('GET', `/v1/ops/applications/${applied.body.id}`, { as: reviewer });
    expect(still.body.status).toBe('submitted');
    await h.call('POST', `/v1/merchant/applications/${applied.body.id}/withdraw`, { as: owner });
  });

  it('is reviewed by reviewers and ops, not by finance or support', async () => {
    const applied = await apply('revocations', { services: ['alipay'], reason: 'x' });
    for (const roles of [['finance'], ['support']] as const) {
      const staff = await h.staff(roles);
      const refused = await approve(String(applied.body.id), staff);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    expect((await serviceOf('alipay')).status).toBe('active');
    await h.call('POST', `/v1/merchant/applications/${applied.body.id}/withdraw`, { as: owner });
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same key and body, and refuses another body', async () => {
    const headers = { 'idempotency-key': 'revoke-qr-1' };
    const body = { services: ['unionpay_qr'], reason: '停用银联二维码' };
    const before = await applicationCount();
    const first = await h.call('POST', '/v1/merchant/services/revocations', {
      as: owner,
      body,
      headers,
    });
    const again = await h.call('POST', '/v1/merchant/services/revocations', {
      as: owner,
      body,
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await applicationCount()).toBe(before + 1);
    const other = await h.call('POST', '/v1/merchant/services/revocations', {
      as: owner,
      body: { ...body, reason: 'else' },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });
});
