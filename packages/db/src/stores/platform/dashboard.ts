// The merchant dashboard's read: one merchant's approved sales, voids and refunds per business
// date over a range, served by the (merchant_id, business_date) index of the transactions.
import { sql } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import { big, num, rowsOf } from '../rows.ts';

export type DayTotals = {
  readonly businessDate: string;
  /** Approved sales still standing: a voided sale's status is `voided`. */
  readonly salesCount: number;
  readonly salesFen: bigint;
  readonly voidsCount: number;
  readonly voidsFen: bigint;
  readonly refundsCount: number;
  readonly refundsFen: bigint;
};

/** The merchant's totals of each business date from `fromDate` to `toDate` that has any. */
export async function merchantDayTotals(
  db: Db,
  input: { readonly merchantId: string; readonly fromDate: string; readonly toDate: string },
): Promise<DayTotals[]> {
  const result = await db.execute(sql`
    select business_date::text as business_date,
      count(*) filter (where kind = 'sale') as sales_count,
      coalesce(sum(amount_fen) filter (where kind = 'sale'), 0) as sales_fen,
      count(*) filter (where kind = 'void') as voids_count,
      coalesce(sum(amount_fen) filter (where kind = 'void'), 0) as voids_fen,
      count(*) filter (where kind = 'refund') as refunds_count,
      coalesce(sum(amount_fen) filter (where kind = 'refund'), 0) as refunds_fen
    from transactions
    where merchant_id = ${input.merchantId}::uuid and status = 'approved'
      and business_date between ${input.fromDate}::date and ${input.toDate}::date
    group by business_date
    order by business_date`);
  return rowsOf(result).map((r) => ({
    businessDate: String(r['business_date']),
    salesCount: num(r['sales_count']),
    salesFen: big(r['sales_fen']),
    voidsCount: num(r['voids_count']),
    voidsFen: big(r['voids_fen']),
    refundsCount: num(r['refunds_count']),
    refundsFen: big(r['refunds_fen']),
  }));
}
