// Money at the web edge: formatFen and parseYuan on their edge cases (signs, thousands, bigint,
// the largest amounts, and the inputs a person types that are not amounts). Pure, no DOM.
import { describe, expect, it } from 'vitest';
import { formatBp, formatFen, parseYuan } from './money.ts';

describe('formatFen', () => {
  it('shows yuan with two decimals and thousands separators', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(12345)).toBe('¥123.45');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
  });

  it('keeps the sign of a negative amount outside the yuan sign', () => {
    expect(formatFen(-1)).toBe('-¥0.01');
    expect(formatFen(-23900)).toBe('-¥239.00');
  });

  it('takes bigint (a decimal string of fen from the API, through BigInt) beyond 2^53', () => {
    expect(formatFen(BigInt('900719925474099312'))).toBe('¥9,007,199,254,740,993.12');
    expect(formatFen(BigInt('-270149'))).toBe('-¥2,701.49');
  });

  it('shows a dash for no amount', () => {
    expect(formatFen(null)).toBe('—');
    expect(formatFen(undefined)).toBe('—');
  });

  it('drops a fraction of a fen rather than rounding it', () => {
    expect(formatFen(12.9)).toBe('¥0.12');
  });
});

describe('parseYuan', () => {
  it('reads whole yuan, one or two decimals, and surrounding spaces', () => {
    expect(parseYuan('0')).toBe(0);
    expect(parseYuan('123')).toBe(12300);
    expect(parseYuan('0.5')).toBe(50);
    expect(parseYuan('0.05')).toBe(5);
    expect(parseYuan('123.45')).toBe(12345);
    expect(parseYuan(' 12 ')).toBe(1200);
  });

  it('is exact where floats are not (0.29 × 100 = 28.999…)', () => {
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.13')).toBe(113);
  });

  it('reads the largest amount it accepts exactly', () => {
    expect(parseYuan('999999999999.99')).toBe(99_999_999_999_999);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', ' ', '-1', '+1', '1.234', '1,000', '1e3', '.5', '12.', 'abc', '¥12']) {
      expect(parseYuan(text), text).toBeUndefined();
    }
    expect(parseYuan('1000000000000')).toBeUndefined();
  });
});

describe('formatBp', () => {
  it('shows basis points as a percentage with two decimals', () => {
    expect(formatBp(60)).toBe('0.60%');
    expect(formatBp(38)).toBe('0.38%');
    expect(formatBp(0)).toBe('0.00%');
    expect(formatBp(null)).toBe('—');
  });
});
