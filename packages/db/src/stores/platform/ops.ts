// The ops console's reads across merchants: merchant and terminal search (keyset pages), one
// merchant's ledger balances, and the business dates with their transactions and settlements.
import { and, asc, desc, eq, gt, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { AccountBalance, BusinessDateStatus } from '@shoudan/core';
import type { Db } from '../../drivers/open.ts';
import { businessDates, merchants, terminals } from '../../schema/index.ts';
import { createLedgerStore } from '../ledger-store.ts';
import { big, num, rowsOf } from '../rows.ts';
import { createSettlementStore } from '../settlement-store.ts';

/** `text` matched literally inside a LIKE pattern (backslash is PostgreSQL's default escape). */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type MerchantSummaryRow = {
  readonly id: string;
  readonly merchantNo: string;
  readonly name: string;
  readonly merchantType: string;
  readonly status: string;
  readonly terminalCount: number;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
};

const merchantSummary = {
  id: merchants.id,
  merchantNo: merchants.merchantNo,
  name: merchants.name,
  merchantType: merchants.merchantType,
  status: merchants.status,
  // Terminals in service: a returned or replaced terminal is deactivated, not deleted.
  terminalCount: sql<number>`(select count(*) from terminal t
    where t.merchant_id = ${merchants.id} and t.status <> 'deactivated')`.mapWith(Number),
  createdAt: merchants.createdAt,
  closedAt: merchants.closedAt,
};

export type MerchantSearch = {
  /** A merchant number prefix or a part of the name (case-insensitive). */
  readonly q?: string;
  readonly status?: string;
  readonly limit: number;
  /** The merchant number the page starts after. */
  readonly afterMerchantNo?: string;
};

/** Merchants in merchant number order. */
export async function searchMerchants(
  db: Db,
  search: MerchantSearch,
): Promise<MerchantSummaryRow[]> {
  const where: (SQL | undefined)[] = [];
  if (search.q) {
    const q = literal(search.q);
    where.push(or(like(merchants.merchantNo, `${q}%`), ilike(merchants.name, `%${q}%`)));
  }
  if (search.status) where.push(eq(merchants.status, search.status));
  if (search.afterMerchantNo) where.push(gt(merchants.merchantNo, search.afterMerchantNo));
  return db
    .select(merchantSummary)
    .from(merchants)
    .where(and(...where))
    .orderBy(asc(merchants.merchantNo))
    .limit(search.limit);
}

export async function findMerchantSummary(
  db: Db,
  merchantId: string,
): Promise<MerchantSummaryRow | undefined> {
  const [row] = await db
    .select(merchantSummary)
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  return row;
}

export type TerminalSummaryRow = {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly merchantNo: string;
  readonly merchantName: string;
  readonly status: string;
  readonly serialNo: string;
};

export type TerminalSearch = {
  /** A terminal id prefix, a part of the serial number, or a merchant number prefix. */
  readonly q?: string;
  readonly merchantId?: string;
  readonly status?: string;
  readonly limit: number;
  /** The terminal id the page starts after. */
  readonly afterTerminalId?: string;
};

/** Terminals with their merchant, in terminal id order. */
export async function searchTerminals(
  db: Db,
  search: TerminalSearch,
): Promise<TerminalSummaryRow[]> {
  const where: (SQL | undefined)[] = [];
  if (search.q) {
    const q = literal(search.q);
    where.push(
      or(
        like(terminals.terminalId, `${q}%`),
        ilike(terminals.serialNo, `%${q}%`),
        like(merchants.merchantNo, `${q}%`),
      ),
    );
  }
  if (search.merchantId) where.push(eq(terminals.merchantId, search.merchantId));
  if (search.status) where.push(eq(terminals.status, search.status));
  if (search.afterTerminalId) where.push(gt(terminals.terminalId, search.afterTerminalId));
  return db
    .select({
      terminalId: terminals.terminalId,
      merchantId: terminals.merchantId,
      merchantNo: merchants.merchantNo,
      merchantName: merchants.name,
      status: terminals.status,
      serialNo: terminals.serialNo,
    })
    .from(terminals)
    .innerJoin(merchants, eq(merchants.id, terminals.merchantId))
    .where(and(...where))
    .orderBy(asc(terminals.terminalId))
    .limit(search.limit);
}

/** The merchant's ledger balances per account (debits minus credits), as the ledger check sums. */
export function merchantBalances(db: Db, merchantId: string): Promise<AccountBalance[]> {
  return createLedgerStore(db).balances(merchantId);
}

/** The business date's status as the engine reads it; undefined before its first payment. */
export function businessDateStatus(db: Db, date: string): Promise<BusinessDateStatus | undefined> {
  return createSettlementStore(db).businessDateStatus(date);
}

/** Merchants with approved sales or refunds on `date`: those its settlement settles. */
export async function merchantsToSettle(db: Db, date: string): Promise<number> {
  const [row] = rowsOf(
    await db.execute(sql`
      select count(distinct merchant_id) as n from transactions
      where business_date = ${date}::date and status = 'approved' and kind in ('sale', 'refund')`),
  );
  return num(row?.['n']);
}

export type BusinessDateRow = {
  readonly businessDate: string;
  /** As recorded; `open` for a date without a row yet (the open date before its first payment). */
  readonly status: BusinessDateStatus;
  readonly cutOffAt: Date | null;
  readonly settledAt: Date | null;
  readonly transactionCount: number;
  readonly salesFen: bigint;
  readonly merchantsSettled: number;
  readonly merchantsToSettle: number;
};

/** The newest `limit` business dates, `today` among them even before its first payment. */
export async function businessDateOverview(
  db: Db,
  input: { readonly today: string; readonly limit: number },
): Promise<BusinessDateRow[]> {
  const recorded = await db
    .select()
    .from(businessDates)
    .orderBy(desc(businessDates.businessDate))
    .limit(input.limit);
  const dates = recorded.map((r) => ({
    businessDate: r.businessDate,
    status: r.status as BusinessDateStatus,
    cutOffAt: r.cutOffAt,
    settledAt: r.settledAt,
  }));
  if (!dates.some((d) => d.businessDate === input.today)) {
    dates.push({ businessDate: input.today, status: 'open', cutOffAt: null, settledAt: null });
  }
  dates.sort((a, b) => (a.businessDate < b.businessDate ? 1 : -1));
  const shown = dates.slice(0, input.limit);
  const totals = await dateTotals(
    db,
    shown.map((d) => d.businessDate),
  );
  return shown.map((d) => {
    const t = totals.get(d.businessDate);
    return {
      ...d,
      transactionCount: t?.transactionCount ?? 0,
      salesFen: t?.salesFen ?? 0n,
      merchantsSettled: t?.merchantsSettled ?? 0,
      merchantsToSettle: t?.merchantsToSettle ?? 0,
    };
  });
}

type DateTotals = Pick<
  BusinessDateRow,
  'transactionCount' | 'salesFen' | 'merchantsSettled' | 'merchantsToSettle'
>;

async function dateTotals(db: Db, dates: readonly string[]): Promise<Map<string, DateTotals>> {
  const totals = new Map<string, DateTotals>();
  if (dates.length === 0) return totals;
  const list = sql.join(
    dates.map((d) => sql`${d}::date`),
    sql`, `,
  );
  const rows = rowsOf(
    await db.execute(sql`
      with tx as (
        select business_date, count(*) as n,
          coalesce(sum(amount_fen) filter (where kind = 'sale'), 0) as sales,
          count(distinct merchant_id) filter (where kind in ('sale', 'refund')) as to_settle
        from transactions where business_date in (${list}) and status = 'approved'
        group by business_date
      ), settled as (
        select business_date, count(*) as n from merchant_settlement
        where business_date in (${list}) group by business_date
      )
      select coalesce(tx.business_date, settled.business_date)::text as business_date,
        tx.n as transaction_count, tx.sales as sales_fen, tx.to_settle as to_settle,
        settled.n as merchants_settled
      from tx full join settled on settled.business_date = tx.business_date`),
  );
  for (const r of rows) {
    totals.set(String(r['business_date']), {
      // A side of the full join without a row reads null: num and big make it zero.
      transactionCount: num(r['transaction_count']),
      salesFen: big(r['sales_fen']),
      merchantsToSettle: num(r['to_settle']),
      merchantsSettled: num(r['merchants_settled']),
    });
  }
  return totals;
}
