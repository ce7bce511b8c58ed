// Goal: every cashier flow through the gateway answers as a CUP terminal expects. Method: a test
// terminal over real TCP (127.0.0.1, port 0) against the gateway on a PGlite world, checking
// field 39, the echoed fields, the answer MAC and what the engine recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@shoudan/core';
import { readSettlementTotals, writeSettlementTotals, type CupMessage } from '@shoudan/iso8583';
import { startHarness, transactionCount, type Harness } from './harness.ts';
import type { Answer, TestTerminal } from './test-terminal.ts';

let h: Harness;
let pos: TestTerminal;

beforeAll(async () => {
  h = await startHarness();
  pos = h.terminal(0, 0);
});
afterAll(async () => {
  pos.close();
  await h.close();
});

type Sold = { request: CupMessage; answer: CupMessage; reply: Answer };

async function sell(amountFen: bigint, pan: string = TEST_CARDS.debit): Promise<Sold> {
  const request = pos.saleMessage({ amountFen, pan, pin: '123456' });
  const reply = await pos.send(request);
  expect(reply.message.responseCode).toBe('00');
  return { request, answer: reply.message, reply };
}

function expectEchoed(answer: Answer, request: CupMessage, pan: string): void {
  const m = answer.message;
  expect(m.mti).toBe(`${request.mti.slice(0, 2)}${Number(request.mti[2]) + 1}${request.mti[3]}`);
  expect(m.pan).toBe(pan);
  expect(m.processingCode).toBe(request.processingCode);
  expect(m.amountFen).toBe(request.amountFen);
  expect(m.stan).toBe(request.stan);
  expect(m.terminalId).toBe(request.terminalId);
  expect(m.merchantNo).toBe(request.merchantNo);
  expect(m.localTime).toMatch(/^\d{6}$/);
  expect(m.localDate).toMatch(/^\d{4}$/);
  expect(m.settlementDate).toMatch(/^\d{4}$/);
  expect(m.mac).toBeDefined();
  expect(answer.macValid).toBe(true);
}

describe('sign-in', () => {
  it('003: double-length keys the terminal checks by KCV, and the batch to adopt', async () => {
    pos.batchNo = 42;
    const answer = await pos.signIn('003');
    expect(answer.message.responseCode).toBe('00');
    expect(answer.message.workingKeys).toHaveLength(40);
    expect(answer.message.batchNo).toBe('000001');
    expect(answer.frame.header.processingRequest).toBe('0');
    expect(answer.frame.tpdu).toEqual({ id: '60', destination: '0000', source: '0003' });
    expect(pos.keys?.pik.clearKeyHex).toHaveLength(32);
    expect(pos.keys?.mak.clearKeyHex).toHaveLength(16);
    expect(pos.batchNo).toBe(1);
  });

  it('004: adds the track key; the keys are stored only as cryptograms', async () => {
    const other = h.terminal(0, 1);
    const answer = await other.signIn('004');
    other.close();
    expect(answer.message.responseCode).toBe('00');
    expect(answer.message.workingKeys).toHaveLength(60);
    expect(other.keys?.tdk?.clearKeyHex).toHaveLength(32);
    const stored = await h.store.gatewayTerminal(other.terminalId);
    expect(stored?.keys?.working?.signInCode).toBe('004');
    const row = JSON.stringify(stored);
    for (const key of [other.keys?.pik, other.keys?.mak, other.keys?.tdk]) {
      expect(row).not.toContain(key?.clearKeyHex ?? 'missing');
    }
  });
});

describe('sale, void, settlement, refund', () => {
  let first: Sold;
  let second: Sold;

  it('approves a swiped sale with a PIN: PAN from track 2, 37, 38, 44 and 63.1 CUP', async () => {
    first = await sell(12_345n);
    expectEchoed(first.reply, first.request, TEST_CARDS.debit);
    expect(first.request.pan).toBeUndefined();
    expect(first.answer.rrn).toMatch(/^\d{12}$/);
    expect(first.answer.authorisationCode).toMatch(/^\d{6}$/);
    expect(first.answer.additionalResponse).toHaveLength(22);
    expect(first.answer.cardOrganisation).toBe('CUP');
    expect(first.answer.responseText).toBeUndefined();
  });

  it('answers a retransmission with the same bytes and records it once', async () => {
    const before = await transactionCount(h);
    const frame = pos.frame(first.request);
    const again = await pos.exchange(frame);
    const third = await pos.exchange(frame);
    expect(third.bytes).toEqual(again.bytes);
    expect(again.message.rrn).toBe(first.answer.rrn);
    expect(again.message.authorisationCode).toBe(first.answer.authorisationCode);
    expect(again.message.localTime).toBe(first.answer.localTime);
    expect(await transactionCount(h)).toBe(before);
  });

  it('refuses the same voucher number with other content (94)', async () => {
    const changed = { ...first.request, amountFen: 1n };
    const answer = await pos.send(changed);
    expect(answer.message.responseCode).toBe('94');
    expect(answer.message.responseText).toBe('重复交易');
    expect(answer.macValid).toBe(true);
  });

  it('voids a sale by its batch and voucher number', async () => {
    second = await sell(5_000n);
    const request = pos.voidMessage(second, TEST_CARDS.debit);
    const answer = await pos.send(request);
    expect(answer.message.responseCode).toBe('00');
    expectEchoed(answer, request, TEST_CARDS.debit);
    expect(answer.message.rrn).not.toBe(second.answer.rrn);
    const again = await pos.send(pos.voidMessage(second, TEST_CARDS.debit));
    expect(again.message.responseCode).toBe('12');
    expect(again.message.responseText).toBe('原交易已撤销');
  });

  it('refuses a void whose RRN, auth code or card is not the original one (25)', async () => {
    const wrong = [
      { ...pos.voidMessage(first, TEST_CARDS.debit), rrn: '999999999999' },
      { ...pos.voidMessage(first, TEST_CARDS.debit), authorisationCode: '999999' },
      pos.voidMessage(first, TEST_CARDS.credit),
    ];
    for (const request of wrong) {
      const answer = await pos.send(request);
      expect(answer.message.responseCode).toBe('25');
      expect(answer.message.responseText).toBe('原交易不存在');
      expect(answer.macValid).toBe(true);
    }
  });

  it('settles a balanced batch: 0510 without 39 or MAC, balance answer 1', async () => {
    const totals = writeSettlementTotals({
      domestic: {
        debitAmountFen: 17_345n,
        debitCount: 2,
        creditAmountFen: 5_000n,
        creditCount: 1,
        reconciliationCode: '0',
      },
      foreign: zeroBlock(),
    });
    if (!totals.ok) throw new Error('totals');
    const answer = await pos.send(pos.settlementMessage(totals.value), { mac: false });
    expect(answer.message.mti).toBe('0510');
    expect(answer.message.responseCode).toBeUndefined();
    expect(answer.message.mac).toBeUndefined();
    const read = readSettlementTotals(answer.message.additionalData ?? '');
    expect(read.ok && read.value.domestic.reconciliationCode).toBe('1');
    expect(read.ok && read.value.foreign.reconciliationCode).toBe('1');
    pos.batchNo += 1;
  });

  it('refuses to void a settled sale with 12 and "已结算，请使用退货"', async () => {
    const answer = await pos.send(pos.voidMessage(first, TEST_CARDS.debit));
    expect(answer.message.responseCode).toBe('12');
    expect(answer.message.responseText).toBe('已结算，请使用退货');
    expect(answer.macValid).toBe(true);
  });

  it('refunds part of the settled sale by RRN and date; 63.1 CUP', async () => {
    const request = pos.refundMessage({
      amountFen: 2_000n,
      rrn: first.answer.rrn ?? '',
      date: first.answer.localDate ?? '',
      pan: TEST_CARDS.debit,
    });
    const answer = await pos.send(request);
    expect(answer.message.responseCode).toBe('00');
    expectEchoed(answer, request, TEST_CARDS.debit);
    expect(answer.message.cardOrganisation).toBe('CUP');
    const replay = await pos.exchange(pos.frame(request));
    expect(replay.bytes).toEqual(answer.bytes);
    const tooMuch = await pos.send({ ...request, stan: pos.nextStan(), amountFen: 10_346n });
    expect(tooMuch.message.responseCode).toBe('61');
  });

  it('answers 63.1 with the foreign organisation, as the host counts the batch', async () => {
    const foreign = await sell(8_800n, TEST_CARDS.foreignCredit);
    expect(foreign.answer.cardOrganisation).toBe('VIS');
  });

  it('an unbalanced settlement gets balance answer 2 and the host totals', async () => {
    const answer = await pos.send(pos.settlementMessage('0'.repeat(62)), { mac: false });
    const read = readSettlementTotals(answer.message.additionalData ?? '');
    if (!read.ok) throw new Error('0510 without totals');
    expect(read.value.domestic).toEqual({
      debitAmountFen: 0n,
      debitCount: 0,
      creditAmountFen: 2_000n,
      creditCount: 1,
      reconciliationCode: '2',
    });
    expect(read.value.foreign.debitAmountFen).toBe(8_800n);
    expect(read.value.foreign.reconciliationCode).toBe('2');
    pos.batchNo += 1;
  });
});

describe('timeout and reversal', () => {
  it('a card the network never answers gets 98; its reversal 00; nothing is charged', async () => {
    const charged = h.world.network.chargedFen();
    const request = pos.saleMessage({ amountFen: 30_000n, pan: TEST_CARDS.timeout });
    const answer = await pos.send(request);
    expect(answer.message.responseCode).toBe('98');
    expect(answer.message.responseText).toBe('交易超时，已冲正');
    const reversal = await pos.send(pos.reversalOf(request, '98'));
    expect(reversal.message.mti).toBe('0410');
    expect(reversal.message.responseCode).toBe('00');
    expect(reversal.macValid).toBe(true);
    const again = await pos.send(pos.reversalOf(request, '98'));
    expect(again.message.responseCode).toBe('00');
    expect(h.world.network.chargedFen()).toBe(charged);
  });

  it('reverses an approved sale exactly once, and one the host never saw', async () => {
    const charged = h.world.network.chargedFen();
    const sold = await sell(4_400n);
    expect(h.world.network.chargedFen()).toBe(charged + 4_400n);
    const reversal = pos.reversalOf(sold.request, '98');
    expect((await pos.send(reversal)).message.responseCode).toBe('00');
    expect((await pos.send(reversal)).message.responseCode).toBe('00');
    expect(h.world.network.chargedFen()).toBe(charged);
    // Reversing a void puts its sale back: it can be voided again.
    const kept = await sell(900n);
    const voidRequest = pos.voidMessage(kept, TEST_CARDS.debit);
    expect((await pos.send(voidRequest)).message.responseCode).toBe('00');
    expect((await pos.send(pos.reversalOf(voidRequest, '98'))).message.responseCode).toBe('00');
    const voidAgain = await pos.send(pos.voidMessage(kept, TEST_CARDS.debit));
    expect(voidAgain.message.responseCode).toBe('00');
    expect(h.world.network.chargedFen()).toBe(charged);
    const unseen = pos.saleMessage({ amountFen: 700n, pan: TEST_CARDS.debit });
    expect((await pos.send(pos.reversalOf(unseen, '98'))).message.responseCode).toBe('00');
    const late = await pos.send(unseen);
    expect(late.message.responseCode).toBe('12');
    expect(h.world.network.chargedFen()).toBe(charged);
  });
});

function zeroBlock() {
  return {
    debitAmountFen: 0n,
    debitCount: 0,
    creditAmountFen: 0n,
    creditCount: 0,
    reconciliationCode: '0',
  };
}
