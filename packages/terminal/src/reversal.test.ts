// Goal: reversals as CUP terminals make them — stored before sending, sent before the next request
// when no valid answer came, at most 3 times, never for refunds. Method: a TCP test host that
// drops, cuts or spoils chosen answers; short reply timeouts.
import type { CupMessage } from '@shoudan/iso8583';
import { afterEach, describe, expect, it } from 'vitest';
import { DEBIT_CARD, type Rig, startRig } from './testing/fixtures.ts';
import type { Behaviour } from './testing/test-host.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** A rig signed in, whose host treats requests by `behave`. */
async function signedIn(behave: (m: CupMessage) => Behaviour | undefined) {
  rig = await startRig({ behave });
  expect(await rig.terminal.signIn('003')).toMatchObject({ status: 'signed_in' });
  return rig;
}

const mtis = (r: Rig) => r.host.requests.map((m) => m.mti);

describe('reversal', () => {
  it('is stored before sending and sent before the next request after a timeout', async () => {
    const r = await signedIn((m) =>
      m.mti === '0200' && m.amountFen === 111n ? { drop: true } : undefined,
    );
    const lost = await r.terminal.sale({
      pan: DEBIT_CARD,
      expiry: '2812',
      amountFen: 111n,
      pin: '1234',
    });
    expect(lost).toEqual({ status: 'failed', reason: 'no_answer', reversalPending: true });
    // The state saved before the sale left already held the reversal.
    const beforeSend = r.saved.find((s) => s.pendingReversal !== undefined);
    expect(beforeSend?.pendingReversal).toMatchObject({ reason: '98', attempts: 0 });
    expect(r.host.chargedFen()).toBe(111n);

    const next = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 222n });
    expect(next.status).toBe('approved');
    expect(mtis(r)).toEqual(['0800', '0200', '0400', '0200']);
    const reversal = r.host.requests[2];
    expect(reversal).toMatchObject({
      pan: DEBIT_CARD,
      processingCode: '000000',
      amountFen: 111n,
      stan: '000002',
      expiryDate: '2812',
      entryMode: '011',
      conditionCode: '00',
      responseCode: '98',
      currencyCode: '156',
      transactionTypeCode: '22',
      batchNo: '000001',
      networkManagementCode: '000',
    });
    for (const absent of [
      'track2',
      'track3',
      'pinBlock',
      'pinCaptureCode',
      'securityControl',
      'rrn',
    ]) {
      expect(reversal).not.toHaveProperty(absent);
    }
    expect(r.host.macFailures()).toBe(0);
    expect(r.terminal.status().pendingReversal).toBeUndefined();
    expect(r.events).toContainEqual({ type: 'reversal.answered', voucherNo: '000002' });
    // Nothing charged for the lost sale.
    expect(r.host.chargedFen()).toBe(222n);
  });

  it('is kept when the link closes or an approved answer has a wrong MAC (A0)', async () => {
    const r = await signedIn((m) => {
      if (m.mti !== '0200') return undefined;
      if (m.amountFen === 1n) return { close: true };
      return m.amountFen === 2n ? { corruptMac: true } : undefined;
    });
    expect(await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 1n })).toMatchObject({
      reason: 'no_answer',
      reversalPending: true,
    });
    expect(r.terminal.status().pendingReversal).toMatchObject({
      voucherNo: '000002',
      reason: '98',
    });
    const spoiled = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 2n });
    expect(spoiled).toEqual({ status: 'failed', reason: 'mac_invalid', reversalPending: true });
    expect(r.host.requests.filter((m) => m.mti === '0400').map((m) => m.responseCode)).toEqual([
      '98',
    ]);
    expect(r.terminal.status().pendingReversal).toMatchObject({
      voucherNo: '000003',
      reason: 'A0',
    });
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 3n });
    expect(r.host.requests.at(-2)).toMatchObject({
      mti: '0400',
      stan: '000003',
      responseCode: 'A0',
    });
    expect(r.host.chargedFen()).toBe(3n);
    expect(r.terminal.journal().map((t) => t.amountFen)).toEqual([3n]);
  });

  it('is sent at most 3 times, then abandoned and the terminal goes on', async () => {
    const r = await signedIn((m) => {
      if (m.mti === '0400') return { drop: true };
      return m.amountFen === 9n ? { drop: true } : undefined;
    });
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 9n });
    const reasons = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 10n });
      reasons.push(result.status === 'failed' ? result.reason : result.status);
    }
    expect(reasons).toEqual(['reversal_unanswered', 'reversal_unanswered', 'reversal_abandoned']);
    const after = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 10n });
    expect(after.status).toBe('approved');
    expect(mtis(r).filter((mti) => mti === '0400')).toHaveLength(3);
    expect(r.host.requests.filter((m) => m.mti === '0400').every((m) => m.stan === '000002')).toBe(
      true,
    );
    expect(r.terminal.status()).toMatchObject({ abandonedReversals: 1 });
    expect(r.terminal.status().pendingReversal).toBeUndefined();
    expect(
      r.events.filter((e) => e.type === 'reversal.sent').map((e) => 'attempt' in e && e.attempt),
    ).toEqual([1, 2, 3]);
  });

  it('is never made for a refund', async () => {
    const r = await signedIn((m) => (m.mti === '0220' ? { drop: true } : undefined));
    const sale = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 500n });
    if (sale.status !== 'approved') throw new Error(sale.status);
    const input = {
      pan: DEBIT_CARD,
      rrn: sale.transaction.rrn,
      originalDateMmdd: '1125',
      amountFen: 100n,
    };
    const result = await r.terminal.refund(input);
    expect(result).toEqual({ status: 'failed', reason: 'no_answer', reversalPending: false });
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 1n });
    expect(mtis(r)).toEqual(['0800', '0200', '0220', '0200']);
  });

  it('is not stored when the host cannot be reached: nothing was sent', async () => {
    rig = await startRig();
    const r = rig;
    await r.terminal.signIn('003');
    await r.host.close();
    const result = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 1n });
    expect(result).toEqual({ status: 'failed', reason: 'connect_failed', reversalPending: false });
  });

  it('of a void carries 38 and 61 but not 37, and the sale can be voided again', async () => {
    const r = await signedIn((m) =>
      m.processingCode === '200000' && m.mti === '0200' && m.stan === '000003'
        ? { drop: true }
        : undefined,
    );
    const sale = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 800n });
    if (sale.status !== 'approved') throw new Error(sale.status);
    expect(await r.terminal.voidSale({ voucherNo: '000002' })).toMatchObject({
      reason: 'no_answer',
    });
    expect(r.terminal.listVoidable()).toHaveLength(1);
    const again = await r.terminal.voidSale({ voucherNo: '000002' });
    expect(again.status).toBe('approved');
    const reversal = r.host.requests.find((m) => m.mti === '0400');
    expect(reversal).toMatchObject({
      processingCode: '200000',
      stan: '000003',
      authorisationCode: sale.transaction.authCode,
      transactionTypeCode: '23',
      originalBatchNo: '000001',
      originalVoucherNo: '000002',
    });
    expect(reversal).not.toHaveProperty('rrn');
    expect(r.host.chargedFen()).toBe(0n);
  });

  it('is kept (96) when an approved void cannot be stored; its journal is unchanged', async () => {
    let journalMax = Infinity;
    rig = await startRig(
      {},
      {
        persist: (state) => {
          if (state.journal.length > journalMax) throw new Error('disk full');
        },
      },
    );
    const r = rig;
    await r.terminal.signIn('003');
    expect((await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 900n })).status).toBe('approved');
    const before = r.terminal.journal();
    journalMax = 1;
    const voided = await r.terminal.voidSale({ voucherNo: '000002' });
    expect(voided).toEqual({ status: 'failed', reason: 'storage_failed', reversalPending: true });
    expect(r.terminal.journal()).toEqual(before);
    expect(r.terminal.status().pendingReversal).toMatchObject({
      voucherNo: '000003',
      reason: '96',
    });
    journalMax = Infinity;
    // The unstored void is reversed first; the sale, still not voided, is voided again.
    expect((await r.terminal.voidSale({ voucherNo: '000002' })).status).toBe('approved');
    const reversals = r.host.requests.filter((m) => m.mti === '0400');
    expect(reversals.map((m) => [m.stan, m.responseCode])).toEqual([['000003', '96']]);
    const journal = r.terminal.journal();
    expect(journal.map((t) => [t.kind, t.voucherNo, t.voidedByVoucherNo])).toEqual([
      ['sale', '000002', '000004'],
      ['void', '000004', undefined],
    ]);
    expect(r.host.chargedFen()).toBe(0n);
  });

  it('is kept and sent alike by a terminal that persists nothing', async () => {
    const behave = (m: CupMessage) =>
      m.mti === '0200' && m.amountFen === 7n ? { drop: true } : undefined;
    rig = await startRig({ behave }, { persist: undefined });
    const r = rig;
    await r.terminal.signIn('003');
    const lost = await r.terminal.sale({ pan: DEBIT_CARD, expiry: '2812', amountFen: 7n });
    expect(lost).toEqual({ status: 'failed', reason: 'no_answer', reversalPending: true });
    expect(r.terminal.status().pendingReversal).toEqual({
      voucherNo: '000002',
      reason: '98',
      attempts: 0,
    });
    expect(r.terminal.state().pendingReversal?.message).toMatchObject({ mti: '0400' });
    expect((await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 8n })).status).toBe('approved');
    expect(mtis(r)).toEqual(['0800', '0200', '0400', '0200']);
    expect(r.host.requests[2]).toMatchObject({
      pan: DEBIT_CARD,
      amountFen: 7n,
      stan: '000002',
      expiryDate: '2812',
      responseCode: '98',
    });
    expect(r.host.chargedFen()).toBe(8n);
  });

  it('survives a restart: a saved pending reversal is sent by the restored terminal', async () => {
    const r = await signedIn((m) =>
      m.mti === '0200' && m.amountFen === 5n ? { drop: true } : undefined,
    );
    await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 5n });
    const restored = r.restart(r.terminal.state());
    expect(restored.status().pendingReversal).toMatchObject({ voucherNo: '000002', reason: '98' });
    await restored.sale({ pan: DEBIT_CARD, amountFen: 6n });
    expect(mtis(r).slice(-2)).toEqual(['0400', '0200']);
    expect(r.host.chargedFen()).toBe(6n);
    restored.close();
  });
});
