// Pure formatting for the ops console: amounts that come as fen numbers or fen strings, instants
// shown in Asia/Shanghai (where business dates live), percent ↔ basis points, the earliest date a
// rate change may take effect, and an application's payload flattened into labelled fields.
import { formatFen } from '../../common/money.ts';

const DAY_MS = 86_400_000;

/** The server's default notice period of a rate change (RATE_CHANGE_NOTICE_DAYS); the API checks
 * the configured one. */
export const NOTICE_DAYS = 30;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Fen as a JSON number, a decimal string or a bigint → "¥1,234.50"; anything else "—". */
export function fenText(value: unknown): string {
  if (typeof value === 'bigint') return formatFen(value);
  if (typeof value === 'number' && Number.isInteger(value)) return formatFen(value);
  if (typeof value === 'string' && /^-?\d{1,18}$/.test(value)) return formatFen(BigInt(value));
  return '—';
}

/** Fen as a number or a decimal string → bigint (0 when it is not one). */
export function fenOf(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d{1,18}$/.test(value)) return BigInt(value);
  return 0n;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** An ISO instant → "2026-12-05 06:28" (seconds too when asked), Beijing time; "—" if none. */
export function formatInstant(iso: string | null | undefined, seconds = false): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  // Shanghai has had no daylight saving time since 1991: a fixed offset is exact.
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${date} ${time}${seconds ? `:${pad(d.getUTCSeconds())}` : ''}`;
}

/** The Beijing calendar date of an instant, "YYYY-MM-DD". */
export function shanghaiDate(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "2027-01-20" → "2027-01-20T00:00:00+08:00": a date's start in Beijing time. */
export function shanghaiMidnight(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/**
 * The first date whose Beijing midnight is at least `noticeDays` after `nowIso`: the earliest
 * effective date a rate change proposed now may have (the check is made again at approval).
 */
export function earliestEffectiveDate(nowIso: string, noticeDays: number): string {
  const at = Date.parse(nowIso) + noticeDays * DAY_MS;
  const date = shanghaiDate(at);
  const midnight = Date.parse(shanghaiMidnight(date));
  return midnight >= at ? date : shanghaiDate(at + DAY_MS);
}

/** "0.55" or 0.55 (percent) → 55 basis points; undefined unless a whole number of them. */
export function percentToBps(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/.exec(String(value));
  if (!match) return undefined;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : undefined;
}

export type Field = { readonly path: string; readonly key: string; readonly value: unknown };

/** Nested plain objects flattened into dotted paths; arrays and scalars kept as values. */
export function flattenFields(record: Record<string, unknown>, prefix = ''): Field[] {
  return Object.entries(record).flatMap(([key, value]): Field[] => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return flattenFields(value as Record<string, unknown>, path);
    }
    return [{ path, key, value }];
  });
}

/** How a field reads: money by its `…Fen` name, instants by `…At`/`effectiveFrom`, else text. */
export function fieldText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value) && value.length === 0) return '—';
  if (/Fen$/.test(key)) return fenText(value);
  if (/(At|From)$/.test(key) && typeof value === 'string') return formatInstant(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.join(', ');
  }
  return JSON.stringify(value);
}

/** The order fields read best in; paths not listed follow in their own order. */
export const FIELD_ORDER = [
  'merchantType',
  'businessName',
  'name',
  'idCardNo',
  'phone',
  'bankCardNo',
  'businessLicenceNo',
  'legalPersonName',
  'legalPersonIdCardNo',
  'corporateAccount.bankName',
  'corporateAccount.accountNo',
  'contactName',
  'contactPhone',
  'areaCode',
  'businessAddress',
  'services',
  'shippingAddress.recipient',
  'shippingAddress.phone',
  'shippingAddress.address',
  'scope',
  'feePlanId',
  'merchantId',
  'merchantNo',
  'service',
  'rateBps',
  'capFen',
  'effectiveFrom',
  'terminalId',
  'serialNo',
  'model',
  'terminalStatus',
  'frozenReason',
];

/** `fields` in FIELD_ORDER first (a database may give an object's keys in any order). */
export function orderFields(fields: readonly Field[], order: readonly string[] = FIELD_ORDER) {
  const rank = (f: Field) => {
    const i = order.indexOf(f.path);
    return i < 0 ? order.length : i;
  };
  return fields
    .map((field, i) => ({ field, i }))
    .sort((a, b) => rank(a.field) - rank(b.field) || a.i - b.i)
    .map((x) => x.field);
}
