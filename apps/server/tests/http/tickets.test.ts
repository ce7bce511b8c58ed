// Goal: support tickets (客服工单) work for both sides — a merchant user opens one (about its own
// transaction or terminal only), support answers, either replies or closes — every step audited;
// and staff search the audit log. Method: the API through inject on the harness world (two
// merchants), a sale through the engine with TestPos to link a ticket to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platform } from '@shoudan/db';
import { TestPos } from '@shoudan/db/testing';
import { type Caller, type Harness, startHarness } from './harness.ts';

let h: Harness;
let owner: Caller & { id: string };
let cashier: Caller;
let ownerB: Caller;
let support: Caller & { id: string };
let merchantA = '';
let merchantB = '';
let terminalA = '';
let terminalB = '';
let saleA = '';
let saleB = '';

beforeAll(async () => {
  h = await startHarness();
  const [a, b] = h.world.merchants;
  if (!a || !b) throw new Error('two merchants');
  merchantA = a.id;
  merchantB = b.id;
  terminalA = a.terminalIds[0] ?? '';
  terminalB = b.terminalIds[0] ?? '';
  const sold = await new TestPos(h.world.engine, terminalA).sale(8_800n);
  const soldB = await new TestPos(h.world.engine, terminalB).sale(100n);
  if (!sold.ok || !soldB.ok) throw new Error('sales approved');
  saleA = sold.value.transaction.id;
  saleB = soldB.value.transaction.id;
  owner = await h.merchantUser({ merchantId: merchantA });
  cashier = await h.merchantUser({ merchantId: merchantA, role: 'cashier' });
  ownerB = await h.merchantUser({ merchantId: merchantB });
  support = await h.staff(['support']);
});
afterAll(() => h.close());

async function open(as: Caller, body: Record<string, unknown>, headers = {}) {
  return h.call('POST', '/v1/merchant/tickets', { as, body, headers });
}

describe('a ticket from opening to closing', () => {
  it('is opened about a transaction, answered by support, replied to and closed', async () => {
    const opened = await open(owner, {
      subject: '交易未到账',
      body: '11月24日的一笔消费还没有结算。',
      transactionId: saleA,
      terminalId: terminalA,
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      merchantId: merchantA,
      subject: '交易未到账',
      status: 'open',
      transactionId: saleA,
      terminalId: terminalA,
      closedAt: null,
    });
    expect(opened.body.ticketNo).toMatch(/^T20261124\d{6}$/);
    expect(opened.body.messages).toHaveLength(1);
    const id = opened.body.id as string;
    h.world.clock.advance(60_000);
    const answered = await h.call('POST', `/v1/ops/tickets/${id}/messages`, {
      as: support,
      body: { body: '已核实，将于次日结算。' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('answered');
    const notes = await platform.notifications.listNotifications(h.db, merchantA, {
      unreadOnly: true,
      limit: 10,
    });
    expect(notes.map((n) => n.kind)).toContain('ticket.answered');
    h.world.clock.advance(60_000);
    const replied = await h.call('POST', `/v1/merchant/tickets/${id}/messages`, {
      as: cashier,
      body: { body: '好的，谢谢。' },
    });
    expect(replied.body.status).toBe('open');
    expect(replied.body.messages.map((m: { authorKind: string }) => m.authorKind)).toEqual([
      'merchant_user',
      'staff',
      'merchant_user',
    ]);
    h.world.clock.advance(60_000);
    const closed = await h.call('POST', `/v1/merchant/tickets/${id}/close`, { as: owner });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.closedAt).toBe(h.world.clock.now().toISOString());
    const audited = await platform.audit.searchAudit(h.db, {
      objectType: 'ticket',
      objectId: id,
      limit: 10,
    });
    expect(audited.map((r) => r.action).reverse()).toEqual([
      'ticket.opened',
      'ticket.replied',
      'ticket.replied',
      'ticket.closed',
    ]);
    expect(audited[0]).toMatchObject({ actorKind: 'merchant_user', merchantId: merchantA });
  });

  it('refuses a reply to, or a second close of, a closed ticket', async () => {
    const opened = await open(owner, { subject: '关闭测试', body: '内容' });
    const id = opened.body.id as string;
    h.world.clock.advance(60_000);
    const closed = await h.call('POST', `/v1/ops/tickets/${id}/close`, { as: support });
    expect(closed.body.status).toBe('closed');
    for (const [as, path] of [
      [owner, `/v1/merchant/tickets/${id}/messages`],
      [support, `/v1/ops/tickets/${id}/messages`],
    ] as const) {
      const r = await h.call('POST', path, { as, body: { body: '还在吗' } });
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('ticket_closed');
    }
    const again = await h.call('POST', `/v1/merchant/tickets/${id}/close`, { as: owner });
    expect(again.body.code).toBe('ticket_closed');
    // Nothing half-written: the one message, the ticket closed once.
    const got = await h.call('GET', `/v1/merchant/tickets/${id}`, { as: owner });
    expect(got.body.messages).toHaveLength(1);
    const audited = await platform.audit.searchAudit(h.db, { objectId: id, limit: 10 });
    expect(audited.map((r) => r.action)).toEqual(['ticket.closed', 'ticket.opened']);
  });

  it('replays an opening under its Idempotency-Key instead of opening twice', async () => {
    const body = { subject: '重复提交', body: '同一个请求' };
    const first = await open(owner, body, { 'idempotency-key': 'ticket-1' });
    const again = await open(owner, body, { 'idempotency-key': 'ticket-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const listed = await h.call('GET', '/v1/merchant/tickets', { as: owner });
    const same = listed.body.data.filter((t: { subject: string }) => t.subject === '重复提交');
    expect(same).toHaveLength(1);
  });
});

describe('what a merchant may open and see', () => {
  it("refuses another merchant's transaction or terminal, naming the field", async () => {
    const before = await platform.tickets.listTickets(h.db, { merchantId: merchantA, limit: 100 });
    const tx = await open(owner, { subject: 's', body: 'b', transactionId: saleB });
    expect(tx.status).toBe(404);
    expect(tx.body).toMatchObject({ code: 'not_found', param: 'transactionId' });
    const terminal = await open(owner, { subject: 's', body: 'b', terminalId: terminalB });
    expect(terminal.status).toBe(404);
    expect(terminal.body).toMatchObject({ code: 'not_found', param: 'terminalId' });
    const after = await platform.tickets.listTickets(h.db, { merchantId: merchantA, limit: 100 });
    expect(after).toHaveLength(before.length);
  });

  it('refuses bad input, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ body: 'b' }, 'subject'],
      [{ subject: ' ', body: 'b' }, 'subject'],
      [{ subject: 'x'.repeat(201), body: 'b' }, 'subject'],
      [{ subject: 's' }, 'body'],
      [{ subject: 's', body: 'x'.repeat(4001) }, 'body'],
      [{ subject: 's', body: 'b', transactionId: 'nope' }, 'transactionId'],
      [{ subject: 's', body: 'b', terminalId: '123' }, 'terminalId'],
    ];
    for (const [body, param] of cases) {
      const r = await open(owner, body);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'validation_failed', param });
    }
    const status = await h.call('GET', '/v1/merchant/tickets?status=pending', { as: owner });
    expect(status.body.param).toBe('status');
  });

  it("never shows or lets one touch another merchant's ticket", async () => {
    const theirs = await open(ownerB, { subject: 'B的工单', body: '内容' });
    const id = theirs.body.id as string;
    for (const [method, path] of [
      ['GET', `/v1/merchant/tickets/${id}`],
      ['POST', `/v1/merchant/tickets/${id}/messages`],
      ['POST', `/v1/merchant/tickets/${id}/close`],
    ] as const) {
      const r = await h.call(method, path, { as: owner, body: { body: 'x' } });
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('not_found');
    }
    const mine = await h.call('GET', '/v1/merchant/tickets', { as: owner });
    expect(mine.body.data.map((t: { id: string }) => t.id)).not.toContain(id);
    const got = await h.call('GET', `/v1/merchant/tickets/${id}`, { as: ownerB });
    expect(got.body).toMatchObject({ status: 'open', messages: [{ body: '内容' }] });
  });

  it('is for merchant users and support: not secret keys, not other staff roles', async () => {
    const made = await h.call('POST', '/v1/merchant/api-keys', { as: owner, body: { name: 'k' } });
    const key = { bearer: made.body.secret as string };
    const byKey = await open(key, { subject: 's', body: 'b' });
    expect(byKey.status).toBe(403);
    expect(byKey.body.code).toBe('forbidden');
    expect((await h.call('GET', '/v1/merchant/tickets', { as: key })).status).toBe(403);
    const reviewer = await h.staff(['reviewer']);
    const queue = await h.call('GET', '/v1/ops/tickets', { as: reviewer });
    expect(queue.status).toBe(403);
    const byMerchant = await h.call('GET', '/v1/ops/tickets', { as: owner });
    expect(byMerchant.status).toBe(403);
    const forged = await h.call('POST', '/v1/merchant/tickets', {
      as: owner,
      body: { subject: 's', body: 'b' },
      noCsrf: true,
    });
    expect(forged.body.code).toBe('csrf_token_invalid');
  });
});

describe('the support queue', () => {
  it('lists every merchant’s tickets by status and merchant, and shows one', async () => {
    const all = await h.call('GET', '/v1/ops/tickets', { as: support });
    expect(all.status).toBe(200);
    const merchants = new Set(all.body.data.map((t: { merchantId: string }) => t.merchantId));
    expect(merchants).toEqual(new Set([merchantA, merchantB]));
    const closed = await h.call('GET', '/v1/ops/tickets?status=closed', { as: support });
    expect(closed.body.data.length).toBeGreaterThan(0);
    expect(closed.body.data.every((t: { status: string }) => t.status === 'closed')).toBe(true);
    const ofB = await h.call('GET', `/v1/ops/tickets?merchantId=${merchantB}`, { as: support });
    expect(ofB.body.data.map((t: { subject: string }) => t.subject)).toEqual(['B的工单']);
    const one = await h.call('GET', `/v1/ops/tickets/${ofB.body.data[0].id}`, { as: support });
    expect(one.body.messages).toHaveLength(1);
    const admin = await h.staff(['admin']);
    expect((await h.call('GET', '/v1/ops/tickets', { as: admin })).status).toBe(200);
    const missing = await h.call('GET', `/v1/ops/tickets/${h.world.ids.next()}`, { as: support });
    expect(missing.body).toMatchObject({ code: 'not_found', param: 'id' });
  });
});

describe('GET /v1/ops/audit', () => {
  it('finds audited changes by merchant, action, object, actor and time', async () => {
    const byAction = await h.call('GET', '/v1/ops/audit?action=ticket.opened', { as: support });
    expect(byAction.status).toBe(200);
    expect(byAction.body.data.length).toBeGreaterThan(2);
    expect(byAction.body.data.every((r: { action: string }) => r.action === 'ticket.opened')).toBe(
      true,
    );
    const ofB = await h.call('GET', `/v1/ops/audit?merchantId=${merchantB}&objectType=ticket`, {
      as: support,
    });
    expect(ofB.body.data.map((r: { action: string }) => r.action)).toEqual(['ticket.opened']);
    const byActor = await h.call('GET', `/v1/ops/audit?actorId=${support.id}`, { as: support });
    expect(byActor.body.data.length).toBeGreaterThan(0);
    expect(byActor.body.data.every((r: { actorName: string }) => r.actorName.length > 0)).toBe(
      true,
    );
    expect(byActor.body.data.every((r: { actorId: string }) => r.actorId === support.id)).toBe(
      true,
    );
    const objectId = ofB.body.data[0].objectId as string;
    const byObject = await h.call('GET', `/v1/ops/audit?objectId=${objectId}`, { as: support });
    expect(byObject.body.data).toHaveLength(1);
    const now = h.world.clock.now();
    const later = new Date(now.getTime() + 60_000).toISOString();
    const future = await h.call('GET', `/v1/ops/audit?from=${later}`, { as: support });
    expect(future.body.data).toEqual([]);
    const past = await h.call(
      'GET',
      `/v1/ops/audit?to=${encodeURIComponent(now.toISOString())}&limit=2`,
      { as: support },
    );
    expect(past.body.data).toHaveLength(2);
  });

  it('is for every staff role, never for merchants', async () => {
    for (const role of ['reviewer', 'ops', 'finance', 'admin'] as const) {
      const staff = await h.staff([role]);
      expect((await h.call('GET', '/v1/ops/audit', { as: staff })).status).toBe(200);
    }
    const refused = await h.call('GET', '/v1/ops/audit', { as: owner });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect((await h.call('GET', '/v1/ops/audit')).status).toBe(401);
  });

  it('refuses bad input, naming the field', async () => {
    const cases: [string, string][] = [
      ['merchantId=1', 'merchantId'],
      ['actorId=x', 'actorId'],
      ['from=yesterday', 'from'],
      ['from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z', 'to'],
      ['limit=501', 'limit'],
    ];
    for (const [query, param] of cases) {
      const r = await h.call('GET', `/v1/ops/audit?${query}`, { as: support });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'validation_failed', param });
    }
  });
});
