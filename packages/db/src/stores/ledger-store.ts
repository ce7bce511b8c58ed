// PostgreSQL implementation of the ledger queries: balances from the entries' lines, and the
// balances that the transactions and settlements say there must be.
import { sql, type SQL } from 'drizzle-orm';
import {
  assert,
  type Account,
  type AccountBalance,
  type LedgerFacts,
  type LedgerStore,
} from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import { big, num, rowsOf } from './rows.ts';

function toBalances(result: unknown): AccountBalance[] {
  return rowsOf(result).map((r) => ({
    account: String(r['account']) as Account,
    merchantId: r['merchant_id'] === null ? null : String(r['merchant_id']),
    balanceFen: big(r['balance_fen']),
  }));
}

/**
 * The lines of all entries, or of those `where` picks (it may name the entry `e` and the line
 * `l`): entry_id, created_at (the entry's), account, merchant_id, amount_fen, and n, the line's
 * place in its entry. `order by created_at, entry_id, n` is the order they were posted in.
 */
export function entryLines(where: SQL = sql``): SQL {
  return sql`(select e.id as entry_id, e.created_at, l.account, l.merchant_id, l.amount_fen, l.n
    from journal_entry e
    cross join lateral unnest(e.line_accounts, e.line_merchant_ids, e.line_amounts_fen)
      with ordinality as l(account, merchant_id, amount_fen, n) ${where})`;
}

/**
 * Balances per account from the lines: all, or one merchant's, read from its own entries (a
 * merchant's lines are all in entries of that merchant: the entries' CHECK).
 */
export function balancesQuery(merchantId?: string): SQL {
  const lines = merchantId
    ? entryLines(
        sql`where e.merchant_id = ${merchantId}::uuid and l.merchant_id = ${merchantId}::uuid`,
      )
    : entryLines();
  return sql`
    select account, merchant_id, sum(amount_fen) as balance_fen from ${lines} l
    group by account, merchant_id`;
}

/**
 * The balances the business records say there must be: sales, refunds and settlements for the
 * payment accounts; deposits and prepaid fees (merchant_charge) for the charge accounts.
 */
const EXPECTED_BALANCES = sql`
  with sales as (
    select merchant_id,
      coalesce(sum(amount_fen) filter (where kind = 'sale'), 0) as gross,
      coalesce(sum(fee_fen) filter (where kind = 'sale'), 0) as fees,
      coalesce(sum(amount_fen) filter (where kind = 'refund'), 0) as refunds
    from transactions where status = 'approved' group by merchant_id
  ), settled as (
    select merchant_id, sum(gross_fen - fee_fen) as net_sales, sum(d0_fee_fen) as d0,
      sum(payout_fen) as payout
    from merchant_settlement group by merchant_id
  ), m as (
    select coalesce(s.merchant_id, d.merchant_id) as merchant_id,
      coalesce(s.gross, 0) as gross, coalesce(s.fees, 0) as fees,
      coalesce(s.refunds, 0) as refunds, coalesce(d.net_sales, 0) as net_sales,
      coalesce(d.d0, 0) as d0, coalesce(d.payout, 0) as payout
    from sales s full join settled d on d.merchant_id = s.merchant_id
  ), charges as (
    -- Deposits and prepaid fees (merchant_charge): held until closed out at
    -- deregistration, then refunded or, for a fee's used days, earned.
    select merchant_id, sum(amount_fen - coalesce(refund_fen, 0)) as received,
      coalesce(sum(amount_fen) filter (where kind = 'deposit' and refunded_at is null), 0)
        as deposits,
      coalesce(sum(amount_fen) filter (where kind = 'service_fee'
        and refunded_at is null), 0) as prepaid,
      coalesce(sum(amount_fen - refund_fen) filter (where refunded_at is not null), 0)
        as earned
    from merchant_charge group by merchant_id
  )
  select 'network_receivable' as account, merchant_id, gross - refunds as balance_fen from m
  union all
  select 'merchant_pending', merchant_id, net_sales - (gross - fees) from m
  union all
  select 'merchant_payable', merchant_id, refunds - net_sales + d0 + payout from m
  union all
  select 'settlement_payout', merchant_id, -payout from m
  union all
  select 'fee_income', null, -(coalesce(sum(fees), 0) + coalesce(sum(d0), 0))
    - (select coalesce(sum(earned), 0) from charges) from m
  union all
  select 'charge_receipts', merchant_id, received from charges
  union all
  select 'merchant_deposit', merchant_id, -deposits from charges
  union all
  select 'prepaid_fee', merchant_id, -prepaid from charges`;

export function createLedgerStore(db: Db): LedgerStore {
  return {
    balances: async (merchantId) => toBalances(await db.execute(balancesQuery(merchantId))),
    facts: async (): Promise<LedgerFacts> => {
      // Each entry read once: its number of lines and their sum, for the totals and for the
      // entries that do not balance.
      const [counts] = rowsOf(
        await db.execute(sql`
          with entries as (
            select e.id, cardinality(e.line_amounts_fen) as lines,
              (select coalesce(sum(a), 0) from unnest(e.line_amounts_fen) a) as total
            from journal_entry e)
          select (select count(*) from entries) as entries,
            (select coalesce(sum(lines), 0) from entries) as lines,
            (select coalesce(sum(total), 0) from entries) as total,
            (select coalesce(array_agg(u.id::text), '{}') from (select id from entries
              where total <> 0 or lines < 2 limit 100) u) as unbalanced,
            (select count(*) from transactions t
              where ((t.kind = 'sale' and t.status in ('approved', 'voided'))
                or (t.kind in ('void', 'refund') and t.status = 'approved'))
                and not exists (select 1 from journal_entry e
                  where e.transaction_id = t.id and e.kind = t.kind)) as without_entry`),
      );
      const unbalanced = counts?.['unbalanced'];
      assert(Array.isArray(unbalanced), 'the unbalanced entries come as an array');
      return {
        entryCount: num(counts?.['entries']),
        lineCount: num(counts?.['lines']),
        totalFen: big(counts?.['total']),
        transactionsWithoutEntry: num(counts?.['without_entry']),
        unbalancedEntryIds: unbalanced.map(String),
      };
    },
    expectedBalances: async () =>
      toBalances(await db.execute(EXPECTED_BALANCES)).filter((b) => b.balanceFen !== 0n),
  };
}
