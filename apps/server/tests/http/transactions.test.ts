// Goal: a merchant sees its own transactions, balances, settlements and statements, and never
// another merchant's: filters, keyset pages, the CSV download (BOM, Chinese headers, yuan), the
// statement that adds up, roles and bad input. Method: sales, voids, refunds and a declined sale
// made through the engine with TestPos on the harness world (two merchants), a cutoff and
// merchant settlement on the fake clock, then the API through inject.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@shoudan/core';
import { TestPos } from '@shoudan/db/testing';
import { type Caller, type Harness, startHarness } from './harness.ts';

let h: Harness;
let owner: Caller;
let ownerB: Caller;
const ids = { saleA: '', voidA: '', refundA: '', declinedA: '', saleB: '', nextDay: '' };
let rrnB = '';

function ok<T>(result: { ok: true; value: T } | { ok: false; outcome: { code: string } }): T {
  if (!result.ok) throw new Error(`expected an approval, got ${result.outcome.code}`);
  return result.value;
}

beforeAll(async () => {
  h = await startHarness();
  const [a, b] = h.world.merchants;
  if (!a || !b) throw new Error('two merchants');
  const engine = h.world.engine;
  const a1 = new TestPos(engine, a.terminalIds[0] ?? '');
  const a2 = new TestPos(engine, a.terminalIds[1] ?? '');
  const b1 = new TestPos(engine, b.terminalIds[0] ?? '');
  ids.saleA = ok(await a1.sale(10_000n)).transaction.id;
  const credit = ok(await a1.sale(2_345n, TEST_CARDS.credit)).transaction;
  const declined = await a1.sale(500n, TEST_CARDS.declined);
  expect(declined.ok).toBe(false);
  ids.voidA = ok(await a1.voidSale(credit, 2_345n)).transaction.id;
  const toRefund = ok(await a2.sale(5_000n, TEST_CARDS.credit)).transaction;
  expect((await a2.settle()).ok).toBe(true);
  ids.refundA = ok(await a2.refund(toRefund.rrn, 1_000n)).transaction.id;
  const saleB = ok(await b1.sale(7_777n)).transaction;
  ids.saleB = saleB.id;
  rrnB = saleB.rrn;
  // Past the 23:00 cutoff of 2026-11-24: cut off, settle, and sell on the 25th.
  h.world.clock.advance(14 * 3_600_000);
  expect((await engine.cutoff({ businessDate: '2026-11-24' })).ok).toBe(true);
  expect((await engine.settleMerchants({ businessDate: '2026-11-24' })).ok).toBe(true);
  ids.nextDay = ok(await a1.sale(300n)).transaction.id;
  owner = await h.merchantUser({ merchantId: a.id });
  ownerB = await h.merchantUser({ merchantId: b.id });
  const declinedRow = await h.call('GET', '/v1/merchant/transactions?status=declined', {
    as: owner,
  });
  ids.declinedA = declinedRow.body.data[0].id;
});
afterAll(() => h.close());

describe('GET /v1/merchant/transactions', () => {
  it("lists the merchant's own, newest first, amounts as fen strings, cards masked", async () => {
    const r = await h.call('GET', '/v1/merchant/transactions', { as: owner });
    expect(r.status).toBe(200);
    const list: any[] = r.body.data;
    expect(list.map((t) => t.id)).not.toContain(ids.saleB);
    expect(list).toHaveLength(7);
    expect(list[0].id).toBe(ids.nextDay);
    expect(list[0].businessDate).toBe('2026-11-25');
    const sale = list.find((t) => t.id === ids.saleA);
    expect(sale).toMatchObject({
      kind: 'sale',
      status: 'approved',
      amountFen: '10000',
      feeFen: '50',
      voucherNo: '000001',
      batchNo: '000001',
      panMasked: '622202******0001',
      businessDate: '2026-11-24',
    });
    const text = JSON.stringify(r.body);
    expect(text).not.toContain(TEST_CARDS.debit);
    expect(text).not.toContain('requestHash');
    expect(r.body.hasMore).toBe(false);
    expect(r.body.nextCursor).toBeNull();
    const theirs = await h.call('GET', '/v1/merchant/transactions', { as: ownerB });
    expect(theirs.body.data.map((t: { id: string }) => t.id)).toEqual([ids.saleB]);
  });

  it('filters by kind, status, terminal and business dates', async () => {
    const get = async (query: string) =>
      (await h.call('GET', `/v1/merchant/transactions?${query}`, { as: owner })).body.data.map(
        (t: { id: string }) => t.id,
      );
    expect(await get('kind=void')).toEqual([ids.voidA]);
    expect(await get('kind=refund')).toEqual([ids.refundA]);
    expect(await get('status=declined')).toEqual([ids.declinedA]);
    expect(await get('status=voided')).toHaveLength(1);
    const second = h.world.merchants[0]?.terminalIds[1] ?? '';
    expect(await get(`terminalId=${second}`)).toHaveLength(2);
    expect(await get('from=2026-11-25')).toEqual([ids.nextDay]);
    expect(await get('to=2026-11-24')).toHaveLength(6);
    expect(await get('from=2026-11-24&to=2026-11-24&kind=sale&status=approved')).toHaveLength(2);
    expect(await get('from=2026-11-26')).toEqual([]);
  });

  it('pages by keyset: every transaction once, in the same order as one page', async () => {
    const all = (await h.call('GET', '/v1/merchant/transactions', { as: owner })).body.data;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const after: string = cursor ? `&startingAfter=${cursor}` : '';
      const r = await h.call('GET', `/v1/merchant/transactions?limit=3${after}`, { as: owner });
      expect(r.status).toBe(200);
      seen.push(...r.body.data.map((t: { id: string }) => t.id));
      expect(r.body.hasMore).toBe(r.body.nextCursor !== null);
      cursor = r.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.map((t: { id: string }) => t.id));
  });

  it('refuses bad input, naming the field', async () => {
    const bad = async (query: string, param: string) => {
      const r = await h.call('GET', `/v1/merchant/transactions?${query}`, { as: owner });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'validation_failed', param });
    };
    await bad('limit=0', 'limit');
    await bad('limit=201', 'limit');
    await bad('kind=cancel', 'kind');
    await bad('status=ok', 'status');
    await bad('from=2026-02-30', 'from');
    await bad('from=2026-11-25&to=2026-11-24', 'to');
    await bad('terminalId=x', 'terminalId');
    await bad('startingAfter=nope', 'startingAfter');
    await bad('startingAfter=0190a000-0000-7000-8000-000000000001', 'startingAfter');
    // Another merchant's transaction is no cursor either.
    await bad(`startingAfter=${ids.saleB}`, 'startingAfter');
  });

  it('lets cashiers and secret keys read; not staff, not strangers', async () => {
    const cashier = await h.merchantUser({ role: 'cashier' });
    expect((await h.call('GET', '/v1/merchant/transactions', { as: cashier })).status).toBe(200);
    const made = await h.call('POST', '/v1/merchant/api-keys', {
      as: owner,
      body: { name: 'ERP' },
    });
    const key = { bearer: made.body.secret as string };
    const byKey = await h.call('GET', '/v1/merchant/transactions?limit=1', { as: key });
    expect(byKey.status).toBe(200);
    expect(byKey.body.data).toHaveLength(1);
    const staff = await h.staff(['admin']);
    const refused = await h.call('GET', '/v1/merchant/transactions', { as: staff });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    const anonymous = await h.call('GET', '/v1/merchant/transactions');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
  });
});

describe('GET /v1/merchant/transactions/:id', () => {
  it("answers the merchant's own, and 404 for another merchant's", async () => {
    const mine = await h.call('GET', `/v1/merchant/transactions/${ids.refundA}`, { as: owner });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ kind: 'refund', amountFen: '1000', status: 'approved' });
    expect(mine.body.originalId).not.toBeNull();
    const theirs = await h.call('GET', `/v1/merchant/transactions/${ids.saleB}`, { as: owner });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ code: 'not_found', param: 'id' });
    const back = await h.call('GET', `/v1/merchant/transactions/${ids.saleA}`, { as: ownerB });
    expect(back.status).toBe(404);
    const bad = await h.call('GET', '/v1/merchant/transactions/123', { as: owner });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('id');
  });
});

describe('GET /v1/merchant/transactions.csv', () => {
  it('downloads for Excel: BOM, Chinese headers, yuan, a Chinese file name', async () => {
    const r = await h.call('GET', '/v1/merchant/transactions.csv?to=2026-11-24', { as: owner });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toMatch(/^text\/csv/);
    expect(r.text.charCodeAt(0)).toBe(0xfeff);
    const disposition = String(r.headers['content-disposition']);
    expect(disposition).toContain('attachment');
    expect(disposition).toContain('filename="transactions-2026-11-24.csv"');
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('交易明细-2026-11-24.csv')}`,
    );
    const rows: string[][] = parse(r.text, { bom: true });
    expect(rows[0]).toEqual([
      '交易时间',
      '终端号',
      '批次号',
      '凭证号',
      '交易类型',
      '状态',
      '金额(元)',
      '手续费(元)',
      '卡号',
      '参考号',
      '授权码',
      '清算日期',
    ]);
    expect(rows).toHaveLength(7);
    const sale = rows.find((row) => row[6] === '100.00');
    expect(sale).toEqual([
      '2026-11-24 10:00:00',
      h.world.merchants[0]?.terminalIds[0],
      '000001',
      '000001',
      '消费',
      '成功',
      '100.00',
      '0.50',
      '622202******0001',
      expect.stringMatching(/^\d{12}$/),
      expect.stringMatching(/^.{6}$/),
      '2026-11-24',
    ]);
    expect(rows.some((row) => row[4] === '消费撤销' && row[6] === '23.45')).toBe(true);
    expect(rows.some((row) => row[4] === '退货' && row[6] === '10.00')).toBe(true);
    expect(rows.some((row) => row[5] === '失败' && row[6] === '5.00')).toBe(true);
    expect(r.text).not.toContain(rrnB);
  });

  it('applies the filters, names the dates, shows B nothing of A', async () => {
    const refunds = await h.call(
      'GET',
      '/v1/merchant/transactions.csv?kind=refund&from=2026-11-01&to=2026-11-24',
      { as: owner },
    );
    const rows: string[][] = parse(refunds.text, { bom: true });
    expect(rows.slice(1).map((row) => row[4])).toEqual(['退货']);
    expect(String(refunds.headers['content-disposition'])).toContain(
      'transactions-2026-11-01_2026-11-24.csv',
    );
    const theirs = await h.call('GET', '/v1/merchant/transactions.csv', { as: ownerB });
    const theirRows: string[][] = parse(theirs.text, { bom: true });
    expect(theirRows).toHaveLength(2);
    expect(theirRows[1]?.[6]).toBe('77.77');
    // Without dates, the file is named after today's business date.
    expect(String(theirs.headers['content-disposition'])).toContain('transactions-2026-11-25.csv');
    const bad = await h.call('GET', '/v1/merchant/transactions.csv?kind=x', { as: owner });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('kind');
    const staff = await h.staff(['support']);
    expect((await h.call('GET', '/v1/merchant/transactions.csv', { as: staff })).status).toBe(403);
  });
});

describe('balances, settlements and statements', () => {
  it('shows the ledger balances as the engine computes them', async () => {
    const r = await h.call('GET', '/v1/merchant/balances', { as: owner });
    expect(r.status).toBe(200);
    const balance = await h.world.engine.merchantBalance(h.world.merchants[0]?.id ?? '');
    expect(r.body).toMatchObject({
      pendingFen: balance.pendingFen.toString(),
      payableFen: balance.payableFen.toString(),
    });
    // The 25th's sale of ¥3.00 at 0.5 % is not settled yet.
    expect(r.body.pendingFen).toBe('298');
  });

  it('lists settlements newest first, and only the merchant’s', async () => {
    const r = await h.call('GET', '/v1/merchant/settlements', { as: owner });
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(1);
    expect(r.body.data[0]).toMatchObject({
      businessDate: '2026-11-24',
      saleCount: 2,
      grossFen: '15000',
      feeFen: '80',
      refundFen: '1000',
      netFen: '13920',
      payoutFen: '13920',
      settlementMode: 't1',
      payableDate: '2026-11-25',
    });
    const theirs = await h.call('GET', '/v1/merchant/settlements', { as: ownerB });
    expect(theirs.body.data.map((s: { grossFen: string }) => s.grossFen)).toEqual(['7777']);
    const none = await h.call('GET', '/v1/merchant/settlements?from=2026-11-25', { as: owner });
    expect(none.body.data).toEqual([]);
    const bad = await h.call('GET', '/v1/merchant/settlements?from=2026-11-25&to=2026-11-01', {
      as: owner,
    });
    expect(bad.body).toMatchObject({ code: 'validation_failed', param: 'to' });
  });

  it('gives a statement whose lines add up to the net, as JSON and as the CLI’s CSV', async () => {
    const r = await h.call('GET', '/v1/merchant/statements/2026-11-24', { as: owner });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ businessDate: '2026-11-24', netFen: '13920' });
    const lines: { kind: string; netFen: string; rrn: string }[] = r.body.lines;
    // All at one instant here, so only the set is certain.
    expect(lines.map((l) => l.kind).sort()).toEqual(['refund', 'sale', 'sale']);
    expect(lines.reduce((sum, l) => sum + BigInt(l.netFen), 0n)).toBe(13_920n);
    expect(JSON.stringify(r.body)).not.toContain(rrnB);
    const csv = await h.call('GET', '/v1/merchant/statements/2026-11-24.csv', { as: owner });
    expect(csv.status).toBe(200);
    const merchantId = h.world.merchants[0]?.id ?? '';
    expect(csv.text).toBe(await h.world.engine.statementCsv(merchantId, '2026-11-24'));
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('合计');
    expect(csv.text).toContain('139.20');
    expect(String(csv.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('结算对账单-2026-11-24.csv')}`,
    );
  });

  it('gives the statement as an A4 PDF with the Chinese font embedded', async () => {
    const pdf = await h.app.inject({
      method: 'GET',
      url: '/v1/merchant/statements/2026-11-24.pdf',
      headers: { cookie: owner.cookie ?? '' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdf.rawPayload.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(text).toContain('/FontFile');
    expect(text.match(/\/Type \/Page\b/g)?.length).toBe(1);
    expect(String(pdf.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('结算对账单-2026-11-24.pdf')}`,
    );
    const missing = await h.call('GET', '/v1/merchant/statements/2026-11-23.pdf', { as: owner });
    expect(missing.body).toMatchObject({ code: 'not_found', param: 'businessDate' });
  });

  it('answers 503 with the reason when the PDF font is not installed', async () => {
    const bare = await startHarness({
      merchants: 1,
      terminalsPerMerchant: 1,
      env: { STATEMENT_FONT_FILE: '/nonexistent/NotoSansCJK-Regular.ttc' },
    });
    try {
      const who = await bare.merchantUser();
      const r = await bare.call('GET', '/v1/merchant/statements/2026-11-24.pdf', { as: who });
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('statement_pdf_unavailable');
      expect(r.body.message).toContain('fonts-noto-cjk');
    } finally {
      await bare.close();
    }
  });

  it('answers 404 for a date without settlement and 400 for a bad date', async () => {
    for (const url of [
      '/v1/merchant/statements/2026-11-23',
      '/v1/merchant/statements/2026-11-23.csv',
    ]) {
      const r = await h.call('GET', url, { as: owner });
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ code: 'not_found', param: 'businessDate' });
    }
    const bad = await h.call('GET', '/v1/merchant/statements/2026-11-31', { as: owner });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('businessDate');
  });

  it('is for owners and secret keys: a cashier or staff is refused', async () => {
    const cashier = await h.merchantUser({ role: 'cashier' });
    const staff = await h.staff(['finance']);
    for (const url of [
      '/v1/merchant/balances',
      '/v1/merchant/settlements',
      '/v1/merchant/statements/2026-11-24',
      '/v1/merchant/statements/2026-11-24.csv',
    ]) {
      for (const as of [cashier, staff]) {
        const r = await h.call('GET', url, { as });
        expect(r.status).toBe(403);
        expect(r.body.code).toBe('forbidden');
      }
    }
    const made = await h.call('POST', '/v1/merchant/api-keys', { as: owner, body: { name: 'k' } });
    const byKey = await h.call('GET', '/v1/merchant/balances', {
      as: { bearer: made.body.secret },
    });
    expect(byKey.status).toBe(200);
  });
});
