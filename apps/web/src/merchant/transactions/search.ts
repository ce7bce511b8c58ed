// The transaction list's URL search params (filters, page size and the stack of keyset cursors
// that makes "previous page" work), what of them goes to the API, and the paging steps.
import {
  BusinessDateParam,
  TerminalIdParam,
  TransactionKind,
  TransactionStatus,
} from '@shoudan/contracts';
import { z } from 'zod';
import type { Query } from '../../api/client.ts';

export const PAGE_SIZES = [20, 50, 100] as const;
const CURSORS = /^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/;

/** A search param the router parsed as JSON (`?terminalId=31000101` → a number) back to text. */
const text = (value: unknown) => (typeof value === 'number' ? String(value) : value);

/** Every field falls back to "not set" rather than failing the page on a hand-edited URL. */
export const TransactionSearch = z.object({
  from: BusinessDateParam.optional().catch(undefined),
  to: BusinessDateParam.optional().catch(undefined),
  kind: TransactionKind.optional().catch(undefined),
  status: TransactionStatus.optional().catch(undefined),
  terminalId: z.preprocess(text, TerminalIdParam.optional()).catch(undefined),
  limit: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .optional()
    .catch(undefined),
  /** The cursors of the pages before this one, oldest first; the last is this page's. */
  cursors: z.string().regex(CURSORS).optional().catch(undefined),
});
export type TransactionSearch = z.infer<typeof TransactionSearch>;

export type TransactionFilters = Pick<
  TransactionSearch,
  'from' | 'to' | 'kind' | 'status' | 'terminalId'
>;

/** The filters as the API takes them (list and CSV alike); a backwards range is put right. */
export function filterQuery(search: TransactionSearch): Query {
  const { from, to } = search;
  const reversed = from !== undefined && to !== undefined && to < from;
  return {
    from: reversed ? to : from,
    to: reversed ? from : to,
    kind: search.kind,
    status: search.status,
    terminalId: search.terminalId,
  };
}

function cursorList(search: TransactionSearch): string[] {
  return search.cursors ? search.cursors.split(',') : [];
}

/** The list's query: the filters, the page size and this page's cursor. */
export function listQuery(search: TransactionSearch): Query {
  return {
    ...filterQuery(search),
    limit: search.limit ?? PAGE_SIZES[0],
    startingAfter: cursorList(search).at(-1),
  };
}

/** 1 for the first page. */
export function pageNumber(search: TransactionSearch): number {
  return cursorList(search).length + 1;
}

export function nextPage(search: TransactionSearch, nextCursor: string): TransactionSearch {
  return { ...search, cursors: [...cursorList(search), nextCursor].join(',') };
}

export function previousPage(search: TransactionSearch): TransactionSearch {
  const rest = cursorList(search).slice(0, -1);
  return { ...search, cursors: rest.length === 0 ? undefined : rest.join(',') };
}

/** New filters start again at the first page, keeping the page size. */
export function withFilters(search: TransactionSearch, filters: TransactionFilters) {
  const next: TransactionSearch = { ...filters, limit: search.limit };
  return dropEmpty(next);
}

/** Unset fields leave the URL rather than showing as `?kind=`. */
export function dropEmpty(search: TransactionSearch): TransactionSearch {
  const entries = Object.entries(search).filter(([, v]) => v !== undefined && v !== '');
  return Object.fromEntries(entries) as TransactionSearch;
}
