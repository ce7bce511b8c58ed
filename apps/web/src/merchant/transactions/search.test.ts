// The transaction list's URL state: parsing hand-edited params, the API query it makes, and the
// keyset paging steps (next, previous, new filters back to page 1). Pure, no DOM.
import { describe, expect, it } from 'vitest';
import {
  filterQuery,
  listQuery,
  nextPage,
  pageNumber,
  previousPage,
  TransactionSearch,
  withFilters,
} from './search.ts';

const A = '01a242e2-549c-7242-8071-bdeb09802778';
const B = '01a242dc-1121-73ae-a45d-dd65b9919dda';

describe('TransactionSearch', () => {
  it('keeps valid params and drops invalid ones instead of failing', () => {
    const search = TransactionSearch.parse({
      from: '2026-12-01',
      to: '2026-02-30',
      kind: 'sale',
      status: 'nope',
      terminalId: 31000101,
      limit: '50',
      cursors: 'x',
    });
    expect(search).toEqual({
      from: '2026-12-01',
      to: undefined,
      kind: 'sale',
      status: undefined,
      terminalId: '31000101',
      limit: 50,
      cursors: undefined,
    });
  });

  it('takes only the offered page sizes', () => {
    expect(TransactionSearch.parse({ limit: 7 }).limit).toBeUndefined();
  });
});

describe('queries', () => {
  it('puts a backwards date range right', () => {
    expect(filterQuery({ from: '2026-12-05', to: '2026-12-01' })).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-05',
    });
  });

  it('asks for the page after the last cursor, 20 by default', () => {
    expect(listQuery({ kind: 'refund' })).toMatchObject({ kind: 'refund', limit: 20 });
    expect(listQuery({ cursors: `${A},${B}`, limit: 50 })).toMatchObject({
      startingAfter: B,
      limit: 50,
    });
  });
});

describe('paging', () => {
  it('goes forward and back through the cursor stack', () => {
    const first: TransactionSearch = { kind: 'sale' };
    const second = nextPage(first, A);
    const third = nextPage(second, B);
    expect([pageNumber(first), pageNumber(second), pageNumber(third)]).toEqual([1, 2, 3]);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual({ kind: 'sale', cursors: undefined });
  });

  it('starts new filters on page 1 with the same page size and no empty fields', () => {
    const search: TransactionSearch = { kind: 'sale', limit: 50, cursors: A };
    expect(withFilters(search, { status: 'approved', kind: undefined })).toEqual({
      status: 'approved',
      limit: 50,
    });
  });
});
