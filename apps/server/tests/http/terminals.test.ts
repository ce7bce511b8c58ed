// Goal: a merchant manages its terminals itself: sees them, reports one lost (frozen at once, and
// the engine then declines it), and applies for a replacement or a return that ops review, while
// another merchant's terminals stay out of reach. Method: the API through inject on the harness
// world (two merchants, three signed-in terminals each); sales through the world's engine with
// TestPos before and after; the generic review routes approve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platform } from '@shoudan/db';
import { TestPos } from '@shoudan/db/testing';
import { type Caller, type Harness, startHarness } from './harness.ts';

let h: Harness;
let owner: Caller;
let ownerB: Caller;
let ops: Caller;
let a: { id: string; terminalIds: string[] };
let b: { id: string; terminalIds: string[] };
/** The POS of terminal 0, which keeps its voucher numbers across the tests. */
let pos0: TestPos;

const terminal = (i: number) => a.terminalIds[i] ?? '';
const url = (terminalId: string, action: string) =>
  `/v1/merchant/terminals/${terminalId}/${action}`;

beforeAll(async () => {
  h = await startHarness({ terminalsPerMerchant: 4 });
  const [first, second] = h.world.merchants;
  if (!first || !second) throw new Error('two merchants');
  a = first;
  b = second;
  owner = await h.merchantUser({ merchantId: a.id });
  ownerB = await h.merchantUser({ merchantId: b.id });
  ops = await h.staff(['ops']);
});
afterAll(() => h.close());

async function auditOf(terminalId: string, action: string) {
  return platform.audit.searchAudit(h.db, {
    objectType: 'terminal',
    objectId: terminalId,
    action,
    limit: 10,
  });
}

describe('GET /v1/merchant/terminals', () => {
  it("lists the merchant's own terminals with their state", async () => {
    const r = await h.call('GET', '/v1/merchant/terminals', { as: owner });
    expect(r.status).toBe(200);
    expect(r.body.data.map((t: { terminalId: string }) => t.terminalId)).toEqual(a.terminalIds);
    expect(r.body.data[0]).toMatchObject({
      terminalId: terminal(0),
      serialNo: `SN${terminal(0)}`,
      status: 'active',
      frozenReason: null,
      currentBatchNo: '000001',
    });
    expect(r.body.data[0].lastSignInAt).toBe(h.world.clock.now().toISOString());
    const cashier = await h.merchantUser({ merchantId: a.id, role: 'cashier' });
    expect((await h.call('GET', '/v1/merchant/terminals', { as: cashier })).status).toBe(200);
    const staff = await h.staff(['ops']);
    expect((await h.call('GET', '/v1/merchant/terminals', { as: staff })).body.code).toBe(
      'forbidden',
    );
    const theirs = await h.call('GET', '/v1/merchant/terminals', { as: ownerB });
    expect(theirs.body.data.map((t: { terminalId: string }) => t.terminalId)).toEqual(
      b.terminalIds,
    );
  });
});

describe('POST /v1/merchant/terminals/:terminalId/report-lost', () => {
  it('freezes the terminal at once; the engine then declines it', async () => {
    pos0 = new TestPos(h.world.engine, terminal(0));
    const pos = pos0;
    // A sale first, so that the engine holds a snapshot of the terminal as active.
    expect((await pos.sale(1_000n)).ok).toBe(true);
    const r = await h.call('POST', url(terminal(0), 'report-lost'), {
      as: owner,
      body: { note: '出租车上丢失' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      terminalId: terminal(0),
      status: 'frozen',
      frozenReason: 'lost',
    });
    const declined = await pos.sale(2_000n);
    expect(declined.ok).toBe(false);
    if (!declined.ok) expect(declined.outcome.code).toBe('terminal_frozen');
    const audited = await auditOf(terminal(0), 'terminal.reported_lost');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ merchantId: a.id, detail: { note: '出租车上丢失' } });
    const notes = await platform.notifications.listNotifications(h.db, a.id, {
      unreadOnly: true,
      limit: 10,
    });
    expect(notes.map((n) => n.kind)).toContain('terminal.reported_lost');
  });

  it('answers a second report as it is, without a second audit row', async () => {
    const again = await h.call('POST', url(terminal(0), 'report-lost'), { as: owner, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('frozen');
    expect(await auditOf(terminal(0), 'terminal.reported_lost')).toHaveLength(1);
  });

  it('replays under the same Idempotency-Key and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': 'lost-1' };
    const first = await h.call('POST', url(terminal(3), 'report-lost'), {
      as: owner,
      body: { note: 'a' },
      headers,
    });
    expect(first.status).toBe(200);
    const replay = await h.call('POST', url(terminal(3), 'report-lost'), {
      as: owner,
      body: { note: 'a' },
      headers,
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const other = await h.call('POST', url(terminal(3), 'report-lost'), {
      as: owner,
      body: { note: 'b' },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it("refuses a cashier, another merchant's terminal, bad input, no CSRF token", async () => {
    const cashier = await h.merchantUser({ merchantId: a.id, role: 'cashier' });
    const byCashier = await h.call('POST', url(terminal(1), 'report-lost'), {
      as: cashier,
      body: {},
    });
    expect(byCashier.status).toBe(403);
    expect(byCashier.body.code).toBe('forbidden');
    const theirs = await h.call('POST', url(b.terminalIds[0] ?? '', 'report-lost'), {
      as: owner,
      body: {},
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ code: 'not_found', param: 'terminalId' });
    const badId = await h.call('POST', url('x', 'report-lost'), { as: owner, body: {} });
    expect(badId.body).toMatchObject({ code: 'validation_failed', param: 'terminalId' });
    const longNote = await h.call('POST', url(terminal(1), 'report-lost'), {
      as: owner,
      body: { note: 'x'.repeat(501) },
    });
    expect(longNote.body).toMatchObject({ code: 'validation_failed', param: 'note' });
    const forged = await h.call('POST', url(terminal(1), 'report-lost'), {
      as: owner,
      body: {},
      noCsrf: true,
    });
    expect(forged.body.code).toBe('csrf_token_invalid');
    // Nothing changed on any of them.
    const [t1] = await platform.terminals.listTerminals(h.db, a.id).then((ts) => ts.slice(1, 2));
    expect(t1?.status).toBe('active');
    const [tb] = await platform.terminals.listTerminals(h.db, b.id);
    expect(tb?.status).toBe('active');
  });
});

describe('replacement and return', () => {
  it('a replacement is reviewed by ops and deactivates the old terminal', async () => {
    const headers = { 'idempotency-key': 'replace-1' };
    const body = { reason: '终端丢失，申请换机' };
    const submitted = await h.call('POST', url(terminal(0), 'replacement'), {
      as: owner,
      body,
      headers,
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      kind: 'terminal_replacement',
      status: 'submitted',
      merchantId: a.id,
      payload: { terminalId: terminal(0), serialNo: `SN${terminal(0)}`, frozenReason: 'lost' },
    });
    const replay = await h.call('POST', url(terminal(0), 'replacement'), {
      as: owner,
      body,
      headers,
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(submitted.body.id);
    const id = submitted.body.id as string;
    const reviewer = await h.staff(['reviewer']);
    const wrongRole = await h.call('POST', `/v1/ops/applications/${id}/approve`, {
      as: reviewer,
      body: {},
    });
    expect(wrongRole.status).toBe(403);
    const approved = await h.call('POST', `/v1/ops/applications/${id}/approve`, {
      as: ops,
      body: {},
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'executed',
      result: {
        terminalId: terminal(0),
        terminalStatus: 'deactivated',
        replacement: 'to_be_shipped',
      },
    });
    expect(approved.body.result.note).toMatch(/onboarding/);
    const [t0] = await platform.terminals.listTerminals(h.db, a.id);
    expect(t0).toMatchObject({ status: 'deactivated', frozenReason: null });
    expect(await auditOf(terminal(0), 'terminal.deactivated')).toHaveLength(1);
    const declined = await pos0.sale(100n);
    if (!declined.ok) expect(declined.outcome.code).toBe('terminal_not_active');
    expect(declined.ok).toBe(false);
  });

  it('refuses to report lost, replace or return a deactivated terminal', async () => {
    for (const action of ['report-lost', 'replacement', 'return']) {
      const r = await h.call('POST', url(terminal(0), action), {
        as: owner,
        body: { reason: 'again' },
      });
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('terminal_deactivated');
    }
  });

  it('a return: one open application per terminal, and approval deactivates it', async () => {
    const submitted = await h.call('POST', url(terminal(1), 'return'), {
      as: owner,
      body: { reason: '不再使用' },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.kind).toBe('terminal_return');
    for (const action of ['return', 'replacement']) {
      const twice = await h.call('POST', url(terminal(1), action), {
        as: owner,
        body: { reason: '再次申请' },
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('application_already_open');
    }
    // Nothing half-written by the refusals: still the one application, one audit row of it.
    const open = await platform.applications.listApplications(h.db, {
      merchantId: a.id,
      kinds: ['terminal_return', 'terminal_replacement'],
      statuses: ['submitted'],
      limit: 10,
    });
    expect(open.map((row) => row.id)).toEqual([submitted.body.id]);
    const approved = await h.call('POST', `/v1/ops/applications/${submitted.body.id}/approve`, {
      as: ops,
      body: {},
    });
    expect(approved.body).toMatchObject({
      status: 'executed',
      result: { terminalId: terminal(1), terminalStatus: 'deactivated' },
    });
  });

  it('re-checks at approval: a terminal deactivated meanwhile is refused', async () => {
    const submitted = await h.call('POST', url(terminal(2), 'return'), {
      as: owner,
      body: { reason: '退机' },
    });
    expect(submitted.status).toBe(201);
    await platform.terminals.setTerminalStatus(h.db, {
      merchantId: a.id,
      terminalId: terminal(2),
      status: 'deactivated',
    });
    const refused = await h.call('POST', `/v1/ops/applications/${submitted.body.id}/approve`, {
      as: ops,
      body: {},
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('terminal_deactivated');
    const still = await h.call('GET', `/v1/merchant/applications/${submitted.body.id}`, {
      as: owner,
    });
    expect(still.body.status).toBe('submitted');
  });

  it("refuses a cashier, another merchant's terminal and a missing reason", async () => {
    const cashier = await h.merchantUser({ merchantId: a.id, role: 'cashier' });
    const byCashier = await h.call('POST', url(terminal(3), 'return'), {
      as: cashier,
      body: { reason: 'x' },
    });
    expect(byCashier.status).toBe(403);
    const theirs = await h.call('POST', url(b.terminalIds[1] ?? '', 'replacement'), {
      as: owner,
      body: { reason: 'x' },
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ code: 'not_found', param: 'terminalId' });
    const mine = await h.call('POST', url(terminal(3), 'return'), {
      as: ownerB,
      body: { reason: 'x' },
    });
    expect(mine.status).toBe(404);
    const noReason = await h.call('POST', url(terminal(3), 'return'), { as: owner, body: {} });
    expect(noReason.body).toMatchObject({ code: 'validation_failed', param: 'reason' });
    const blank = await h.call('POST', url(terminal(3), 'return'), {
      as: owner,
      body: { reason: '   ' },
    });
    expect(blank.body.param).toBe('reason');
    const none = await platform.applications.listApplications(h.db, {
      merchantId: b.id,
      limit: 10,
    });
    expect(none).toEqual([]);
  });
});
