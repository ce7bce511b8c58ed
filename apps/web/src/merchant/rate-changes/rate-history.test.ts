// The rate-change history's pure parts: rate text with and without a cap, and the soonest
// upcoming change. Pure, no DOM.
import type { MerchantRateChange } from '@shoudan/contracts';
import { describe, expect, it } from 'vitest';
import { rateText, upcomingOf } from './rate-history.ts';

function change(state: MerchantRateChange['state'], effectiveFrom: string): MerchantRateChange {
  return {
    id: effectiveFrom,
    applicationNo: 'RC1',
    scope: 'plan',
    service: 'card_debit',
    rateBps: 55,
    capFen: '2000',
    effectiveFrom,
    previousRate: null,
    announcedAt: '2026-11-01T00:00:00.000Z',
    state,
  };
}

describe('rateText', () => {
  it('shows basis points as a percentage and the cap in yuan', () => {
    expect(rateText(55, '2000')).toEqual({ rate: '0.55%', cap: '¥20.00' });
    expect(rateText(38, null)).toEqual({ rate: '0.38%', cap: null });
  });
});

describe('upcomingOf', () => {
  it('counts the upcoming changes and finds the soonest', () => {
    const result = upcomingOf([
      change('upcoming', '2027-02-01T00:00:00.000Z'),
      change('upcoming', '2027-01-01T00:00:00.000Z'),
      change('in_force', '2026-10-01T00:00:00.000Z'),
    ]);
    expect(result.count).toBe(2);
    expect(result.first?.effectiveFrom).toBe('2027-01-01T00:00:00.000Z');
  });

  it('finds none in a history with nothing upcoming', () => {
    expect(upcomingOf([change('superseded', '2026-01-01T00:00:00.000Z')])).toEqual({
      count: 0,
      first: undefined,
    });
  });
});
