// Business dates (清算日期) in Asia/Shanghai: the one place that does date arithmetic on cutoffs.
import { isBusinessDate } from '@shoudan/contracts';
import { assert } from './assert.ts';

/** A business date as `YYYY-MM-DD`. */
export type BusinessDate = string;

/** Asia/Shanghai is UTC+8 all year (no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The cutoff (日切) time of day in Asia/Shanghai as `HH:MM`; `00:00` means midnight. */
export type CutoffTime = string;

function cutoffMinutes(cutoff: CutoffTime): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(cutoff);
  assert(m, 'cutoff time must be HH:MM');
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  // A cutoff at 00:00 closes the day at its very end.
  return minutes === 0 ? 24 * 60 : minutes;
}

// A real calendar date as `YYYY-MM-DD`: defined once, in @shoudan/contracts, for forms too.
export { isBusinessDate } from '@shoudan/contracts';

/**
 * The business date an instant belongs to: its Shanghai calendar date, or the next one when the
 * Shanghai time of day is at or past the cutoff (a sale at 23:30 with a 23:00 cutoff belongs to
 * tomorrow).
 */
export function businessDateOf(at: Date, cutoff: CutoffTime): BusinessDate {
  const local = at.getTime() + SHANGHAI_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const minuteOfDay = Math.floor((local - dayStart) / 60_000);
  const day = minuteOfDay >= cutoffMinutes(cutoff) ? dayStart + DAY_MS : dayStart;
  return new Date(day).toISOString().slice(0, 10);
}

/** The instant business date `date` closes: `date` at the cutoff time, Shanghai time. */
export function cutoffInstantOf(date: BusinessDate, cutoff: CutoffTime): Date {
  assert(isBusinessDate(date), 'not a business date');
  const dayStartUtc = new Date(`${date}T00:00:00Z`).getTime();
  return new Date(dayStartUtc + cutoffMinutes(cutoff) * 60_000 - SHANGHAI_OFFSET_MS);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  assert(isBusinessDate(date), 'not a business date');
  const t = new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** The Shanghai local time of an instant as `hhmmss` and `MMDD`, as the POS wire shows it. */
export function shanghaiWallTime(at: Date): { hhmmss: string; mmdd: string } {
  const iso = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return {
    hhmmss: iso.slice(11, 19).replaceAll(':', ''),
    mmdd: iso.slice(5, 7) + iso.slice(8, 10),
  };
}
