// Goal: the gateway refuses whoever may not transact, and records nothing for a bad MAC. Method:
// test terminals over real TCP against the gateway on a PGlite world: bad and missing MACs, no
// working keys, unknown terminal, wrong merchant, frozen terminal, revoked service, inactive
// merchant, encrypted tracks, wrong PIN keys, unserved transactions, and the log lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@shoudan/core';
import { setup } from '@shoudan/db';
import type { MacAlgorithm } from '@shoudan/hsm';
import { startHarness, transactionCount, type Harness } from './harness.ts';
import type { TestTerminal } from './test-terminal.ts';

let h: Harness;
let pos: TestTerminal;
const opened: TestTerminal[] = [];

function terminal(m: number, t: number, macAlgorithm?: MacAlgorithm): TestTerminal {
  const made = h.terminal(m, t, macAlgorithm);
  opened.push(made);
  return made;
}

beforeAll(async () => {
  h = await startHarness({ withoutTmk: ['00020003'] });
  pos = terminal(0, 0);
  await pos.signIn('003');
});
afterAll(async () => {
  for (const t of opened) t.close();
  await h.close();
});

describe('MAC', () => {
  it('answers a wrong MAC with A0 and 处理要求 3, and records nothing', async () => {
    const before = await transactionCount(h);
    const frame = pos.frame(pos.saleMessage({ amountFen: 1_000n, pan: TEST_CARDS.debit }));
    const last = frame.length - 1;
    frame[last] = (frame[last] ?? 0) ^ 0x01;
    const answer = await pos.exchange(frame);
    expect(answer.message.responseCode).toBe('A0');
    expect(answer.frame.header.processingRequest).toBe('3');
    expect(await transactionCount(h)).toBe(before);
  });

  it('requires a MAC on financial requests', async () => {
    const before = await transactionCount(h);
    const request = pos.saleMessage({ amountFen: 1_000n, pan: TEST_CARDS.debit });
    const answer = await pos.send(request, { mac: false });
    expect(answer.message.responseCode).toBe('A0');
    expect(await transactionCount(h)).toBe(before);
  });

  it('verifies a MAC on a management message when bit 64 is set', async () => {
    const echo = { mti: '0820', ...pos.ids('00', '301') };
    expect((await pos.send(echo, { mac: true })).message.responseCode).toBe('00');
    const frame = pos.frame(echo, { mac: true });
    frame[frame.length - 1] = (frame[frame.length - 1] ?? 0) ^ 0x80;
    expect((await pos.exchange(frame)).message.responseCode).toBe('A0');
    expect((await pos.send(echo, { mac: false })).message.responseCode).toBe('00');
  });

  it('X9.19 terminals: a double-length MAK and MACs both ways', async () => {
    const terminalId = h.world.merchants[0]?.terminalIds[2] ?? '';
    const tmk = (await h.store.gatewayTerminal(terminalId))?.keys?.tmk;
    if (!tmk) throw new Error('no TMK');
    await h.store.loadTmk({ terminalId, tmk, macAlgorithm: 'x919', at: h.world.clock.now() });
    const x919 = terminal(0, 2, 'x919');
    expect((await x919.signIn('003')).message.responseCode).toBe('00');
    expect(x919.keys?.mak.clearKeyHex).toHaveLength(32);
    const sale = await x919.sale({ amountFen: 2_500n, pan: TEST_CARDS.credit, pin: '1234' });
    expect(sale.message.responseCode).toBe('00');
    expect(sale.macValid).toBe(true);
  });
});

describe('who is asking', () => {
  it('a terminal that never signed in gets A0 and 处理要求 3, without a MAC', async () => {
    const fresh = terminal(1, 0);
    fresh.keys = { pik: fresh.tmk, mak: { scheme: '3des', clearKeyHex: '0123456789ABCDEF' } };
    const answer = await fresh.sale({ amountFen: 1_000n, pan: TEST_CARDS.debit });
    expect(answer.message.responseCode).toBe('A0');
    expect(answer.frame.header.processingRequest).toBe('3');
    expect(answer.message.mac).toBeUndefined();
  });

  it('after sign-off the keys are gone: A0 until the next sign-in', async () => {
    const t = terminal(1, 1);
    await t.signIn('003');
    const off = await t.send({ mti: '0820', stan: t.nextStan(), ...t.ids('00', '002') });
    expect(off.message.mti).toBe('0830');
    expect(off.message.responseCode).toBe('00');
    const refused = await t.sale({ amountFen: 1_000n, pan: TEST_CARDS.debit });
    expect(refused.message.responseCode).toBe('A0');
    // Sign-off and sign-in are ordered by their instants: let the fake clock move on.
    h.world.clock.advance(1_000);
    await t.signIn('001');
    expect(t.keys?.pik.clearKeyHex).toHaveLength(16);
    expect((await t.sale({ amountFen: 1_000n, pan: TEST_CARDS.debit })).message.responseCode).toBe(
      '00',
    );
  });

  it('an unknown terminal gets 97; a terminal under another merchant number 03', async () => {
    const unknown = await pos.send({
      mti: '0800',
      stan: '000001',
      ...pos.ids('00', '003'),
      terminalId: 'NOBODY01',
    });
    expect(unknown.message.responseCode).toBe('97');
    const request = {
      ...pos.saleMessage({ amountFen: 100n, pan: TEST_CARDS.debit }),
      merchantNo: '898310000000002',
    };
    const wrong = await pos.send(request);
    expect(wrong.message.responseCode).toBe('03');
    expect(wrong.message.responseText).toBe('商户号与终端不符');
  });

  it('a terminal without a master key cannot sign in (97)', async () => {
    const unloaded = terminal(1, 2);
    const answer = await unloaded.signIn('003');
    expect(answer.message.responseCode).toBe('97');
    expect(answer.message.workingKeys).toBeUndefined();
  });

  it('a frozen terminal is declined (58), at sign-in too', async () => {
    const t = terminal(0, 1);
    await t.signIn('004');
    await setup.setTerminalStatus(h.world.db, { terminalId: t.terminalId, status: 'frozen' });
    const sale = await t.sale({ amountFen: 1_000n, pan: TEST_CARDS.debit });
    expect(sale.message.responseCode).toBe('58');
    expect(sale.message.responseText).toBe('终端已冻结');
    expect(sale.macValid).toBe(true);
    expect((await t.signIn('004')).message.responseCode).toBe('58');
    await setup.setTerminalStatus(h.world.db, { terminalId: t.terminalId, status: 'active' });
  });

  it('a revoked service is declined (57); other services still work', async () => {
    const merchantId = h.world.merchants[0]?.id ?? '';
    const at = h.world.clock.now();
    await setup.setServiceStatus(h.world.db, {
      merchantId,
      service: 'card_credit',
      status: 'revoked',
      at,
    });
    const credit = await pos.sale({ amountFen: 3_000n, pan: TEST_CARDS.credit });
    expect(credit.message.responseCode).toBe('57');
    expect(credit.message.responseText).toBe('商户未开通该业务');
    expect(
      (await pos.sale({ amountFen: 3_000n, pan: TEST_CARDS.debit })).message.responseCode,
    ).toBe('00');
    await setup.setServiceStatus(h.world.db, {
      merchantId,
      service: 'card_credit',
      status: 'active',
      at,
    });
  });

  it('an inactive merchant is declined (03)', async () => {
    const merchantId = h.world.merchants[0]?.id ?? '';
    await setup.setMerchantStatus(h.world.db, { merchantId, status: 'suspended' });
    const sale = await pos.sale({ amountFen: 3_000n, pan: TEST_CARDS.debit });
    await setup.setMerchantStatus(h.world.db, { merchantId, status: 'active' });
    expect(sale.message.responseCode).toBe('03');
    expect(sale.message.responseText).toBe('商户状态异常');
  });
});

describe('what the gateway does not serve, and PINs', () => {
  it('answers 40 to encrypted tracks, balance, pre-authorisation and unknown modes', async () => {
    const sale = pos.saleMessage({ amountFen: 1_000n, pan: TEST_CARDS.debit, pin: '1234' });
    const cases = [
      { ...sale, stan: pos.nextStan(), securityControl: '2610000000000000' },
      { ...sale, stan: pos.nextStan(), processingCode: '310000', transactionTypeCode: '01' },
      { ...sale, stan: pos.nextStan(), conditionCode: '06' },
      { ...sale, stan: pos.nextStan(), entryMode: '801' },
      {
        ...sale,
        mti: '0100',
        stan: pos.nextStan(),
        processingCode: '030000',
        transactionTypeCode: '10',
      },
    ];
    for (const request of cases) {
      const answer = await pos.send(request);
      expect(answer.message.responseCode).toBe('40');
      expect(answer.macValid).toBe(true);
    }
  });

  it('a PIN block under another key is 99 (sign in again), a wrong PIN 55', async () => {
    const request = pos.saleMessage({ amountFen: 1_000n, pan: TEST_CARDS.debit, pin: '1234' });
    const other = { ...request, pinBlock: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) };
    const answer = await pos.send(other);
    expect(answer.message.responseCode).toBe('99');
    expect(answer.frame.header.processingRequest).toBe('3');
    const wrongPin = await pos.sale({ amountFen: 1_000n, pan: TEST_CARDS.wrongPin, pin: '1234' });
    expect(wrongPin.message.responseCode).toBe('55');
  });

  it('a scanned code without card data is a UnionPay QR sale, counted as CUP', async () => {
    const { track2, ...sale } = pos.saleMessage({ amountFen: 1_800n, pan: TEST_CARDS.debit });
    expect(track2).toBeDefined();
    const answer = await pos.send({ ...sale, entryMode: '032' });
    expect(answer.message.responseCode).toBe('00');
    expect(answer.message.cardOrganisation).toBe('CUP');
    expect(answer.message.pan).toBeUndefined();
  });

  it('echo test and batch upload answer 00', async () => {
    const echo = await pos.send({ mti: '0820', ...pos.ids('00', '301') });
    expect(echo.message.mti).toBe('0830');
    expect(echo.message.responseCode).toBe('00');
    const upload = await pos.send({
      mti: '0320',
      stan: pos.nextStan(),
      ...pos.ids('00', '202'),
      additionalData: '0003',
    });
    expect(upload.message.mti).toBe('0330');
    expect(upload.message.responseCode).toBe('00');
  });

  it('a defect (a stored key that will not open) is answered 96 and logged', async () => {
    const t = terminal(0, 2, 'x919');
    await t.signIn('003');
    const stored = await h.store.gatewayTerminal(t.terminalId);
    const working = stored?.keys?.working;
    if (!working) throw new Error('no working keys');
    // The PIK's cryptogram relabelled as a MAK: the security module refuses to open it.
    const mak = { ...working.pik, usage: 'mak' as const };
    await h.store.saveWorkingKeys(t.terminalId, { ...working, mak });
    const answer = await t.sale({ amountFen: 1_000n, pan: TEST_CARDS.debit });
    expect(answer.message.responseCode).toBe('96');
    expect(h.logs.join('')).toContain('"event":"message.failed"');
    await t.signIn('003');
    expect((await t.sale({ amountFen: 1_000n, pan: TEST_CARDS.debit })).message.responseCode).toBe(
      '00',
    );
  });

  it('never logs a PAN, a track or a key', () => {
    const text = h.logs.join('');
    expect(text).toContain('"event":"message.answered"');
    for (const pan of [TEST_CARDS.debit, TEST_CARDS.credit, TEST_CARDS.wrongPin]) {
      expect(text).not.toContain(pan);
    }
    for (const entry of Object.values(h.tmks)) expect(text).not.toContain(entry.clearKeyHex);
    expect(text).not.toContain(pos.keys?.mak.clearKeyHex ?? 'missing');
  });
});
