// How the merchant platform reads dates and writes downloads: business dates in queries, instants
// in Shanghai wall time for people, and the Content-Disposition of a file with a Chinese name.
import { z } from 'zod';
import { isBusinessDate } from '@shoudan/core';

/** A business date (清算日期) as `YYYY-MM-DD`, a real calendar date. */
export const BusinessDateParam = z.string().refine(isBusinessDate, 'a date as YYYY-MM-DD');

/** The 8-character terminal id (终端号). */
export const TerminalIdParam = z.string().regex(/^[0-9A-Za-z]{8}$/, 'an 8-character terminal id');

/** An optional range of business dates, both ends inclusive; `to` before `from` is refused. */
export const DateRange = z.object({
  from: BusinessDateParam.optional(),
  to: BusinessDateParam.optional(),
});

/** For `superRefine` of a query with a DateRange: names `to` when the range runs backwards. */
export function checkDateRange(
  range: { readonly from?: string | undefined; readonly to?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (range.from && range.to && range.to < range.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
}

/** Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant as a person in Shanghai reads it: `2026-11-24 10:00:00`. */
export function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * `attachment` with the file's name twice: plain ASCII for old clients, and the real (Chinese)
 * name in UTF-8 as RFC 5987 / RFC 6266 give it, percent-encoded.
 */
export function attachment(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
