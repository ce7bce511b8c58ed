// The terminal's local calendar: a fixed offset from UTC (China Standard Time has no daylight
// saving), for slips, "today's sales" and the dates a cashier types.

export const CHINA_STANDARD_TIME_OFFSET_MINUTES = 480;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface LocalDateTime {
  /** YYYY-MM-DD */
  readonly date: string;
  /** MMDD, as on the wire. */
  readonly mmdd: string;
  /** hhmmss */
  readonly time: string;
}

const two = (value: number) => String(value).padStart(2, '0');

export function localDateTime(at: Date, offsetMinutes: number): LocalDateTime {
  const local = new Date(at.getTime() + offsetMinutes * MINUTE_MS);
  const month = two(local.getUTCMonth() + 1);
  const day = two(local.getUTCDate());
  return {
    date: `${local.getUTCFullYear()}-${month}-${day}`,
    mmdd: `${month}${day}`,
    time: `${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}`,
  };
}

/** The local day that holds `at`: from its midnight (included) to the next one (excluded). */
export function localDayRange(at: Date, offsetMinutes: number): { from: Date; to: Date } {
  const offsetMs = offsetMinutes * MINUTE_MS;
  const localMs = at.getTime() + offsetMs;
  const midnight = localMs - (((localMs % DAY_MS) + DAY_MS) % DAY_MS) - offsetMs;
  return { from: new Date(midnight), to: new Date(midnight + DAY_MS) };
}
