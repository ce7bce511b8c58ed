// Goal: the 签购单 holds everything a CUP slip prints, with the card number masked 6+4, in
// Chinese and English. Method: real transactions against the TCP test host, then printSlip.
import { afterEach, describe, expect, it } from 'vitest';
import { explainVoidDecline } from './response-codes.ts';
import { DEBIT_CARD, type Rig, startRig } from './testing/fixtures.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('slip', () => {
  it('prints a Chinese sale slip: merchant copy, masked card, numbers, RRN, amount', async () => {
    rig = await startRig();
    await rig.terminal.signIn('003');
    const sale = await rig.terminal.sale({ track2: `${DEBIT_CARD}=28121010000`, amountFen: 1250n });
    if (sale.status !== 'approved') throw new Error(sale.status);
    const slip = rig.terminal.printSlip(sale.transaction, { lang: 'zh' });
    for (const expected of [
      'POS签购单',
      '商户存根',
      '商户名称: 收单测试商户',
      '商户编号: 898310048160001',
      '终端编号: T0000001',
      '操作员号: 01',
      '卡号: 622202******0001 /S',
      '交易类型: 消费',
      '批次号: 000001',
      '凭证号: 000002',
      '日期/时间: 2026/11/25 14:30:52',
      '参考号: 143052000002',
      '授权码: A00002',
      '金额: ¥12.50',
      '持卡人签名:',
    ]) {
      expect(slip).toContain(expected);
    }
    expect(slip).not.toContain(DEBIT_CARD);
    expect(slip).not.toContain('2812');
  });

  it('prints a void slip in English with the original voucher and a minus amount', async () => {
    rig = await startRig();
    await rig.terminal.signIn('003');
    await rig.terminal.sale({ pan: DEBIT_CARD, amountFen: 99_900n });
    const voided = await rig.terminal.voidSale({ voucherNo: '000002' });
    if (voided.status !== 'approved') throw new Error(voided.status);
    const slip = rig.terminal.printSlip(voided.transaction, { lang: 'en' });
    for (const expected of [
      'MERCHANT COPY',
      'CARD NO: 622202******0001 /M',
      'TRANS TYPE: VOID',
      'VOUCHER NO: 000003',
      'ORIG VOUCHER NO: 000002',
      'AMOUNT: -¥999.00',
      'CARDHOLDER SIGNATURE:',
    ]) {
      expect(slip).toContain(expected);
    }
    expect(slip).not.toContain(DEBIT_CARD);
  });

  it('explains a refused void from the host text, or 12 as settled', () => {
    expect(explainVoidDecline({ responseCode: '12' }, 'zh')).toBe('已结算，请使用退货');
    expect(explainVoidDecline({ responseCode: '12' }, 'en')).toBe('Already settled: use a refund');
    const text = { responseCode: '12', responseText: '原交易已撤销' };
    expect(explainVoidDecline(text, 'zh')).toBe('原交易已撤销');
    expect(explainVoidDecline({ responseCode: '25' }, 'zh')).toBe('没有原始交易');
  });
});
