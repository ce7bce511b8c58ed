// The ops console's pure formatting: fen in either JSON form, Beijing-time instants, the
// earliest effective date of a rate change, percent ↔ basis points and payload flattening.
import { describe, expect, it } from 'vitest';
import {
  earliestEffectiveDate,
  fenOf,
  fenText,
  fieldText,
  flattenFields,
  orderFields,
  formatInstant,
  percentToBps,
  shanghaiMidnight,
} from './format.ts';

describe('format', () => {
  it('reads fen as numbers, strings and bigints', () => {
    expect(fenText(12345)).toBe('¥123.45');
    expect(fenText('-500')).toBe('-¥5.00');
    expect(fenText(7n)).toBe('¥0.07');
    expect(fenText('abc')).toBe('—');
    expect(fenText(1.5)).toBe('—');
    expect(fenOf('250')).toBe(250n);
    expect(fenOf(null)).toBe(0n);
  });

  it('shows instants in Beijing time', () => {
    expect(formatInstant('2026-12-04T22:28:12.077Z')).toBe('2026-12-05 06:28');
    expect(formatInstant('2026-12-04T15:00:05Z', true)).toBe('2026-12-04 23:00:05');
    expect(formatInstant(null)).toBe('—');
  });

  it('finds the first date whose Beijing midnight respects the notice', () => {
    // 06:28 Beijing on 12-05 + 30 days = 06:28 on 01-04: the first midnight after is 01-05.
    expect(earliestEffectiveDate('2026-12-04T22:28:00Z', 30)).toBe('2027-01-05');
    // Exactly at Beijing midnight: that very date will do.
    expect(earliestEffectiveDate('2026-12-04T16:00:00Z', 30)).toBe('2027-01-04');
    expect(shanghaiMidnight('2027-01-05')).toBe('2027-01-05T00:00:00+08:00');
  });

  it('turns percent into whole basis points only', () => {
    expect(percentToBps(0.55)).toBe(55);
    expect(percentToBps('0.6')).toBe(60);
    expect(percentToBps('100')).toBe(10_000);
    expect(percentToBps('0.555')).toBeUndefined();
    expect(percentToBps('101')).toBeUndefined();
    expect(percentToBps(null)).toBeUndefined();
  });

  it('flattens nested objects and formats by field name', () => {
    const fields = flattenFields({ a: 1, corporateAccount: { bankName: 'B', accountNo: '6***1' } });
    expect(fields.map((f) => f.path)).toEqual([
      'a',
      'corporateAccount.bankName',
      'corporateAccount.accountNo',
    ]);
    expect(fieldText('depositRefundFen', '30000')).toBe('¥300.00');
    expect(fieldText('executedAt', '2026-12-04T16:00:00Z')).toBe('2026-12-05 00:00');
    expect(fieldText('services', ['alipay', 'wechat_pay'])).toBe('alipay, wechat_pay');
    expect(fieldText('note', '')).toBe('—');
    expect(fieldText('journalEntryIds', [])).toBe('—');
  });

  it('orders known fields first and keeps the rest in place', () => {
    const fields = flattenFields({ z: 1, phone: 'p', y: 2, name: 'n' });
    expect(orderFields(fields).map((f) => f.path)).toEqual(['name', 'phone', 'z', 'y']);
  });
});
