// Amounts as the API writes them (decimal strings of fen) shown in yuan, and summed exactly.
import { describe, expect, it } from 'vitest';
import { addFen, fenText, testIdProps } from './format.ts';

describe('merchant formats', () => {
  it('shows fen strings in yuan and sums them without floating point', () => {
    expect(fenText('45200')).toBe('¥452.00');
    expect(fenText('-23900')).toBe('-¥239.00');
    expect(fenText(null)).toBe('—');
    expect(fenText('abc')).toBe('—');
    expect(addFen('9900', '35300')).toBe('45200');
    expect(addFen('900719925474099300', '1')).toBe('900719925474099301');
  });

  it('gives rows their test id and data attributes', () => {
    expect(testIdProps('row-1', { status: 'active' })).toEqual({
      'data-testid': 'row-1',
      'data-status': 'active',
    });
  });
});
