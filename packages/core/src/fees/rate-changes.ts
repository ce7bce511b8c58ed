// Rates (费率) and rate changes (调价): which rate is in force at an instant (the rule the engine's
// sale_facts applies in SQL), which rates are still to come, and the notice period a change must
// respect: announced ahead and never applied to transactions before its effective time.
import { outcome, type Outcome } from '../shared/outcome.ts';
import { err, ok, type Result } from '../shared/result.ts';

const DAY_MS = 86_400_000;

/** A rate of the merchant's plan, or the merchant's own. */
export type RateScope = 'plan' | 'merchant';

/** One fee_rate row of one service. */
export type ScheduledRate = {
  readonly scope: RateScope;
  readonly rateBps: number;
  readonly capFen: bigint | null;
  readonly effectiveFrom: Date;
};

/**
 * The rate of one service in force at `at`: the merchant's own before its plan's, the latest
 * effective at or before `at` first (as sale_facts). Undefined when none is.
 */
export function rateInForce<R extends ScheduledRate>(rates: readonly R[], at: Date): R | undefined {
  let best: R | undefined;
  for (const rate of rates) {
    if (rate.effectiveFrom > at) continue;
    if (!best || outranks(rate, best)) best = rate;
  }
  return best;
}

function outranks(a: ScheduledRate, b: ScheduledRate): boolean {
  if (a.scope !== b.scope) return a.scope === 'merchant';
  return a.effectiveFrom > b.effectiveFrom;
}

/** Rates of one service that take effect after `now` and will be in force when they do. */
export function upcomingRates<R extends ScheduledRate>(rates: readonly R[], now: Date): R[] {
  return rates
    .filter((r) => r.effectiveFrom > now && rateInForce(rates, r.effectiveFrom) === r)
    .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
}

/** Where a rate change stands for a merchant it applies to. */
export type RateChangeState = 'upcoming' | 'in_force' | 'superseded';

/** `rate` is one of `rates` (every rate of its service that concerns the merchant). */
export function rateChangeState<R extends ScheduledRate>(
  rate: R,
  rates: readonly R[],
  now: Date,
): RateChangeState {
  if (rate.effectiveFrom > now) return 'upcoming';
  return rateInForce(rates, now) === rate ? 'in_force' : 'superseded';
}

/**
 * Whether a plan's rate change touches a merchant on the plan: not when the merchant's own rate
 * for the service is in force by then (its own rate always comes first).
 */
export function planRateApplies(
  effectiveFrom: Date,
  ownRates: readonly Pick<ScheduledRate, 'effectiveFrom'>[],
): boolean {
  return !ownRates.some((r) => r.effectiveFrom <= effectiveFrom);
}

/** The earliest instant a rate change decided at `at` may take effect. */
export function earliestEffectiveFrom(at: Date, noticeDays: number): Date {
  return new Date(at.getTime() + noticeDays * DAY_MS);
}

/**
 * Checked when the change is submitted and again when it is approved (`at`), so that the notice
 * is counted from the approval. Outcome: `rate_change_notice_too_short` (with the earliest
 * allowed instant).
 */
export function checkRateChangeNotice(
  effectiveFrom: Date,
  at: Date,
  noticeDays: number,
): Result<Date, Outcome<'rate_change_notice_too_short'>> {
  const earliest = earliestEffectiveFrom(at, noticeDays);
  if (effectiveFrom < earliest) {
    return err(
      outcome('rate_change_notice_too_short', { earliest: earliest.toISOString(), noticeDays }),
    );
  }
  return ok(effectiveFrom);
}
