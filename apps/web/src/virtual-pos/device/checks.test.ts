// Goal: the POS screens send amounts as the API takes them and show times as the terminal does.
// Method: the pure helpers on typical and edge inputs.
import { describe, expect, it } from 'vitest';
import { amountFenOf, CARD_NO, chinaTime, fenText, MMDD, yuanText } from './checks.ts';

describe('virtual POS input', () => {
  it('turns typed yuan into fen text, refusing zero, three decimals and field 4 overflow', () => {
    expect(amountFenOf('12.5')).toBe('1250');
    expect(amountFenOf('0.01')).toBe('1');
    expect(amountFenOf('0')).toBeUndefined();
    expect(amountFenOf('1.234')).toBeUndefined();
    expect(amountFenOf('9999999999.99')).toBe('999999999999');
    expect(amountFenOf('10000000000')).toBeUndefined();
  });

  it('reads fen back as yuan to type and to show', () => {
    expect(yuanText('1250')).toBe('12.50');
    expect(yuanText('7')).toBe('0.07');
    expect(fenText('-1250')).toBe('-¥12.50');
  });

  it('accepts keyed numbers and track 2, and real MMDD dates only', () => {
    expect(CARD_NO.test('6222020000000001')).toBe(true);
    expect(CARD_NO.test('6222020000000001=2812101')).toBe(true);
    expect(CARD_NO.test('622202')).toBe(false);
    expect(MMDD.test('1124')).toBe(true);
    expect(MMDD.test('1324')).toBe(false);
  });

  it('shows an instant in China Standard Time', () => {
    expect(chinaTime('2026-11-24T16:05:09.000Z')).toBe('00:05:09');
  });
});
