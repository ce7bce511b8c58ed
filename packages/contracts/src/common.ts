// What every domain's schemas share: ids, phone numbers, money as decimal strings of fen, the error
// body, pages and lists, business dates, terminal ids and date ranges.
import { z } from 'zod';
import { isBusinessDate } from './checks.ts';

export const PHONE = /^1[0-9]{10}$/;

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** Integer fen as a decimal string (bigint-safe in JSON). */
export const Fen = z.string().regex(/^-?\d{1,18}$/, 'an integer number of fen, as a string');
export type Fen = z.infer<typeof Fen>;

/** Every refusal and failure: `{ code, message, param?, detail?, requestId }`, after Stripe's. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  param: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type Page = z.infer<typeof Page>;

/** The body of a 204. */
export const NoContent = z.null();
export type NoContent = z.infer<typeof NoContent>;

/** The params of a route on one object by its id (`/…/:id`). */
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;

/** A list answer: `{ data: [...] }`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item) });
}

/** A business date (清算日期) as `YYYY-MM-DD`, a real calendar date. */
export const BusinessDateParam = z.string().refine(isBusinessDate, 'a date as YYYY-MM-DD');
export type BusinessDateParam = z.infer<typeof BusinessDateParam>;

/** The 8-character terminal id (终端号). */
export const TerminalIdParam = z.string().regex(/^[0-9A-Za-z]{8}$/, 'an 8-character terminal id');
export type TerminalIdParam = z.infer<typeof TerminalIdParam>;

/** An optional range of business dates, both ends inclusive; `to` before `from` is refused. */
export const DateRange = z.object({
  from: BusinessDateParam.optional(),
  to: BusinessDateParam.optional(),
});
export type DateRange = z.infer<typeof DateRange>;

/** For `superRefine` of a query with a DateRange: names `to` when the range runs backwards. */
export function checkDateRange(
  range: { readonly from?: string | undefined; readonly to?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (range.from && range.to && range.to < range.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
}

/** A reason a person gives for an application. */
export const ReasonRequest = z.object({ reason: z.string().trim().min(1).max(500) });
export type ReasonRequest = z.infer<typeof ReasonRequest>;
