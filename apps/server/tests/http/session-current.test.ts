// Goal: a page can ask who is signed in without a 401 (which the browser would log as an error).
// Method: the API through inject on a test database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('GET /v1/session/current', () => {
  it('tells a page who is signed in, or null, without a 401', async () => {
    const owner = await h.merchantUser();
    const signedIn = await h.call('GET', '/v1/session/current', { as: owner });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.session).toMatchObject({ kind: 'merchant_user', userId: owner.id });
    expect(signedIn.body.session.csrfToken).toBe(owner.csrfToken);
    await h.call('DELETE', '/v1/session', { as: owner });
    const nobody = await h.call('GET', '/v1/session/current', { as: owner });
    expect(nobody.status).toBe(200);
    expect(nobody.body).toEqual({ session: null });
  });
});
