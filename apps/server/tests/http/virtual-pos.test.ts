// Goal: the virtual POS works as a cashier uses a POS, through the real 8583 gateway — sign-in,
// sale with a masked slip, void by voucher number, the second void refused, a void after the
// cutoff refused with the refund hint, refund, settlement — declines answered 200, bad input 400,
// another merchant's cashier refused, no card number in any log line. Method: the HTTP harness
// over the test database with a real gateway on 127.0.0.1 and the platform's bridge, the fake
// clock moved past the cutoff and `engine.cutoff` run as the scheduler would.
import { Validator } from '@seriousme/openapi-schema-validator';
import { TEST_CARDS } from '@shoudan/core';
import { createSecurityModule } from '@shoudan/hsm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overrideConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway/gateway.ts';
import { createHttpApp } from '../../src/http/app.ts';
import { ensureNetworkZpk } from '../../src/keys/network-zpk.ts';
import type { Services } from '../../src/services.ts';
import type { VirtualPosBridge } from '../../src/virtual-pos/bridge.ts';
import { startVirtualPos } from '../../src/virtual-pos/start.ts';
import { type Caller, type Harness, type Response, startHarness } from './harness.ts';

const MASTER_KEY = '0123456789ABCDEFFEDCBA98765432100123456789ABCDEF';
const SUPERVISOR = '123456';
const BASE = '/v1/merchant/virtual-pos/terminals';
const ZH = { 'accept-language': 'zh-CN' };

let h: Harness;
let gateway: Gateway;
let bridgeOf: (services: Services) => VirtualPosBridge;
let cashier: Caller;
let cashierB: Caller;
let terminalId: string;
let otherTerminalId: string;
const ALL_CARDS = Object.values(TEST_CARDS);

beforeAll(async () => {
  h = await startHarness({
    merchants: 2,
    terminalsPerMerchant: 2,
    extend: async (services) => {
      const hsm = createSecurityModule({ masterKeyHex: MASTER_KEY });
      const { terminalKeys: store, clock } = services;
      const zpk = await ensureNetworkZpk({ hsm, store, clock });
      gateway = await createGateway({
        ...services,
        config: overrideConfig(services.config, { gatewayPort: 0 }),
        terminalKeys: store,
        hsm,
        zpk,
      });
      bridgeOf = (over) => startVirtualPos(over, { hsm, port: gateway.port });
      const bridge = bridgeOf(services);
      return {
        deps: { virtualPos: bridge },
        close: async () => {
          bridge.close();
          await gateway.close();
        },
      };
    },
  });
  terminalId = h.world.merchants[0]?.terminalIds[0] ?? '';
  otherTerminalId = h.world.merchants[1]?.terminalIds[0] ?? '';
  await signInCashiers();
});

/** A cashier of each merchant; again after the clock moved past their sessions' idle time. */
async function signInCashiers() {
  const [a, b] = h.world.merchants;
  if (!a || !b) throw new Error('two merchants');
  cashier = await h.merchantUser({ merchantId: a.id, role: 'cashier' });
  cashierB = await h.merchantUser({ merchantId: b.id, role: 'cashier' });
}
afterAll(() => h.close());

const post = (path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  h.call('POST', `${BASE}/${terminalId}/${path}`, { as: cashier, body, headers });

function approved(r: Response) {
  expect(r.status).toBe(200);
  expect(r.body.approved, `${r.body.responseCode} ${r.body.failure} ${r.body.message}`).toBe(true);
  return r.body;
}

const sale = (cardNo: string, amountFen: string, extra: Record<string, string> = {}) =>
  post('sale', { cardNo, amountFen, ...extra });

describe('virtual POS: the day of a cashier', () => {
  let firstSale: any;
  let creditSale: any;

  it('lists only the merchant’s own terminals, none signed in yet', async () => {
    const r = await h.call('GET', BASE, { as: cashier });
    expect(r.status).toBe(200);
    const ids = r.body.data.map((t: { terminalId: string }) => t.terminalId);
    expect(ids).toEqual(h.world.merchants[0]?.terminalIds);
    expect(r.body.data[0]).toMatchObject({ usable: true, signedIn: false, batchNo: '000001' });
    const screen = await h.call('GET', `${BASE}/${terminalId}`, { as: cashier });
    expect(screen.status).toBe(200);
    expect(screen.body).toMatchObject({ signedIn: false, nextVoucherNo: null, journal: [] });
    expect(screen.body.merchantNo).toBe(h.world.merchants[0]?.merchantNo);
  });

  it('refuses a sale before sign-in on the terminal itself, with the hint to sign in', async () => {
    const r = await sale(TEST_CARDS.debit, '100');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ approved: false, failure: 'not_signed_in', slip: null });
    expect(r.body.hint).toMatch(/sign in/i);
  });

  it('signs in through the gateway and gets the batch', async () => {
    const body = approved(await post('sign-in'));
    expect(body.operation).toBe('sign_in');
    expect(body.screen).toMatchObject({ signedIn: true, batchNo: '000001' });
    expect(body.message).toContain('000001');
  });

  it('approves a sale with a slip whose card number is masked 6+4', async () => {
    const r = await sale(TEST_CARDS.debit, '1250', { pin: '123456', expiry: '2812' });
    firstSale = approved(r).slip;
    expect(firstSale).toMatchObject({
      kind: 'sale',
      maskedPan: '622202******0001',
      entryMark: 'M',
      batchNo: '000001',
      amountFen: '1250',
      terminalId,
      merchantNo: h.world.merchants[0]?.merchantNo,
      merchantName: '测试商户1',
    });
    expect(firstSale.rrn).toMatch(/^\d{12}$/);
    expect(firstSale.authCode).toMatch(/^\w{6}$/);
    expect(firstSale.dateTime).toMatch(/^2026\/11\/24 \d\d:\d\d:\d\d$/);
    expect(r.text).not.toContain(TEST_CARDS.debit);
    const journal = r.body.screen.journal;
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({ voucherNo: firstSale.voucherNo, voidable: true });
  });

  it('answers a declined card 200 with the code, its text and a hint', async () => {
    const r = await sale(TEST_CARDS.insufficientFunds, '500');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ approved: false, responseCode: '51', slip: null });
    expect(r.body.message).toBe('Insufficient funds');
    expect(r.body.hint).toBeTruthy();
  });

  it('refuses a void with the wrong supervisor password before sending it', async () => {
    const r = await post('void', { voucherNo: firstSale.voucherNo, supervisorPassword: '000000' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ approved: false, failure: 'supervisor_password_wrong' });
  });

  it('voids the sale by its voucher number', async () => {
    const voucherNo = String(Number(firstSale.voucherNo));
    const r = await post('void', { voucherNo, supervisorPassword: SUPERVISOR });
    const slip = approved(r).slip;
    expect(slip).toMatchObject({
      kind: 'void',
      originalVoucherNo: firstSale.voucherNo,
      amountFen: '1250',
      maskedPan: '622202******0001',
    });
    const entry = r.body.screen.journal.find((e: any) => e.voucherNo === firstSale.voucherNo);
    expect(entry).toMatchObject({ voidable: false, voidedByVoucherNo: slip.voucherNo });
  });

  it('refuses to void the same sale again (200, approved false, already voided)', async () => {
    const r = await post('void', {
      voucherNo: firstSale.voucherNo,
      supervisorPassword: SUPERVISOR,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ approved: false, failure: 'already_voided', slip: null });
    expect(r.body.responseCode).toBeNull();
  });

  it('runs two sales sent at once one after the other', async () => {
    const [x, y] = await Promise.all([
      sale(TEST_CARDS.credit, '10000'),
      sale(TEST_CARDS.foreignCredit, '2000'),
    ]);
    creditSale = approved(x!).slip;
    const other = approved(y!).slip;
    expect(Number(other.voucherNo)).toBe(Number(creditSale.voucherNo) + 1);
  });

  it('refuses a void after the cutoff with the hint to refund instead', async () => {
    h.world.clock.advance(14 * 3_600_000);
    expect((await h.services.engine.cutoff({ businessDate: '2026-11-24' })).ok).toBe(true);
    await signInCashiers();
    const body = { voucherNo: creditSale.voucherNo, supervisorPassword: SUPERVISOR };
    const r = await post('void', body, ZH);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ approved: false, responseCode: '12', slip: null });
    expect(r.body.message).toBe('已结算，请使用退货');
    expect(r.body.hint).toContain('退货');
    const en = await post('void', body);
    expect(en.body.hint).toMatch(/Refund instead/);
  });

  it('refunds part of the settled sale by its RRN and date', async () => {
    const mmdd = creditSale.dateTime.slice(5, 10).replace('/', '');
    const r = await post('refund', {
      cardNo: TEST_CARDS.credit,
      originalReferenceNo: creditSale.rrn,
      originalDate: mmdd,
      amountFen: '3000',
      supervisorPassword: SUPERVISOR,
    });
    const slip = approved(r).slip;
    expect(slip).toMatchObject({ kind: 'refund', amountFen: '3000', originalRrn: creditSale.rrn });
    expect(slip.originalDate).toBe(mmdd);
  });

  it('settles the batch and opens the next', async () => {
    const body = approved(await post('settle'));
    expect(body.settlement).toMatchObject({ batchNo: '000001', nextBatchNo: '000002' });
    expect(body.settlement.domestic).toMatchObject({
      debitCount: 2,
      debitAmountFen: '11250',
      creditCount: 2,
      creditAmountFen: '4250',
      balanced: true,
    });
    expect(body.screen).toMatchObject({ batchNo: '000002', journal: [] });
    expect(body.screen.settledSales.length).toBeGreaterThanOrEqual(3);
  });

  it('goes on from the recorded voucher numbers after a restart of the bridge', async () => {
    const restarted = bridgeOf(h.services);
    const app = await createHttpApp(
      { services: h.services, ids: h.world.ids, virtualPos: restarted },
      { databaseDescription: 'test database' },
    );
    try {
      const send = async (path: string, payload: object) => {
        const headers = { cookie: cashier.cookie ?? '', 'x-csrf-token': cashier.csrfToken ?? '' };
        const r = await app.inject({
          method: 'POST',
          url: `${BASE}/${terminalId}/${path}`,
          headers,
          payload,
        });
        return r.json();
      };
      expect((await send('sign-in', {})).approved).toBe(true);
      const again = await send('sale', { cardNo: TEST_CARDS.debit, amountFen: '800' });
      expect(again.approved).toBe(true);
      expect(again.slip.batchNo).toBe('000002');
      expect(Number(again.slip.voucherNo)).toBeGreaterThan(Number(creditSale.voucherNo) + 1);
    } finally {
      restarted.close();
      await app.close();
    }
  });
});

describe('virtual POS: who may use it and what it accepts', () => {
  it('refuses a cashier of another merchant (404), on the screen and the operations', async () => {
    const screen = await h.call('GET', `${BASE}/${terminalId}`, { as: cashierB });
    expect(screen.status).toBe(404);
    expect(screen.body.code).toBe('terminal_not_found');
    const r = await h.call('POST', `${BASE}/${terminalId}/sale`, {
      as: cashierB,
      body: { cardNo: TEST_CARDS.debit, amountFen: '100' },
    });
    expect(r.status).toBe(404);
    const own = await h.call('GET', `${BASE}/${otherTerminalId}`, { as: cashierB });
    expect(own.status).toBe(200);
  });

  it('needs a signed-in merchant user and the CSRF token', async () => {
    expect((await h.call('GET', BASE)).status).toBe(401);
    const r = await h.call('POST', `${BASE}/${terminalId}/sign-in`, { as: cashier, noCsrf: true });
    expect(r.status).toBe(403);
  });

  it.each([
    [{ cardNo: TEST_CARDS.debit, amountFen: '0' }, 'amountFen'],
    [{ cardNo: TEST_CARDS.debit, amountFen: '12.5' }, 'amountFen'],
    [{ cardNo: TEST_CARDS.debit, amountFen: 100 }, 'amountFen'],
    [{ cardNo: '1234', amountFen: '100' }, 'cardNo'],
    [{ cardNo: TEST_CARDS.debit, amountFen: '100', pin: '12' }, 'pin'],
  ])('answers a bad sale body 400 naming the field (%j)', async (body, field) => {
    const r = await post('sale', body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'validation_failed', param: field });
  });

  it('is not served without a bridge (VIRTUAL_POS=off)', async () => {
    const app = await createHttpApp(
      { services: h.services, ids: h.world.ids },
      { databaseDescription: 'test database' },
    );
    try {
      const r = await app.inject({
        method: 'GET',
        url: BASE,
        headers: { cookie: cashier.cookie! },
      });
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('route_not_found');
    } finally {
      await app.close();
    }
  });

  it('documents its routes in a valid OpenAPI document', async () => {
    const doc = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(doc as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    const ours = Object.keys(doc.paths).filter((path) => path.startsWith(BASE));
    expect(ours).toHaveLength(8);
  });

  it('never writes a card number to the log', () => {
    const lines = h.logLines.join('');
    expect(lines).toContain('virtual_pos.sale');
    expect(lines).toContain('gateway.started');
    for (const card of ALL_CARDS) expect(lines).not.toContain(card);
  });
});
