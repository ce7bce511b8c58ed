// Goal: a merchant reads its in-app notifications (all, or only the unread) and marks them read,
// and never sees or touches another merchant's. Method: notifications written by the platform
// itself (a terminal reported lost) and by the store, then the API through inject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platform } from '@shoudan/db';
import { type Caller, type Harness, startHarness } from './harness.ts';

let h: Harness;
let owner: Caller;
let ownerB: Caller;
let merchantA = '';
let merchantB = '';
let noteB = '';

async function insertNote(merchantId: string, kind: string): Promise<string> {
  const id = h.world.ids.next();
  h.world.clock.advance(1_000);
  await platform.notifications.insertNotification(h.db, {
    id,
    merchantId,
    at: h.world.clock.now(),
    kind,
    title: `标题 ${kind}`,
    body: `内容 ${kind}`,
    detail: { kind },
    readAt: null,
  });
  return id;
}

beforeAll(async () => {
  h = await startHarness();
  merchantA = h.world.merchants[0]?.id ?? '';
  merchantB = h.world.merchants[1]?.id ?? '';
  owner = await h.merchantUser({ merchantId: merchantA });
  ownerB = await h.merchantUser({ merchantId: merchantB });
  const terminalId = h.world.merchants[0]?.terminalIds[0] ?? '';
  const lost = await h.call('POST', `/v1/merchant/terminals/${terminalId}/report-lost`, {
    as: owner,
    body: {},
  });
  expect(lost.status).toBe(200);
  await insertNote(merchantA, 'test.second');
  noteB = await insertNote(merchantB, 'test.theirs');
});
afterAll(() => h.close());

describe('GET /v1/merchant/notifications', () => {
  it('lists the merchant’s own, newest first', async () => {
    const r = await h.call('GET', '/v1/merchant/notifications', { as: owner });
    expect(r.status).toBe(200);
    expect(r.body.data.map((n: { kind: string }) => n.kind)).toEqual([
      'test.second',
      'terminal.reported_lost',
    ]);
    expect(r.body.data[1]).toMatchObject({ title: '终端挂失成功', readAt: null });
    expect(r.body.data[1].body).toContain('已挂失冻结');
    const theirs = await h.call('GET', '/v1/merchant/notifications', { as: ownerB });
    expect(theirs.body.data.map((n: { id: string }) => n.id)).toEqual([noteB]);
  });

  it('is readable by cashiers and secret keys, not by staff', async () => {
    const cashier = await h.merchantUser({ merchantId: merchantA, role: 'cashier' });
    expect((await h.call('GET', '/v1/merchant/notifications', { as: cashier })).status).toBe(200);
    const staff = await h.staff(['support']);
    const refused = await h.call('GET', '/v1/merchant/notifications', { as: staff });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect((await h.call('GET', '/v1/merchant/notifications')).status).toBe(401);
  });

  it('refuses bad input, naming the field', async () => {
    const unread = await h.call('GET', '/v1/merchant/notifications?unread=maybe', { as: owner });
    expect(unread.status).toBe(400);
    expect(unread.body).toMatchObject({ code: 'validation_failed', param: 'unread' });
    const limit = await h.call('GET', '/v1/merchant/notifications?limit=0', { as: owner });
    expect(limit.body.param).toBe('limit');
  });
});

describe('POST /v1/merchant/notifications/:id/read', () => {
  it('marks one read: it leaves the unread list and stays in the full one', async () => {
    const unread = await h.call('GET', '/v1/merchant/notifications?unread=true', { as: owner });
    expect(unread.body.data).toHaveLength(2);
    const id = unread.body.data[0].id as string;
    const read = await h.call('POST', `/v1/merchant/notifications/${id}/read`, { as: owner });
    expect(read.status).toBe(204);
    const after = await h.call('GET', '/v1/merchant/notifications?unread=true', { as: owner });
    expect(after.body.data.map((n: { id: string }) => n.id)).not.toContain(id);
    expect(after.body.data).toHaveLength(1);
    const all = await h.call('GET', '/v1/merchant/notifications?unread=false', { as: owner });
    const marked = all.body.data.find((n: { id: string }) => n.id === id);
    expect(marked.readAt).toBe(h.world.clock.now().toISOString());
  });

  it("answers 404 for another merchant's and leaves it unread", async () => {
    const r = await h.call('POST', `/v1/merchant/notifications/${noteB}/read`, { as: owner });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ code: 'not_found', param: 'id' });
    const theirs = await h.call('GET', '/v1/merchant/notifications?unread=true', { as: ownerB });
    expect(theirs.body.data.map((n: { id: string }) => n.id)).toEqual([noteB]);
  });

  it('needs the CSRF token and a real id', async () => {
    const forged = await h.call('POST', `/v1/merchant/notifications/${noteB}/read`, {
      as: ownerB,
      noCsrf: true,
    });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrf_token_invalid');
    const bad = await h.call('POST', '/v1/merchant/notifications/abc/read', { as: owner });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('id');
    const staff = await h.staff(['admin']);
    const byStaff = await h.call('POST', `/v1/merchant/notifications/${noteB}/read`, { as: staff });
    expect(byStaff.status).toBe(403);
  });
});
