// The dashboard chart's data: labels, yuan for the axis, and when the chart has nothing to show.
// Pure, no DOM.
import { describe, expect, it } from 'vitest';
import { dailySales, fenOf, yuanForChart } from './daily-sales.ts';

describe('dailySales', () => {
  it('labels days MM-DD and draws yuan', () => {
    const data = dailySales([
      { businessDate: '2026-12-04', salesCount: 7, salesFen: '306900', refundsFen: '35300' },
      { businessDate: '2026-12-05', salesCount: 1, salesFen: '1999', refundsFen: '0' },
    ]);
    expect(data.labels).toEqual(['12-04', '12-05']);
    expect(data.salesYuan).toEqual([3069, 19.99]);
    expect(data.empty).toBe(false);
  });

  it('is empty when no day had a sale, and for no days', () => {
    const zero = { businessDate: '2026-12-05', salesCount: 0, salesFen: '0', refundsFen: '0' };
    expect(dailySales([zero, zero]).empty).toBe(true);
    expect(dailySales([]).empty).toBe(true);
  });

  it('draws a negative amount below the axis, and reads large strings exactly', () => {
    expect(yuanForChart('-23900')).toBe(-239);
    expect(fenOf('900719925474099312')).toBe(900719925474099312n);
    expect(fenOf(1999)).toBe(1999n);
  });
});
