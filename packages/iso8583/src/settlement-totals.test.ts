// Goal: settlement totals (§5) read and write 62 digits exactly. Method: round trip and bad values.
import { describe as group, expect, it } from 'vitest';
import { readSettlementTotals, writeSettlementTotals } from './index.ts';

const zero = {
  debitAmountFen: 0n,
  debitCount: 0,
  creditAmountFen: 0n,
  creditCount: 0,
  reconciliationCode: '0',
};

group('settlement totals', () => {
  it('writes domestic then foreign, 31 digits each', () => {
    const totals = { domestic: { ...zero, debitAmountFen: 2000n, debitCount: 2 }, foreign: zero };
    const written = writeSettlementTotals(totals);
    expect(written.ok && written.value).toBe(`000000002000002${'0'.repeat(16)}${'0'.repeat(31)}`);
    const back = readSettlementTotals(written.ok ? written.value : '');
    expect(back.ok && back.value).toEqual(totals);
  });

  it('refuses amounts over 12 digits, counts over 999 and other shapes', () => {
    const tooMuch = { ...zero, debitAmountFen: 10n ** 12n };
    expect(writeSettlementTotals({ domestic: tooMuch, foreign: zero }).ok).toBe(false);
    expect(
      writeSettlementTotals({ domestic: { ...zero, creditCount: 1000 }, foreign: zero }).ok,
    ).toBe(false);
    expect(readSettlementTotals('0'.repeat(61)).ok).toBe(false);
  });
});
