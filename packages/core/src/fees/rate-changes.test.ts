// Goal: the rate rules agree with the engine's sale_facts (own rate first, latest effective
// first), list only the rates to come that will be in force, and count the notice period.
// Method: plain values, no database.
import { describe, expect, it } from 'vitest';
import {
  checkRateChangeNotice,
  planRateApplies,
  rateChangeState,
  rateInForce,
  upcomingRates,
  type ScheduledRate,
} from './rate-changes.ts';

const at = (iso: string) => new Date(iso);
const rate = (scope: ScheduledRate['scope'], rateBps: number, from: string): ScheduledRate => ({
  scope,
  rateBps,
  capFen: null,
  effectiveFrom: at(from),
});

describe('rateInForce', () => {
  const planOld = rate('plan', 50, '2020-01-01T00:00:00Z');
  const planNew = rate('plan', 60, '2026-01-01T00:00:00Z');
  const own = rate('merchant', 40, '2025-06-01T00:00:00Z');

  it('takes the latest rate effective at the instant, the plan alone', () => {
    expect(rateInForce([planOld, planNew], at('2025-12-31T23:59:59Z'))).toBe(planOld);
    expect(rateInForce([planOld, planNew], at('2026-01-01T00:00:00Z'))).toBe(planNew);
    expect(rateInForce([planNew], at('2025-01-01T00:00:00Z'))).toBeUndefined();
  });

  it("puts the merchant's own rate before any of its plan's, even a later one", () => {
    expect(rateInForce([planOld, planNew, own], at('2025-05-31T00:00:00Z'))).toBe(planOld);
    expect(rateInForce([planOld, planNew, own], at('2026-02-01T00:00:00Z'))).toBe(own);
  });

  it('lists as upcoming only the rates that will be in force when they start', () => {
    const now = at('2025-01-01T00:00:00Z');
    expect(upcomingRates([planOld, planNew, own], now)).toEqual([own]);
    expect(upcomingRates([planOld, planNew], now)).toEqual([planNew]);
  });

  it('tells a change upcoming, in force or superseded', () => {
    const rates = [planOld, planNew];
    expect(rateChangeState(planNew, rates, at('2025-01-01T00:00:00Z'))).toBe('upcoming');
    expect(rateChangeState(planNew, rates, at('2026-01-01T00:00:00Z'))).toBe('in_force');
    expect(rateChangeState(planOld, rates, at('2026-01-01T00:00:00Z'))).toBe('superseded');
  });

  it("tells a plan's change from one a merchant's own rate shadows", () => {
    expect(planRateApplies(planNew.effectiveFrom, [own])).toBe(false);
    expect(
      planRateApplies(planNew.effectiveFrom, [rate('merchant', 1, '2027-01-01T00:00:00Z')]),
    ).toBe(true);
    expect(planRateApplies(planNew.effectiveFrom, [])).toBe(true);
  });
});

describe('checkRateChangeNotice', () => {
  const now = at('2026-01-01T00:00:00Z');

  it('allows the notice period ahead and later, and refuses sooner', () => {
    expect(checkRateChangeNotice(at('2026-01-31T00:00:00Z'), now, 30).ok).toBe(true);
    const early = checkRateChangeNotice(at('2026-01-30T23:59:59Z'), now, 30);
    expect(!early.ok && early.outcome.code).toBe('rate_change_notice_too_short');
    expect(!early.ok && early.outcome.detail).toEqual({
      earliest: '2026-01-31T00:00:00.000Z',
      noticeDays: 30,
    });
  });

  it('never allows the past, even without a notice period', () => {
    expect(checkRateChangeNotice(now, now, 0).ok).toBe(true);
    expect(checkRateChangeNotice(at('2025-12-31T23:59:59Z'), now, 0).ok).toBe(false);
  });
});
