// The checklist helpers: the API's text by language, the portal page that resolves each check,
// and the facts of a check turned into lines (amounts in yuan, batch numbers padded).
import { describe, expect, it } from 'vitest';
import { detailLines, linksOf, localized } from './checks.ts';

describe('deregistration checklist helpers', () => {
  it('picks the text of the page language', () => {
    const text = { zh: '无需处理', en: 'Nothing to do' };
    expect(localized(text, 'zh-CN')).toBe('无需处理');
    expect(localized(text, 'en')).toBe('Nothing to do');
  });

  it('links each failing check to where it is resolved', () => {
    expect(linksOf('terminals_returned').map((l) => l.to)).toEqual(['/merchant/terminals']);
    expect(linksOf('batches_settled').map((l) => l.to)).toEqual(['/pos', '/merchant/terminals']);
    expect(linksOf('sales_settled').map((l) => l.to)).toEqual(['/merchant/settlements']);
    expect(linksOf('something_new')).toEqual([]);
  });

  it('turns the facts of a check into lines', () => {
    const batch = { batches: [{ terminalId: '31000101', batchNo: 4, transactionCount: 6 }] };
    expect(detailLines('batches_settled', batch)).toEqual([
      { key: 'detail.batch', params: { terminalId: '31000101', batchNo: '000004', count: 6 } },
    ]);
    const days = { days: [{ businessDate: '2026-12-05', count: 3, amountFen: '140900' }] };
    expect(detailLines('sales_settled', days)[0]?.params).toEqual({
      date: '2026-12-05',
      count: 3,
      amount: '¥1,409.00',
    });
    const terminals = { terminals: [{ terminalId: '31000102', status: 'active', x: null }] };
    expect(detailLines('terminals_returned', terminals)[0]?.statusKey).toBe(
      'terminalStatus.active',
    );
    expect(detailLines('balances_zero', { pendingFen: '1' })).toEqual([]);
    expect(detailLines('batches_settled', { batches: 'not a list' })).toEqual([]);
  });
});
