// Goal: the terminal's sign-in, voucher numbers, MACs, sale/void/refund and saved state behave as
// a CUP POS. Method: a real TCP test host (hsm keys and MACs) answering deterministically.
import { generateTerminalMac } from '@shoudan/hsm';
import { pack } from '@shoudan/iso8583';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTerminalState } from './parse-state.ts';
import { freshState, type TerminalState } from './state.ts';
import { DEBIT_CARD, type Rig, startRig } from './testing/fixtures.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function signedIn(
  host: Parameters<typeof startRig>[0] = {},
  terminal: Parameters<typeof startRig>[1] = {},
) {
  rig = await startRig(host, terminal);
  expect(await rig.terminal.signIn('003')).toEqual({ status: 'signed_in', batchNo: '000001' });
  return rig;
}

describe('sign-in', () => {
  it('opens the working keys, checks their KCVs and adopts the batch from 60.2', async () => {
    rig = await startRig({ signInBatchNo: '000042' });
    const result = await rig.terminal.signIn('004');
    expect(result).toEqual({ status: 'signed_in', batchNo: '000042' });
    const state = rig.terminal.state();
    expect(state.workingKeys?.pik.clearKeyHex).toHaveLength(32);
    expect(state.workingKeys?.tdk).toBeDefined();
    expect(state.signInCode).toBe('004');
    const request = rig.host.requests[0];
    expect(request).toMatchObject({ mti: '0800', stan: '000001', networkManagementCode: '004' });
    expect(request?.operatorNo).toBe('01 ');
  });

  it('refuses working keys whose check value is wrong', async () => {
    rig = await startRig({ behave: () => ({ corruptKeyCheck: true }) });
    const result = await rig.terminal.signIn('003');
    expect(result).toMatchObject({ status: 'failed', reason: 'check_value_mismatch' });
    expect(rig.terminal.status().signedIn).toBe(false);
    expect(rig.terminal.state().workingKeys).toBeUndefined();
  });

  it('reads single-length keys (001) and signs in again when an answer asks (处理要求 3)', async () => {
    rig = await startRig({
      behave: (m) => (m.mti === '0200' ? { processingRequest: '3' } : undefined),
    });
    expect(await rig.terminal.signIn('001')).toMatchObject({ status: 'signed_in' });
    expect(rig.terminal.state().workingKeys?.mak.clearKeyHex).toHaveLength(16);
    const sale = await rig.terminal.sale({ pan: DEBIT_CARD, amountFen: 100n });
    expect(sale.status).toBe('approved');
    expect(rig.host.requests.map((m) => m.mti)).toEqual(['0800', '0200', '0800']);
    expect(rig.events).toContainEqual({ type: 'sign_in.requested' });
  });

  it('refuses to sell before signing in, and signs off forgetting the keys', async () => {
    rig = await startRig();
    const before = await rig.terminal.sale({ pan: DEBIT_CARD, amountFen: 100n });
    expect(before).toMatchObject({ status: 'failed', reason: 'not_signed_in' });
    expect(rig.host.requests).toHaveLength(0);
    await rig.terminal.signIn();
    expect(await rig.terminal.signOff()).toEqual({ status: 'signed_off' });
    expect(rig.host.requests.at(-1)).toMatchObject({ mti: '0820', networkManagementCode: '002' });
    expect(rig.terminal.status().signedIn).toBe(false);
  });
});

describe('voucher numbers (STAN)', () => {
  it('takes a new one for every request and wraps 999999 to 000001', async () => {
    const state: TerminalState = { ...freshState(), nextVoucherNo: '999998' };
    rig = await startRig({}, { state });
    await rig.terminal.signIn('003');
    await rig.terminal.sale({ pan: DEBIT_CARD, amountFen: 100n });
    await rig.terminal.sale({ pan: DEBIT_CARD, amountFen: 200n });
    expect(rig.host.requests.map((m) => m.stan)).toEqual(['999998', '999999', '000001']);
    expect(rig.terminal.status().nextVoucherNo).toBe('000002');
  });

  it('runs one request at a time: concurrent calls wait their turn', async () => {
    const r = await signedIn();
    const amounts = [1n, 2n, 3n];
    const results = await Promise.all(
      amounts.map((amountFen) => r.terminal.sale({ pan: DEBIT_CARD, amountFen })),
    );
    expect(results.map((result) => result.status)).toEqual(['approved', 'approved', 'approved']);
    const sent = r.host.requests.slice(1).map((m) => [m.stan, m.amountFen]);
    expect(sent).toEqual([
      ['000002', 1n],
      ['000003', 2n],
      ['000004', 3n],
    ]);
  });
});

describe('sale', () => {
  it('sends a MAC the host verifies and a PIN block under the PIK', async () => {
    const r = await signedIn();
    const result = await r.terminal.sale({
      pan: DEBIT_CARD,
      expiry: '2812',
      amountFen: 1250n,
      pin: '123456',
    });
    expect(result.status).toBe('approved');
    const request = r.host.requests[1];
    expect(request).toMatchObject({
      mti: '0200',
      processingCode: '000000',
      amountFen: 1250n,
      entryMode: '011',
      pinCaptureCode: '12',
      securityControl: '2600000000000000',
      transactionTypeCode: '22',
      batchNo: '000001',
      networkManagementCode: '000',
    });
    expect(request?.pinBlock).toHaveLength(8);
    // The MAC over the request is the one the terminal's MAK gives.
    const mak = r.terminal.state().workingKeys?.mak;
    if (request === undefined || mak === undefined) throw new Error('missing');
    const { mac, ...withoutMac } = request;
    const packed = pack({ ...withoutMac, mac: new Uint8Array(8) });
    if (!packed.ok) throw new Error('pack');
    const data = packed.value.subarray(0, packed.value.length - 8);
    expect(generateTerminalMac({ mak, algorithm: 'cup-ecb', data })).toEqual(mac);
    expect(r.host.macFailures()).toBe(0);
  });

  it('swipes a track 2 without field 2 and takes the card number from the answer', async () => {
    const r = await signedIn();
    const result = await r.terminal.sale({ track2: `${DEBIT_CARD}=28121010000`, amountFen: 5000n });
    expect(r.host.requests[1]).toMatchObject({
      entryMode: '022',
      track2: `${DEBIT_CARD}=28121010000`,
    });
    expect(r.host.requests[1]?.pan).toBeUndefined();
    if (result.status !== 'approved') throw new Error(result.status);
    expect(result.transaction).toMatchObject({
      kind: 'sale',
      voucherNo: '000002',
      maskedPan: '622202******0001',
      amountFen: 5000n,
      rrn: '143052000002',
      authCode: 'A00002',
      cardOrganisation: 'CUP',
      hostDate: '1125',
    });
  });

  it('returns a decline with its code and 63.2 text; nothing is reversed', async () => {
    const r = await signedIn({
      behave: (m) =>
        m.amountFen === 777n ? { responseCode: '51', responseText: '余额不足' } : undefined,
    });
    const result = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 777n });
    expect(result).toEqual({ status: 'declined', responseCode: '51', responseText: '余额不足' });
    expect(r.terminal.status().pendingReversal).toBeUndefined();
    expect(r.terminal.journal()).toHaveLength(0);
  });

  it('refuses bad input before sending anything', async () => {
    const r = await signedIn();
    const bad = [
      { pan: '1234', amountFen: 100n },
      { pan: DEBIT_CARD, amountFen: 0n },
      { pan: DEBIT_CARD, amountFen: 100n, pin: '12' },
      { pan: DEBIT_CARD, track2: `${DEBIT_CARD}=2812`, amountFen: 100n },
    ];
    for (const input of bad) {
      expect(await r.terminal.sale(input)).toMatchObject({
        status: 'failed',
        reason: 'invalid_input',
      });
    }
    expect(r.host.requests).toHaveLength(1);
  });
});

describe('void and refund', () => {
  it('voids from the journal: amount, RRN, auth code and 61 of the original', async () => {
    const r = await signedIn();
    const sale = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 1250n });
    if (sale.status !== 'approved') throw new Error(sale.status);
    expect(r.terminal.listVoidable().map((t) => t.voucherNo)).toEqual(['000002']);
    const voided = await r.terminal.voidSale({ voucherNo: '000002' });
    expect(voided.status).toBe('approved');
    expect(r.host.requests.at(-1)).toMatchObject({
      mti: '0200',
      processingCode: '200000',
      amountFen: 1250n,
      rrn: sale.transaction.rrn,
      authorisationCode: sale.transaction.authCode,
      transactionTypeCode: '23',
      originalBatchNo: '000001',
      originalVoucherNo: '000002',
    });
    expect(r.terminal.listVoidable()).toEqual([]);
    expect(r.host.chargedFen()).toBe(0n);
    const again = await r.terminal.voidSale({ voucherNo: '000002' });
    expect(again).toMatchObject({ status: 'failed', reason: 'already_voided' });
    const unknown = await r.terminal.voidSale({ voucherNo: '000099' });
    expect(unknown).toMatchObject({ status: 'failed', reason: 'original_not_found' });
  });

  it('lists voidable sales by time: today only, in the range asked', async () => {
    const r = await signedIn();
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 100n });
    r.clock.advance(3_600_000);
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 200n });
    const from = new Date('2026-11-25T07:00:00Z');
    const to = new Date('2026-11-25T08:00:00Z');
    expect(r.terminal.listVoidable({ from, to }).map((t) => t.amountFen)).toEqual([200n]);
    expect(r.terminal.listVoidable()).toHaveLength(2);
    r.clock.advance(24 * 3_600_000);
    expect(r.terminal.listVoidable()).toEqual([]);
  });

  it('the host refuses the void of a sale it settled at cutoff with 12', async () => {
    const r = await signedIn();
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 100n });
    r.host.settleAll();
    expect(await r.terminal.voidSale({ voucherNo: '000002' })).toEqual({
      status: 'declined',
      responseCode: '12',
    });
  });

  it('refunds by RRN and original date with 61.1/61.2 zero-filled', async () => {
    const r = await signedIn();
    const sale = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 1000n });
    if (sale.status !== 'approved') throw new Error(sale.status);
    const result = await r.terminal.refund({
      pan: DEBIT_CARD,
      rrn: sale.transaction.rrn,
      originalDateMmdd: '1125',
      amountFen: 400n,
    });
    expect(result).toMatchObject({
      status: 'approved',
      transaction: { kind: 'refund', cardOrganisation: '000' },
    });
    expect(r.host.requests.at(-1)).toMatchObject({
      mti: '0220',
      processingCode: '200000',
      transactionTypeCode: '25',
      originalBatchNo: '000000',
      originalVoucherNo: '000000',
      originalDate: '1125',
      cardOrganisation: '000',
    });
    expect(r.host.chargedFen()).toBe(600n);
  });
});

describe('the link to the host', () => {
  const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('is a connection per operation by default, closed when the answer is in', async () => {
    const r = await signedIn();
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 100n });
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 200n });
    await settled();
    expect(r.host.connections()).toEqual({ accepted: 3, open: 0 });
  });

  it('stays open between operations when kept, and closes after idling that long', async () => {
    const r = await signedIn({}, { keepLinkOpenMs: 300 });
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 100n });
    await r.terminal.voidSale({ voucherNo: '000001' });
    await settled();
    expect(r.host.connections()).toEqual({ accepted: 1, open: 1 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(r.host.connections()).toEqual({ accepted: 1, open: 0 });
    const again = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 300n });
    expect(again.status).toBe('approved');
    expect(r.host.connections().accepted).toBe(2);
  });

  it('reconnects when the host closed the kept link, and closes after a failure', async () => {
    let closeNext = false;
    const r = await signedIn(
      { behave: () => (closeNext ? { close: true } : undefined) },
      { keepLinkOpenMs: 60_000 },
    );
    await r.host.dropConnections();
    await settled();
    const sold = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 100n });
    expect(sold.status).toBe('approved');
    expect(r.host.connections()).toEqual({ accepted: 2, open: 1 });
    closeNext = true;
    const lost = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 200n });
    expect(lost).toMatchObject({ status: 'failed', reversalPending: true });
    closeNext = false;
    await settled();
    expect(r.host.connections().open).toBe(0);
  });
});

describe('state', () => {
  it('is saved on every change and restores a terminal that goes on where it stopped', async () => {
    const r = await signedIn();
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 100n });
    const saved = r.saved.at(-1);
    if (saved === undefined) throw new Error('nothing saved');
    expect(saved).toEqual(r.terminal.state());
    const json = JSON.parse(JSON.stringify(saved)) as unknown;
    const parsed = parseTerminalState(json);
    if (!parsed.ok) throw new Error(parsed.problem);
    const restarted = r.restart(parsed.value);
    expect(restarted.status()).toMatchObject({
      signedIn: true,
      batchNo: '000001',
      nextVoucherNo: '000003',
    });
    const voided = await restarted.voidSale({ voucherNo: '000002' });
    expect(voided.status).toBe('approved');
    expect(r.host.requests.at(-1)?.stan).toBe('000003');
    restarted.close();
  });

  it('names the broken part of a damaged state', () => {
    expect(parseTerminalState({ ...freshState(), batchNo: '12' })).toEqual({
      ok: false,
      problem: 'invalid batchNo',
    });
    const entry = { kind: 'sale', batchNo: '000001', voucherNo: 'x' };
    expect(parseTerminalState({ ...freshState(), journal: [entry] })).toMatchObject({
      problem: 'invalid journal[0].voucherNo',
    });
    expect(parseTerminalState('nope')).toMatchObject({ ok: false });
  });
});
