// Cutoff (日切): closes a business date at its configured time. It waits for every payment that
// holds the date, so after it commits nothing of that date can be voided.
import { cutoffInstantOf, type BusinessDate, type CutoffTime } from '../shared/business-date.ts';
import type { Clock } from '../shared/clock.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { outcome, type Outcome } from '../shared/outcome.ts';
import type { DateSummary, SettlementStore } from './store.ts';

export type CutoffDeps = {
  readonly store: SettlementStore;
  readonly clock: Clock;
  readonly rules: { readonly cutoffTime: CutoffTime };
};

export type CutOff = {
  readonly businessDate: BusinessDate;
  readonly cutOffAt: Date;
  /** True when the date had already been cut off: nothing changed. */
  readonly already: boolean;
  readonly summary: DateSummary;
};

/** Outcomes: cutoff_too_early. Cutting off a closed date again answers `already: true`. */
export async function cutoff(
  deps: CutoffDeps,
  input: { readonly businessDate: BusinessDate },
): Promise<Result<CutOff, Outcome>> {
  const at = deps.clock.now();
  const due = cutoffInstantOf(input.businessDate, deps.rules.cutoffTime);
  if (at < due) {
    return err(outcome('cutoff_too_early', { dueAt: due.toISOString() }));
  }
  const already = await deps.store.transaction(async (tx) => {
    const status = await tx.lockBusinessDate(input.businessDate);
    if (status === 'cut_off' || status === 'settled') return true;
    await tx.setBusinessDateStatus(input.businessDate, 'cut_off', at);
    return false;
  });
  const summary = await deps.store.dateSummary(input.businessDate);
  return ok({ businessDate: input.businessDate, cutOffAt: at, already, summary });
}

/** Cuts off every open business date whose cutoff time has passed, oldest first. */
export async function cutoffDue(deps: CutoffDeps): Promise<CutOff[]> {
  const now = deps.clock.now();
  const done: CutOff[] = [];
  for (const date of await deps.store.openBusinessDates()) {
    if (cutoffInstantOf(date, deps.rules.cutoffTime) > now) continue;
    const result = await cutoff(deps, { businessDate: date });
    if (result.ok) done.push(result.value);
  }
  return done;
}
