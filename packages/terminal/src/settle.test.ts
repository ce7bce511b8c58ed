// Goal: settlement totals from the terminal's journal (voided sales in debit, voids and refunds
// in credit, domestic by 63.1 = CUP), the batch-upload phase and the next batch. Method: a TCP
// test host that computes its own totals and answers balanced or not.
import { readSettlementTotals } from '@shoudan/iso8583';
import { afterEach, describe, expect, it } from 'vitest';
import { DEBIT_CARD, FOREIGN_CARD, type Rig, startRig } from './testing/fixtures.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function batchWithEveryKind(): Promise<Rig> {
  rig = await startRig();
  const { terminal } = rig;
  await terminal.signIn('003');
  await terminal.sale({ pan: DEBIT_CARD, amountFen: 1000n }); // 000002, voided below
  const kept = await terminal.sale({ pan: DEBIT_CARD, amountFen: 2000n }); // 000003
  await terminal.sale({ pan: FOREIGN_CARD, amountFen: 3000n }); // 000004, VIS
  await terminal.voidSale({ voucherNo: '000002' }); // 000005
  if (kept.status !== 'approved') throw new Error(kept.status);
  const rrn = kept.transaction.rrn;
  await terminal.refund({ pan: DEBIT_CARD, rrn, originalDateMmdd: '1125', amountFen: 500n });
  return rig;
}

describe('settlement', () => {
  it('sends the journal totals, ends the upload with 207 and opens the next batch', async () => {
    const r = await batchWithEveryKind();
    expect(r.terminal.journal().map((t) => t.cardOrganisation)).toEqual([
      'CUP',
      'CUP',
      'VIS',
      'CUP',
      '000',
    ]);
    const result = await r.terminal.settle();
    if (result.status !== 'settled') throw new Error(result.reason);
    expect(result.totals).toEqual({
      domestic: {
        debitAmountFen: 3000n,
        debitCount: 2,
        creditAmountFen: 1500n,
        creditCount: 2,
        reconciliationCode: '0',
      },
      foreign: {
        debitAmountFen: 3000n,
        debitCount: 1,
        creditAmountFen: 0n,
        creditCount: 0,
        reconciliationCode: '0',
      },
    });
    expect(result.balanced).toEqual({ domestic: true, foreign: true });
    const settlement = r.host.requests.find((m) => m.mti === '0500');
    expect(settlement).toMatchObject({
      batchNo: '000001',
      networkManagementCode: '201',
      operatorNo: '01 ',
    });
    const sent = readSettlementTotals(settlement?.additionalData ?? '');
    expect(sent.ok && sent.value).toEqual(result.totals);
    expect(r.host.requests.slice(-1)).toMatchObject([
      { mti: '0320', networkManagementCode: '207', additionalData: '0000', batchNo: '000001' },
    ]);
    expect(result).toMatchObject({ batchNo: '000001', nextBatchNo: '000002', uploadedCount: 0 });
    expect(r.terminal.status()).toMatchObject({ batchNo: '000002', nextVoucherNo: '000009' });
    expect(r.terminal.listVoidable()).toEqual([]);
    expect(await r.terminal.voidSale({ voucherNo: '000003' })).toMatchObject({
      reason: 'batch_settled',
    });
    // Settled entries keep no card number.
    expect(JSON.stringify(r.terminal.state())).not.toContain(DEBIT_CARD);
    const next = await r.terminal.sale({ pan: DEBIT_CARD, amountFen: 1n });
    expect(next.status === 'approved' && next.transaction.batchNo).toBe('000002');
  });

  it('uploads magstripe records and ends with 202 when the host does not balance', async () => {
    const r = await batchWithEveryKind();
    // The host lost the foreign sale (its record reversed): its totals differ.
    const foreign = r.host.records.find((record) => record.cardOrganisation === 'VIS');
    if (foreign === undefined) throw new Error('no foreign sale');
    foreign.reversed = true;
    const result = await r.terminal.settle();
    if (result.status !== 'settled') throw new Error(result.reason);
    expect(result.balanced).toEqual({ domestic: true, foreign: false });
    expect(result.hostTotals.foreign).toMatchObject({ debitCount: 0, reconciliationCode: '2' });
    const uploads = r.host.requests.filter((m) => m.mti === '0320');
    expect(uploads.map((m) => m.networkManagementCode)).toEqual(['201', '202']);
    // Sales that stand (not voided): 000003 (CUP) and 000004 (foreign), 40 digits each.
    const pan20 = (pan: string) => pan.padStart(20, '0');
    expect(uploads[0]?.additionalData).toBe(
      `02` +
        `00000003${pan20(DEBIT_CARD)}000000002000` +
        `01000004${pan20(FOREIGN_CARD)}000000003000`,
    );
    expect(uploads[1]?.additionalData).toBe('0002');
    expect(result.uploadedCount).toBe(2);
    expect(r.events).toContainEqual({ type: 'upload.sent', records: 2 });
  });

  it('sends a pending reversal first, so a lost sale counts nowhere', async () => {
    rig = await startRig({
      behave: (m) => (m.mti === '0200' && m.amountFen === 7n ? { drop: true } : undefined),
    });
    await rig.terminal.signIn('003');
    await rig.terminal.sale({ pan: DEBIT_CARD, amountFen: 7n });
    await rig.terminal.sale({ pan: DEBIT_CARD, amountFen: 8n });
    const result = await rig.terminal.settle();
    if (result.status !== 'settled') throw new Error(result.reason);
    expect(result.totals.domestic).toMatchObject({ debitAmountFen: 8n, debitCount: 1 });
    expect(result.balanced).toEqual({ domestic: true, foreign: true });
  });

  it('keeps the batch open when the settlement gets no answer', async () => {
    rig = await startRig({ behave: (m) => (m.mti === '0500' ? { drop: true } : undefined) });
    await rig.terminal.signIn('003');
    await rig.terminal.sale({ pan: DEBIT_CARD, amountFen: 7n });
    expect(await rig.terminal.settle()).toMatchObject({ status: 'failed', reason: 'no_answer' });
    expect(rig.terminal.status().batchNo).toBe('000001');
    expect(rig.terminal.listVoidable()).toHaveLength(1);
  });
});
