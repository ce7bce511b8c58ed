// PostgreSQL implementation of the cutoff and settlement port. The cutoff takes the business
// date's advisory lock exclusively, so it waits for every payment that holds it.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type {
  BusinessDateStatus,
  MerchantDayTotals,
  MerchantSettlement,
  SettlementStore,
  SettlementTx,
  TransactionRecord,
} from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import { businessDates, merchants, merchantSettlements, transactions } from '../schema/index.ts';
import { postEntries } from './payments-tx.ts';
import { big, num, rowsOf, toRecord } from './rows.ts';

class PgSettlementTx implements SettlementTx {
  private readonly tx: Db;

  constructor(tx: Db) {
    this.tx = tx;
  }

  async lockBusinessDate(date: string): Promise<BusinessDateStatus | undefined> {
    await this.tx.execute(sql`select pg_advisory_xact_lock(business_date_lock_key(${date}::date))`);
    const [row] = await this.tx
      .select({ status: businessDates.status })
      .from(businessDates)
      .where(eq(businessDates.businessDate, date));
    return row?.status as BusinessDateStatus | undefined;
  }

  async setBusinessDateStatus(date: string, status: BusinessDateStatus, at: Date): Promise<void> {
    const stamp =
      status === 'cut_off' ? { cutOffAt: at } : status === 'settled' ? { settledAt: at } : {};
    await this.tx
      .insert(businessDates)
      .values({ businessDate: date, status, ...stamp })
      .onConflictDoUpdate({ target: businessDates.businessDate, set: { status, ...stamp } });
  }

  async insertSettlement(s: MerchantSettlement, at: Date): Promise<boolean> {
    const rows = await this.tx
      .insert(merchantSettlements)
      .values({ ...s, status: 'payable', createdAt: at })
      .onConflictDoNothing()
      .returning({ id: merchantSettlements.id });
    return rows.length === 1;
  }

  async postEntries(entries: Parameters<SettlementTx['postEntries']>[0]): Promise<void> {
    await postEntries(this.tx, entries);
  }

  // FOR NO KEY UPDATE: settlement runs exclude one another, payments (whose foreign keys take
  // the merchant FOR KEY SHARE) do not wait. In merchant order, so two runs never deadlock.
  async lockCarriedIn(merchantIds: readonly string[], date: string): Promise<Map<string, bigint>> {
    const carried = new Map<string, bigint>();
    if (merchantIds.length === 0) return carried;
    const ids = sql.join(
      merchantIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await this.tx.execute(
      sql`select 1 from merchant where id in (${ids}) order by id for no key update`,
    );
    const rows = rowsOf(
      await this.tx.execute(sql`
        select merchant_id, sum(carried_out_fen - carried_in_fen) as debt
        from merchant_settlement
        where merchant_id in (${ids}) and business_date <> ${date}
        group by merchant_id`),
    );
    for (const r of rows) carried.set(String(r['merchant_id']), big(r['debt']));
    return carried;
  }
}

function toSettlement(
  row: typeof merchantSettlements.$inferSelect,
  merchantNo: string,
): MerchantSettlement {
  return {
    id: row.id,
    merchantId: row.merchantId,
    merchantNo,
    businessDate: row.businessDate,
    saleCount: row.saleCount,
    grossFen: row.grossFen,
    feeFen: row.feeFen,
    refundCount: row.refundCount,
    refundFen: row.refundFen,
    d0FeeFen: row.d0FeeFen,
    carriedInFen: row.carriedInFen,
    netFen: row.netFen,
    payoutFen: row.payoutFen,
    carriedOutFen: row.carriedOutFen,
    settlementMode: row.settlementMode as 't1' | 'd0',
    payableDate: row.payableDate,
  };
}

export function createSettlementStore(db: Db): SettlementStore {
  return {
    transaction: (work) =>
      db.transaction((tx) => work(new PgSettlementTx(tx as unknown as Db)), {
        isolationLevel: 'read committed',
      }),
    businessDateStatus: async (date) => {
      const [row] = await db
        .select({ status: businessDates.status })
        .from(businessDates)
        .where(eq(businessDates.businessDate, date));
      return row?.status as BusinessDateStatus | undefined;
    },
    openBusinessDates: async () => {
      const rows = await db
        .select({ date: businessDates.businessDate })
        .from(businessDates)
        .where(eq(businessDates.status, 'open'))
        .orderBy(asc(businessDates.businessDate));
      return rows.map((r) => r.date);
    },
    dateSummary: async (date) => {
      const [r] = rowsOf(
        await db.execute(sql`
          select count(*) as n,
            coalesce(sum(amount_fen) filter (where kind = 'sale'), 0) as sales
          from transactions where business_date = ${date} and status = 'approved'`),
      );
      return { approvedCount: num(r?.['n']), approvedSalesFen: big(r?.['sales']) };
    },
    merchantDayTotals: (date, rateAt) => merchantDayTotals(db, date, rateAt),
    settlements: async (date, merchantId) => {
      const rows = await db
        .select({ s: merchantSettlements, merchantNo: merchants.merchantNo })
        .from(merchantSettlements)
        .innerJoin(merchants, eq(merchants.id, merchantSettlements.merchantId))
        .where(
          and(
            eq(merchantSettlements.businessDate, date),
            merchantId ? eq(merchantSettlements.merchantId, merchantId) : undefined,
          ),
        )
        .orderBy(asc(merchants.merchantNo));
      return rows.map((r) => toSettlement(r.s, r.merchantNo));
    },
    statementTransactions: async (merchantId, date): Promise<TransactionRecord[]> => {
      const rows = await db
        .select()
        .from(transactions)
        .where(
          and(
            eq(transactions.merchantId, merchantId),
            eq(transactions.businessDate, date),
            inArray(transactions.kind, ['sale', 'refund']),
            eq(transactions.status, 'approved'),
          ),
        )
        .orderBy(asc(transactions.createdAt), asc(transactions.id));
      return rows.map(toRecord);
    },
  };
}

// A carried debt is a running balance: each settlement takes in all that is outstanding and
// carries out its own negative net, so what is outstanding is the sum of (carried out − carried
// in) over the merchant's settlements, whatever order their dates were settled in.
async function merchantDayTotals(db: Db, date: string, rateAt: Date): Promise<MerchantDayTotals[]> {
  const result = await db.execute(sql`
    with day as (
      select merchant_id,
        count(*) filter (where kind = 'sale') as sale_count,
        coalesce(sum(amount_fen) filter (where kind = 'sale'), 0) as gross_fen,
        coalesce(sum(fee_fen) filter (where kind = 'sale'), 0) as fee_fen,
        count(*) filter (where kind = 'refund') as refund_count,
        coalesce(sum(amount_fen) filter (where kind = 'refund'), 0) as refund_fen
      from transactions
      where business_date = ${date} and status = 'approved' and kind in ('sale', 'refund')
      group by merchant_id
    )
    select day.*, m.merchant_no,
      coalesce((select sum(s.carried_out_fen - s.carried_in_fen) from merchant_settlement s
        where s.merchant_id = day.merchant_id and s.business_date <> ${date}), 0) as carried_in_fen,
      d0.rate_bps as d0_rate_bps, d0.cap_fen as d0_cap_fen,
      exists (select 1 from merchant_service ms where ms.merchant_id = m.id
        and ms.service = 'd0_settlement' and ms.status = 'active') as d0_active
    from day join merchant m on m.id = day.merchant_id
    left join lateral (
      select r.rate_bps, r.cap_fen from fee_rate r
      where r.service = 'd0_settlement' and r.effective_from <= ${rateAt.toISOString()}
        and (r.merchant_id = m.id or r.fee_plan_id = m.fee_plan_id)
      order by (r.merchant_id is not null) desc, r.effective_from desc limit 1
    ) d0 on true
    order by m.merchant_no`);
  return rowsOf(result).map((r) => ({
    merchantId: String(r['merchant_id']),
    merchantNo: String(r['merchant_no']),
    saleCount: num(r['sale_count']),
    grossFen: big(r['gross_fen']),
    feeFen: big(r['fee_fen']),
    refundCount: num(r['refund_count']),
    refundFen: big(r['refund_fen']),
    carriedInFen: big(r['carried_in_fen']),
    d0Rate:
      r['d0_active'] === true && r['d0_rate_bps'] !== null && r['d0_rate_bps'] !== undefined
        ? {
            rateBps: num(r['d0_rate_bps']),
            capFen: r['d0_cap_fen'] === null ? null : big(r['d0_cap_fen']),
          }
        : null,
  }));
}
