// Goal: each instant falls in its business date's cutoff window. Method: fast-check, Intl, cases.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DefectError } from './assert.ts';
import {
  addDays,
  businessDateOf,
  cutoffInstantOf,
  isBusinessDate,
  shanghaiWallTime,
} from './business-date.ts';

const DAY_MS = 86_400_000;
// From 2000 on: Shanghai kept UTC+8 without daylight saving time (it had DST in 1986–1991).
const FIRST_MS = Date.UTC(2000, 0, 2);
const LAST_MS = Date.UTC(2099, 11, 30);

const instant = fc.integer({ min: FIRST_MS, max: LAST_MS }).map((ms) => new Date(ms));
const date = fc
  .integer({ min: FIRST_MS / DAY_MS, max: LAST_MS / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
const cutoff = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const cutoffOften = fc.oneof(fc.constantFrom('23:00', '00:00', '00:01', '23:59'), cutoff);

const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The business date by the tz database instead of a fixed offset: the calendar date in
 * Shanghai, moved to the next day at or after the cutoff (never, for a 00:00 cutoff). */
function referenceDate(at: Date, cutoffTime: string): string {
  const part = (type: string) => {
    const found = shanghai.formatToParts(at).find((p) => p.type === type);
    return Number(found?.value);
  };
  const [h, m] = cutoffTime.split(':').map(Number);
  const cutoffMinute = (h ?? 0) * 60 + (m ?? 0);
  const minute = part('hour') * 60 + part('minute');
  const late = cutoffMinute !== 0 && minute >= cutoffMinute;
  const day = Date.UTC(part('year'), part('month') - 1, part('day') + (late ? 1 : 0));
  return new Date(day).toISOString().slice(0, 10);
}

describe('businessDateOf and cutoffInstantOf', () => {
  test.prop([date, cutoffOften])('just before the cutoff is the date, at it the next', (d, c) => {
    const due = cutoffInstantOf(d, c).getTime();
    expect(businessDateOf(new Date(due - 1), c)).toBe(d);
    expect(businessDateOf(new Date(due), c)).toBe(addDays(d, 1));
    expect(businessDateOf(new Date(due + 59_999), c)).toBe(addDays(d, 1));
  });

  test.prop([instant, cutoffOften])('an instant lies in its date’s window', (at, c) => {
    const d = businessDateOf(at, c);
    expect(cutoffInstantOf(addDays(d, -1), c).getTime()).toBeLessThanOrEqual(at.getTime());
    expect(cutoffInstantOf(d, c).getTime()).toBeGreaterThan(at.getTime());
  });

  test.prop([instant, cutoffOften])('agrees with the tz database', (at, c) => {
    expect(businessDateOf(at, c)).toBe(referenceDate(at, c));
  });

  test.prop([date, cutoffOften])('a date closes one day after the one before', (d, c) => {
    const gap = cutoffInstantOf(addDays(d, 1), c).getTime() - cutoffInstantOf(d, c).getTime();
    expect(gap).toBe(DAY_MS);
  });

  it('places the usual 23:00 cutoff', () => {
    expect(businessDateOf(new Date('2026-11-24T14:59:59.999Z'), '23:00')).toBe('2026-11-24');
    expect(businessDateOf(new Date('2026-11-24T15:00:00.000Z'), '23:00')).toBe('2026-11-25');
    expect(businessDateOf(new Date('2026-11-23T16:00:00.000Z'), '23:00')).toBe('2026-11-24');
    expect(cutoffInstantOf('2026-11-24', '23:00').toISOString()).toBe('2026-11-24T15:00:00.000Z');
  });

  it('a 00:00 cutoff closes the date at its very end', () => {
    expect(cutoffInstantOf('2026-11-24', '00:00').toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(businessDateOf(new Date('2026-11-24T15:59:59.999Z'), '00:00')).toBe('2026-11-24');
    expect(businessDateOf(new Date('2026-11-24T16:00:00.000Z'), '00:00')).toBe('2026-11-25');
    // Midnight UTC is 08:00 in Shanghai: the same Shanghai date, not the UTC one.
    expect(businessDateOf(new Date('2026-11-25T00:00:00.000Z'), '00:00')).toBe('2026-11-25');
  });

  it('crosses the year end', () => {
    expect(businessDateOf(new Date('2026-12-31T14:59:00Z'), '23:00')).toBe('2026-12-31');
    expect(businessDateOf(new Date('2026-12-31T15:00:00Z'), '23:00')).toBe('2027-01-01');
    expect(businessDateOf(new Date('2026-12-31T15:59:59.999Z'), '00:00')).toBe('2026-12-31');
    expect(businessDateOf(new Date('2026-12-31T16:00:00Z'), '00:00')).toBe('2027-01-01');
    expect(cutoffInstantOf('2026-12-31', '00:00').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(cutoffInstantOf('2027-01-01', '23:00').toISOString()).toBe('2027-01-01T15:00:00.000Z');
  });

  it('treats a malformed cutoff time or date as a defect', () => {
    for (const bad of ['24:00', '7:00', '23:60', '2300', '']) {
      expect(() => businessDateOf(new Date('2026-11-24T00:00:00Z'), bad), bad).toThrow(DefectError);
    }
    expect(() => cutoffInstantOf('2026-02-30', '23:00')).toThrow(DefectError);
    expect(() => cutoffInstantOf('2026-11-24T00:00', '23:00')).toThrow(DefectError);
  });
});

describe('addDays', () => {
  const days = fc.integer({ min: -3_000, max: 3_000 });

  test.prop([date, days])('moving there and back returns', (d, n) => {
    expect(addDays(addDays(d, n), -n)).toBe(d);
  });

  test.prop([date, days, days])('steps add up', (d, a, b) => {
    expect(addDays(addDays(d, a), b)).toBe(addDays(d, a + b));
  });

  test.prop([date, days])('keeps a valid date and its order', (d, n) => {
    const moved = addDays(d, n);
    expect(isBusinessDate(moved)).toBe(true);
    expect(Math.sign(moved.localeCompare(d))).toBe(Math.sign(n));
  });

  it('knows month lengths, leap years and the year end', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-11-24', 0)).toBe('2026-11-24');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });
});

describe('isBusinessDate and shanghaiWallTime', () => {
  it('accepts real dates only', () => {
    expect(isBusinessDate('2028-02-29')).toBe(true);
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-01', '20261124', 'today']) {
      expect(isBusinessDate(bad), bad).toBe(false);
    }
  });

  it('shows the Shanghai wall time as the POS wire does', () => {
    expect(shanghaiWallTime(new Date('2026-12-31T16:05:09Z'))).toEqual({
      hhmmss: '000509',
      mmdd: '0101',
    });
  });
});
