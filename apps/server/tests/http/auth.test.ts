// Goal: sign-in, sessions, CSRF, lockout, idle timeout and secret keys behave as the merchant
// platform promises. Method: the API through inject on a test database, a fake clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platform } from '@shoudan/db';
import { type Harness, PASSWORD, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { LOGIN_FAILURES_MAX: '3', LOGIN_LOCKOUT_MS: '60000' } });
});
afterAll(() => h.close());

describe('sign-in', () => {
  it('opens an HTTP-only session and tells who is signed in', async () => {
    const owner = await h.merchantUser();
    const me = await h.call('GET', '/v1/session', { as: owner });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      kind: 'merchant_user',
      merchantId: h.world.merchant.id,
      role: 'owner',
      roles: [],
    });
    const signed = await h.call('POST', '/v1/merchant/session', {
      body: { phone: owner.phone, password: PASSWORD },
    });
    const cookie = String(signed.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(h.logLines.join('')).not.toContain(PASSWORD);
  });

  it('refuses a wrong password and an unknown phone alike, names a bad field', async () => {
    const owner = await h.merchantUser();
    const wrong = await h.call('POST', '/v1/merchant/session', {
      body: { phone: owner.phone, password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    const unknown = await h.call('POST', '/v1/merchant/session', {
      body: { phone: '13700000000', password: 'nope' },
    });
    expect(unknown.body.code).toBe('invalid_credentials');
    const malformed = await h.call('POST', '/v1/merchant/session', {
      body: { phone: '12', password: 'x' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'validation_failed', param: 'phone' });
    expect(malformed.body.message).toContain('phone');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const owner = await h.merchantUser();
    for (let i = 0; i < 3; i++) {
      const failed = await h.call('POST', '/v1/merchant/session', {
        body: { phone: owner.phone, password: `wrong${i}` },
      });
      expect(failed.body.code).toBe('invalid_credentials');
    }
    const locked = await h.call('POST', '/v1/merchant/session', {
      body: { phone: owner.phone, password: PASSWORD },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('account_locked');
    h.world.clock.advance(61_000);
    const again = await h.call('POST', '/v1/merchant/session', {
      body: { phone: owner.phone, password: PASSWORD },
    });
    expect(again.status).toBe(200);
  });

  it('staff sign in with a username and carry their roles', async () => {
    const reviewer = await h.staff(['reviewer']);
    const me = await h.call('GET', '/v1/session', { as: reviewer });
    expect(me.body).toMatchObject({ kind: 'staff', roles: ['reviewer'], merchantId: null });
  });
});

describe('sessions', () => {
  it('ends after the idle timeout', async () => {
    const owner = await h.merchantUser();
    h.world.clock.advance(h.services.config.sessionIdleTimeoutMs + 1_000);
    const me = await h.call('GET', '/v1/session', { as: owner });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('unauthenticated');
  });

  it('needs the CSRF token to sign out, and is gone afterwards', async () => {
    const owner = await h.merchantUser();
    const forged = await h.call('DELETE', '/v1/session', { as: owner, noCsrf: true });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrf_token_invalid');
    const out = await h.call('DELETE', '/v1/session', { as: owner });
    expect(out.status).toBe(204);
    expect((await h.call('GET', '/v1/session', { as: owner })).status).toBe(401);
  });

  it('writes an audit row for every sign-in', async () => {
    const owner = await h.merchantUser();
    const rows = await platform.audit.searchAudit(h.db, {
      objectId: owner.id,
      action: 'user.signed_in',
      limit: 10,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: 'merchant_user', merchantId: owner.merchantId });
  });
});

describe('secret keys', () => {
  it('are made by an owner, work as a bearer, and stop when revoked', async () => {
    const owner = await h.merchantUser();
    const made = await h.call('POST', '/v1/merchant/api-keys', {
      as: owner,
      body: { name: 'ERP' },
    });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^sk_[0-9a-f]{12}_/);
    const listed = await h.call('GET', '/v1/merchant/api-keys', { as: owner });
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
    const me = await h.call('GET', '/v1/session', { as: { bearer: made.body.secret } });
    expect(me.body).toMatchObject({ kind: 'merchant_user', merchantId: owner.merchantId });
    const tampered = `${String(made.body.secret).slice(0, -2)}xx`;
    expect((await h.call('GET', '/v1/session', { as: { bearer: tampered } })).status).toBe(401);
    const revoked = await h.call('DELETE', `/v1/merchant/api-keys/${made.body.id}`, { as: owner });
    expect(revoked.status).toBe(204);
    expect((await h.call('GET', '/v1/session', { as: { bearer: made.body.secret } })).status).toBe(
      401,
    );
  });

  it("are not a cashier's to make, and another merchant's key is not found", async () => {
    const cashier = await h.merchantUser({ role: 'cashier' });
    const refused = await h.call('POST', '/v1/merchant/api-keys', {
      as: cashier,
      body: { name: 'x' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    const owner = await h.merchantUser();
    const made = await h.call('POST', '/v1/merchant/api-keys', { as: owner, body: { name: 'a' } });
    const other = await h.merchantUser({ merchantId: h.world.merchants[1]?.id ?? '' });
    const theirs = await h.call('DELETE', `/v1/merchant/api-keys/${made.body.id}`, { as: other });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('not_found');
  });
});

describe('the API as a whole', () => {
  it('refuses a stranger or the wrong side before it reads the body', async () => {
    const anonymous = await h.call('POST', '/v1/merchant/services/revocations', {
      body: { services: 'nonsense' },
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
    const owner = await h.merchantUser();
    const wrongSide = await h.call('POST', '/v1/ops/rate-changes', { as: owner, body: {} });
    expect(wrongSide.status).toBe(403);
    expect(wrongSide.body.code).toBe('forbidden');
    const staff = await h.staff(['reviewer']);
    const staffOnMerchant = await h.call('POST', '/v1/merchant/tickets', { as: staff, body: {} });
    expect(staffOnMerchant.body.code).toBe('forbidden');
  });

  it('answers /health, /status, unknown routes, and serves its OpenAPI document', async () => {
    expect((await h.call('GET', '/health')).body).toEqual({ status: 'ok' });
    const status = await h.call('GET', '/status');
    expect(status.body.counts.merchants).toBe(2);
    const missing = await h.call('GET', '/v1/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('route_not_found');
    const doc = await h.call('GET', '/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/v1/merchant/session');
  });
});
