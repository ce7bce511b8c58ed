// Goal: the ops console's reads and runs: merchant and terminal search (q, status, pages; staff
// only), one merchant's detail, business dates moving open → due → cut off → settled as the clock
// passes the cutoff and runs complete, runs refused before they start (too early, not cut off,
// wrong role), their progress, one run per kind and date at a time, a defect failing a run
// without escaping it, and the ledger check (healthy, then broken on purpose). Method: the API
// through inject on the harness world (two merchants, two terminals each) and its fake clock;
// sales through the engine with TestPos; the engine wrapped where a run must wait or fail.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err, outcome, TEST_CARDS } from '@shoudan/core';
import { schema } from '@shoudan/db';
import { TestPos } from '@shoudan/db/testing';
import { type Caller, type Harness, startHarness } from './harness.ts';

let h: Harness;
let ops: Caller;
let finance: Caller;
let reviewer: Caller;
let owner: Caller;
const DATE = '2026-11-24';

function merchant(i: number) {
  const m = h.world.merchants[i];
  if (!m) throw new Error(`no merchant ${i}`);
  return m;
}

/** The run once it has stopped running (its work goes on after the POST answered). */
async function finished(id: string): Promise<any> {
  for (let i = 0; i < 500; i++) {
    const r = await h.call('GET', `/v1/ops/runs/${id}`, { as: ops });
    expect(r.status).toBe(200);
    if (r.body.status !== 'running') return r.body;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`run ${id} did not finish`);
}

const start = (as: Caller, kind: string, businessDate = DATE, headers = {}) =>
  h.call('POST', '/v1/ops/runs', { as, body: { kind, businessDate }, headers });

async function dates(): Promise<any[]> {
  const r = await h.call('GET', '/v1/ops/business-dates?limit=5', { as: reviewer });
  expect(r.status).toBe(200);
  return r.body.data;
}

/** Staff sign in again after the clock passes their sessions' lifetime. */
async function signInStaff(): Promise<void> {
  ops = await h.staff(['ops']);
  finance = await h.staff(['finance']);
  reviewer = await h.staff(['reviewer']);
}

beforeAll(async () => {
  // Settled one merchant per chunk, so a settlement reports its progress merchant by merchant.
  h = await startHarness({ env: { SETTLEMENT_CHUNK_SIZE: '1' } });
  const engine = h.world.engine;
  const a1 = new TestPos(engine, merchant(0).terminalIds[0] ?? '');
  const b1 = new TestPos(engine, merchant(1).terminalIds[0] ?? '');
  expect((await a1.sale(10_000n)).ok).toBe(true);
  expect((await a1.sale(2_000n, TEST_CARDS.credit)).ok).toBe(true);
  expect((await b1.sale(7_777n)).ok).toBe(true);
  // The second merchant is suspended and one of the first's terminals frozen, to filter by.
  await h.db
    .update(schema.merchants)
    .set({ status: 'suspended' })
    .where(eq(schema.merchants.id, merchant(1).id));
  await h.db
    .update(schema.terminals)
    .set({ status: 'frozen', frozenReason: 'lost' })
    .where(eq(schema.terminals.terminalId, merchant(0).terminalIds[1] ?? ''));
  await signInStaff();
  owner = await h.merchantUser({ merchantId: merchant(0).id });
});
afterAll(() => h.close());

describe('GET /v1/ops/merchants', () => {
  const search = async (query: string) => {
    const r = await h.call('GET', `/v1/ops/merchants?${query}`, { as: reviewer });
    expect(r.status).toBe(200);
    return r.body;
  };
  const numbers = (page: { data: { merchantNo: string }[] }) => page.data.map((m) => m.merchantNo);

  it('finds merchants by number prefix or part of the name, and by status', async () => {
    const [a, b] = [merchant(0), merchant(1)];
    const all = await search('');
    expect(numbers(all)).toEqual([a.merchantNo, b.merchantNo]);
    expect(all.nextCursor).toBeNull();
    expect(all.data[0]).toEqual({
      id: a.id,
      merchantNo: a.merchantNo,
      name: '测试商户1',
      status: 'active',
      terminalCount: 2,
      createdAt: '2026-11-24T02:00:00.000Z',
    });
    expect(numbers(await search('q=8983100'))).toEqual([a.merchantNo, b.merchantNo]);
    expect(numbers(await search(`q=${b.merchantNo}`))).toEqual([b.merchantNo]);
    expect(numbers(await search(`q=${encodeURIComponent('商户2')}`))).toEqual([b.merchantNo]);
    expect(numbers(await search('q=983100'))).toEqual([]);
    // Wildcards are matched as themselves.
    expect(numbers(await search('q=%25'))).toEqual([]);
    expect(numbers(await search('status=suspended'))).toEqual([b.merchantNo]);
    expect(numbers(await search(`status=active&q=${encodeURIComponent('测试')}`))).toEqual([
      a.merchantNo,
    ]);
  });

  it('pages by cursor: each merchant once', async () => {
    const first = await search('limit=1');
    expect(numbers(first)).toEqual([merchant(0).merchantNo]);
    expect(first.nextCursor).toBe(merchant(0).merchantNo);
    const second = await search(`limit=1&cursor=${first.nextCursor}`);
    expect(numbers(second)).toEqual([merchant(1).merchantNo]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses merchants, strangers and bad input', async () => {
    const refused = await h.call('GET', '/v1/ops/merchants', { as: owner });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect((await h.call('GET', '/v1/ops/merchants')).status).toBe(401);
    const bad = await h.call('GET', '/v1/ops/merchants?status=open', { as: reviewer });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed', param: 'status' });
  });
});

describe('GET /v1/ops/merchants/:id', () => {
  it('shows the terminals, every service by name and the ledger balances', async () => {
    const a = merchant(0);
    const r = await h.call('GET', `/v1/ops/merchants/${a.id}`, {
      as: reviewer,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: a.id, merchantType: 'enterprise', closedAt: null });
    expect(r.body.terminals).toEqual([
      {
        terminalId: a.terminalIds[0],
        merchantId: a.id,
        merchantNo: a.merchantNo,
        merchantName: '测试商户1',
        status: 'active',
        serialNo: `SN${a.terminalIds[0]}`,
      },
      expect.objectContaining({ terminalId: a.terminalIds[1], status: 'frozen' }),
    ]);
    expect(r.body.services).toHaveLength(7);
    expect(r.body.services[0]).toEqual({ code: 'card_debit', name: '借记卡', status: 'active' });
    expect(r.body.services).toContainEqual({
      code: 'd0_settlement',
      name: 'D0结算',
      status: 'not_activated',
    });
    // ¥100 (fee ¥0.50) and ¥20 (fee ¥0.12) sold: the network owes ¥120, the merchant is owed.
    expect(r.body.balances).toEqual([
      { account: 'network_receivable', balanceFen: '12000' },
      { account: 'merchant_pending', balanceFen: String(-(12_000 - 50 - 12)) },
    ]);
    const en = await h.call('GET', `/v1/ops/merchants/${a.id}`, { as: reviewer });
    expect(en.body.services[0].name).toBe('Debit cards');
  });

  it('answers 404 for an unknown merchant', async () => {
    const r = await h.call('GET', `/v1/ops/merchants/${h.world.ids.next()}`, { as: reviewer });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ code: 'not_found', param: 'id' });
  });
});

describe('GET /v1/ops/terminals', () => {
  const ids = async (query: string) => {
    const r = await h.call('GET', `/v1/ops/terminals?${query}`, { as: reviewer });
    expect(r.status).toBe(200);
    return r.body.data.map((t: { terminalId: string }) => t.terminalId);
  };

  it('finds terminals by id prefix, serial or merchant number, merchant and status', async () => {
    const [a, b] = [merchant(0), merchant(1)];
    expect(await ids('')).toEqual([...a.terminalIds, ...b.terminalIds]);
    expect(await ids('q=00020')).toEqual(b.terminalIds);
    // A part of a serial number matches anywhere in it.
    expect(await ids('q=0002')).toEqual([a.terminalIds[1], ...b.terminalIds]);
    expect(await ids(`q=sn${b.terminalIds[1]}`)).toEqual([b.terminalIds[1]]);
    expect(await ids(`q=${a.merchantNo}`)).toEqual(a.terminalIds);
    expect(await ids(`merchantId=${b.id}`)).toEqual(b.terminalIds);
    expect(await ids('status=frozen')).toEqual([a.terminalIds[1]]);
    expect(await ids(`status=active&merchantId=${a.id}`)).toEqual([a.terminalIds[0]]);
    const page = await h.call('GET', '/v1/ops/terminals?limit=3', { as: reviewer });
    expect(page.body.nextCursor).toBe(b.terminalIds[0]);
    expect(await ids(`cursor=${page.body.nextCursor}`)).toEqual([b.terminalIds[1]]);
  });

  it('is staff only', async () => {
    const refused = await h.call('GET', '/v1/ops/terminals', { as: owner });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
  });
});

describe('business dates, cutoff and settlement runs', () => {
  it('refuses a cutoff before the cutoff time and a settlement before the cutoff', async () => {
    const [today] = await dates();
    expect(today).toMatchObject({
      businessDate: DATE,
      status: 'open',
      cutoffDueAt: '2026-11-24T15:00:00.000Z',
      cutOffAt: null,
      transactionCount: 3,
      salesFen: '19777',
      merchantsSettled: 0,
      merchantsToSettle: 2,
    });
    const early = await start(ops, 'cutoff');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'cutoff_too_early',
      param: 'businessDate',
      detail: { dueAt: '2026-11-24T15:00:00.000Z' },
    });
    const unsettleable = await start(finance, 'settlement');
    expect(unsettleable.status).toBe(409);
    expect(unsettleable.body).toMatchObject({ code: 'business_date_not_cut_off' });
    const runs = await h.call('GET', '/v1/ops/runs', { as: ops });
    expect(runs.body.data).toEqual([]);
  });

  it('lets ops and admin cut off, ops, finance and admin settle; not reviewers', async () => {
    for (const kind of ['cutoff', 'settlement']) {
      const r = await start(reviewer, kind);
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('forbidden');
    }
    expect((await start(finance, 'cutoff')).status).toBe(403);
    expect((await start(owner, 'cutoff')).status).toBe(403);
    const bad = await h.call('POST', '/v1/ops/runs', {
      as: ops,
      body: { kind: 'payout', businessDate: DATE },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('kind');
  });

  it('shows the date due once its cutoff time passes; a cutoff run completes 1/1', async () => {
    h.world.clock.advance(13.5 * 3_600_000);
    await signInStaff();
    const [next, due] = await dates();
    expect(next).toMatchObject({ businessDate: '2026-11-25', status: 'open', salesFen: '0' });
    expect(due).toMatchObject({ businessDate: DATE, status: 'due' });
    const r = await start(ops, 'cutoff');
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({
      kind: 'cutoff',
      businessDate: DATE,
      status: 'running',
      done: 0,
      total: 1,
      finishedAt: null,
      outcome: null,
      summary: null,
    });
    expect(r.body.startedBy).toMatch(/^员工/);
    const run = await finished(r.body.id);
    expect(run).toMatchObject({ status: 'completed', done: 1, total: 1, outcome: null });
    expect(run.summary).toEqual({ approvedCount: 3, approvedSalesFen: '19777', already: 0 });
    const [, cut] = await dates();
    expect(cut).toMatchObject({ status: 'cut_off', cutOffAt: '2026-11-24T15:30:00.000Z' });
    const audited = await h.call('GET', '/v1/ops/audit?action=cutoff.run_started', { as: ops });
    expect(audited.body.data).toHaveLength(1);
    expect(audited.body.data[0]).toMatchObject({ objectType: 'business_date', objectId: DATE });
    expect(audited.body.data[0].detail).toMatchObject({ runId: r.body.id, kind: 'cutoff' });
  });

  it('answers the running settlement to a second start; progress reaches the total', async () => {
    const engine = h.services.engine;
    const settle = engine.settleMerchants;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const progress: [number, number][] = [];
    engine.settleMerchants = async (input) => {
      await gate;
      return settle({
        ...input,
        onProgress: (done, total) => {
          progress.push([done, total]);
          input.onProgress?.(done, total);
        },
      });
    };
    try {
      const first = await start(finance, 'settlement');
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({ status: 'running', done: 0, total: 2 });
      const second = await start(ops, 'settlement');
      expect(second.status).toBe(202);
      expect(second.body.id).toBe(first.body.id);
      const going = await h.call('GET', `/v1/ops/runs/${first.body.id}`, { as: reviewer });
      expect(going.body).toMatchObject({ status: 'running', done: 0, total: 2 });
      release();
      const run = await finished(first.body.id);
      expect(run).toMatchObject({ status: 'completed', done: 2, total: 2, outcome: null });
      // One merchant per chunk (SETTLEMENT_CHUNK_SIZE=1), reported to the run as it went.
      expect(progress).toEqual([
        [1, 2],
        [2, 2],
      ]);
      expect(run.summary).toMatchObject({ merchants: 2, grossFen: '19777', already: 0 });
      expect(run.finishedAt).not.toBeNull();
    } finally {
      engine.settleMerchants = settle;
    }
    const [, settled] = await dates();
    expect(settled).toMatchObject({
      status: 'settled',
      merchantsSettled: 2,
      merchantsToSettle: 2,
    });
    const audited = await h.call('GET', '/v1/ops/audit?action=settlement.run_started', {
      as: ops,
    });
    expect(audited.body.data).toHaveLength(1);
  });

  it('completes a run of a date already cut off, and replays an Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'again-cutoff-1' };
    const r = await start(ops, 'cutoff', DATE, headers);
    expect(r.status).toBe(202);
    const run = await finished(r.body.id);
    expect(run).toMatchObject({ status: 'completed', done: 1, total: 1 });
    expect(run.summary.already).toBe(1);
    const replay = await start(ops, 'cutoff', DATE, headers);
    expect(replay.status).toBe(202);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(r.body.id);
    const list = await h.call('GET', '/v1/ops/runs?limit=10', { as: reviewer });
    const kinds = list.body.data.map((x: { kind: string }) => x.kind);
    expect(kinds).toEqual(['cutoff', 'settlement', 'cutoff']);
    expect(list.body.data[0].id).toBe(r.body.id);
  });

  it("fails a run with the engine's outcome, or internal_error for a defect", async () => {
    const engine = h.services.engine;
    const cutoff = engine.cutoff;
    const settle = engine.settleMerchants;
    engine.cutoff = async () => {
      throw new Error('disk on fire');
    };
    engine.settleMerchants = async () => err(outcome('business_date_not_cut_off'));
    try {
      const broken = await finished((await start(ops, 'cutoff')).body.id);
      expect(broken).toMatchObject({
        status: 'failed',
        done: 0,
        outcome: { code: 'internal_error', message: 'Internal error' },
        summary: null,
      });
      const logged = h.logLines
        .flatMap((chunk) => chunk.split('\n').filter((l) => l !== ''))
        .map((l) => JSON.parse(l))
        .find((l) => l.event === 'run.failed');
      expect(logged).toMatchObject({ level: 50, runId: broken.id, kind: 'cutoff' });
      const refused = await finished((await start(ops, 'settlement')).body.id);
      expect(refused).toMatchObject({
        status: 'failed',
        outcome: { code: 'business_date_not_cut_off' },
      });
    } finally {
      engine.cutoff = cutoff;
      engine.settleMerchants = settle;
    }
  });

  it('answers 404 for a run this process never started', async () => {
    const r = await h.call('GET', `/v1/ops/runs/${h.world.ids.next()}`, { as: ops });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
  });
});

describe('POST /v1/ops/ledger/checks', () => {
  it('reports a healthy ledger, audited; reviewers may not run it', async () => {
    const r = await h.call('POST', '/v1/ops/ledger/checks', { as: finance, body: {} });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      checkedAt: h.world.clock.now().toISOString(),
      ok: true,
      totalFen: '0',
      unbalancedEntryIds: [],
      transactionsWithoutEntry: 0,
      mismatches: [],
    });
    // Three sales and two settlements; balances of two merchants and the acquirer's fee income.
    expect(r.body.entriesChecked).toBe(5);
    expect(r.body.accountsChecked).toBeGreaterThanOrEqual(9);
    const audited = await h.call('GET', '/v1/ops/audit?action=ledger.checked', { as: ops });
    expect(audited.body.data[0].detail).toMatchObject({ ok: true, mismatches: 0 });
    const refused = await h.call('POST', '/v1/ops/ledger/checks', { as: reviewer, body: {} });
    expect(refused.status).toBe(403);
  });

  it('lists the balances that do not match', async () => {
    const a = merchant(0);
    await h.db.insert(schema.journalEntries).values({
      id: h.world.ids.next(),
      kind: 'sale',
      merchantId: a.id,
      transactionId: null,
      settlementId: null,
      businessDate: '2026-11-25',
      createdAt: h.world.clock.now(),
      lineAccounts: ['fee_income', 'merchant_pending'],
      lineMerchantIds: [null, a.id] as unknown as string[],
      lineAmountsFen: [70n, -70n],
    });
    const r = await h.call('POST', '/v1/ops/ledger/checks', { as: ops, body: {} });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.mismatches).toContainEqual({
      account: 'merchant_pending',
      merchantId: a.id,
      expectedFen: '0',
      actualFen: '-70',
    });
    expect(r.body.mismatches).toContainEqual(
      expect.objectContaining({ account: 'fee_income', merchantId: null }),
    );
  });
});
