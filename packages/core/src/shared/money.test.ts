// Goal: fees and splits never lose, invent or overcharge a fen. Method: fast-check vs references.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DefectError } from './assert.ts';
import { allocate, feeFen, formatYuan, parseYuan } from './money.ts';

const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 100_000n }),
  fc.bigInt({ min: 0n, max: 10n ** 14n }),
);
const rateBps = fc.integer({ min: 0, max: 10_000 });
const cap = fc.option(fc.bigInt({ min: 0n, max: 1_000_000n }), { nil: null });

/**
 * Half-up rounding done on decimal digits rather than integer division: the product in units
 * of 1/10,000 fen, written out, split at the fourth digit from the right; round up when the
 * first digit dropped is 5 or more.
 */
function referenceFee(amountFen: bigint, rate: number): bigint {
  const digits = (amountFen * BigInt(rate)).toString().padStart(5, '0');
  const whole = BigInt(digits.slice(0, -4));
  const firstDropped = Number(digits.at(-4));
  return firstDropped >= 5 ? whole + 1n : whole;
}

describe('feeFen', () => {
  test.prop([amount, rateBps, cap])('is ≥ 0, ≤ the amount and ≤ its cap', (a, r, c) => {
    const fee = feeFen(a, r, c);
    expect(fee >= 0n).toBe(true);
    expect(fee <= a).toBe(true);
    if (c !== null) expect(fee <= c).toBe(true);
  });

  test.prop([amount, rateBps, cap])('equals the half-up reference, then the cap', (a, r, c) => {
    const uncapped = referenceFee(a, r);
    const expected = c !== null && uncapped > c ? c : uncapped;
    expect(feeFen(a, r, c)).toBe(expected);
  });

  test.prop([amount, amount, rateBps, cap])('is monotone in the amount', (x, y, r, c) => {
    const [lo, hi] = x <= y ? [x, y] : [y, x];
    expect(feeFen(lo, r, c) <= feeFen(hi, r, c)).toBe(true);
  });

  test.prop([amount, rateBps, rateBps])('is monotone in the rate', (a, x, y) => {
    const [lo, hi] = x <= y ? [x, y] : [y, x];
    expect(feeFen(a, lo) <= feeFen(a, hi)).toBe(true);
  });

  it('rounds exactly half a fen up and anything less down', () => {
    expect(feeFen(1n, 5_000)).toBe(1n); // 0.5 fen
    expect(feeFen(1n, 4_999)).toBe(0n); // 0.4999 fen
    expect(feeFen(10_100n, 50)).toBe(51n); // 50.5 fen
    expect(feeFen(10_099n, 50)).toBe(50n); // 50.495 fen
    expect(feeFen(10_000n, 50)).toBe(50n);
    expect(feeFen(1_000_000n, 50, 2_000n)).toBe(2_000n);
    expect(feeFen(123n, 0, 0n)).toBe(0n);
  });

  it('treats a negative amount, a bad rate and a negative cap as defects', () => {
    expect(() => feeFen(-1n, 50)).toThrow(DefectError);
    expect(() => feeFen(100n, 0.5)).toThrow(DefectError);
    expect(() => feeFen(100n, -1)).toThrow(DefectError);
    expect(() => feeFen(100n, 50, -1n)).toThrow(DefectError);
  });
});

const weights = fc
  .array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 12 })
  .filter((ws) => ws.some((w) => w > 0n));
const total = fc.oneof(
  fc.bigInt({ min: -1_000n, max: 1_000n }),
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
);

/** floor(n / d) for d > 0, whatever the sign of n (BigInt division truncates towards zero). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

describe('allocate', () => {
  test.prop([total, weights])('parts add up to the whole', (t, ws) => {
    const parts = allocate(t, ws);
    expect(parts).toHaveLength(ws.length);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(t);
  });

  test.prop([total, weights])('each part is its exact share rounded down or up', (t, ws) => {
    const sum = ws.reduce((a, b) => a + b, 0n);
    allocate(t, ws).forEach((part, i) => {
      const exactTimesSum = t * (ws[i] ?? 0n);
      const floor = floorDiv(exactTimesSum, sum);
      const ceil = exactTimesSum % sum === 0n ? floor : floor + 1n;
      expect([floor, ceil]).toContain(part);
      // Within one fen of the exact share: |part − t·w/sum| < 1.
      const gap = part * sum - exactTimesSum;
      expect((gap < 0n ? -gap : gap) < sum).toBe(true);
    });
  });

  test.prop([total, weights])(
    'largest remainder: a part rounded up never had a smaller ' +
      'remainder than a part rounded down',
    (t, ws) => {
      const sum = ws.reduce((a, b) => a + b, 0n);
      const parts = allocate(t, ws);
      const up: bigint[] = [];
      const down: bigint[] = [];
      parts.forEach((part, i) => {
        const exactTimesSum = t * (ws[i] ?? 0n);
        const remainder = exactTimesSum - floorDiv(exactTimesSum, sum) * sum;
        if (part * sum > exactTimesSum) up.push(remainder);
        else if (remainder !== 0n) down.push(remainder);
      });
      for (const u of up) for (const d of down) expect(u >= d).toBe(true);
    },
  );

  test.prop([total, weights])('splitting a debt mirrors splitting a credit', (t, ws) => {
    expect(allocate(-t, ws)).toEqual(allocate(t, ws).map((p) => -p));
  });

  it('splits 100 fen three ways as 34, 33, 33 and refuses empty or all-zero weights', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(allocate(-5n, [1n, 2n, 3n])).toEqual([-1n, -2n, -2n]);
    expect(() => allocate(1n, [])).toThrow(DefectError);
    expect(() => allocate(1n, [0n, 0n])).toThrow(DefectError);
    expect(() => allocate(1n, [1n, -1n])).toThrow(DefectError);
  });
});

describe('formatYuan and parseYuan', () => {
  test.prop([fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n })])('round-trip any fen', (fen) => {
    const text = formatYuan(fen);
    expect(text).toMatch(/^-?\d+\.\d{2}$/);
    expect(parseYuan(text)).toBe(fen);
  });

  test.prop([fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 })])(
    'parse then format gives the canonical text',
    (yuan, fen) => {
      const canonical = `${yuan}.${String(fen).padStart(2, '0')}`;
      expect(formatYuan(parseYuan(canonical) ?? -1n)).toBe(canonical);
      if (fen % 10 === 0) expect(parseYuan(`${yuan}.${fen / 10}`)).toBe(yuan * 100n + BigInt(fen));
    },
  );

  it('formats and parses the usual examples and rejects what is not yuan', () => {
    expect(formatYuan(123_456n)).toBe('1234.56');
    expect(formatYuan(-5n)).toBe('-0.05');
    expect(formatYuan(0n)).toBe('0.00');
    expect(parseYuan('12.3')).toBe(1_230n);
    expect(parseYuan(' 0.05 ')).toBe(5n);
    expect(parseYuan('-7')).toBe(-700n);
    for (const bad of ['', '1.234', '1.', '.5', '1e3', '¥1', '1,000.00', '--1', '0x10']) {
      expect(parseYuan(bad), bad).toBeUndefined();
    }
  });
});
