// What a merchant sees of its money on the merchant platform: its transactions (filtered, newest
// first, by keyset pages), its settlements, and the facts of one date's settlement statement.
// Every query is scoped to one merchant.
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type {
  MerchantSettlement,
  TransactionKind,
  TransactionRecord,
  TransactionStatus,
} from '@shoudan/core';
import type { Db } from '../../drivers/open.ts';
import { createSettlementStore } from '../settlement-store.ts';
import { merchants, merchantSettlements, transactions } from '../../schema/index.ts';
import type { TransactionRow } from '../rows.ts';

export type { TransactionRow };

export type TransactionFilter = {
  readonly merchantId: string;
  /** Business dates, both inclusive. */
  readonly fromDate?: string;
  readonly toDate?: string;
  readonly terminalId?: string;
  readonly kind?: TransactionKind;
  readonly status?: TransactionStatus;
};

function filterOf(filter: TransactionFilter): SQL[] {
  const where: SQL[] = [eq(transactions.merchantId, filter.merchantId)];
  if (filter.fromDate) where.push(gte(transactions.businessDate, filter.fromDate));
  if (filter.toDate) where.push(lte(transactions.businessDate, filter.toDate));
  if (filter.terminalId) where.push(eq(transactions.terminalId, filter.terminalId));
  if (filter.kind) where.push(eq(transactions.kind, filter.kind));
  if (filter.status) where.push(eq(transactions.status, filter.status));
  return where;
}

/**
 * Newest first: by business date, then instant, then id (a total order). Business date leads so
 * that the merchant's (merchant_id, business_date) index serves the list, and no index is added
 * to the table every payment writes.
 */
export async function listTransactions(
  db: Db,
  filter: TransactionFilter,
  page: { readonly limit: number; readonly afterId?: string },
): Promise<TransactionRow[]> {
  const where = filterOf(filter);
  if (page.afterId) {
    // The cursor's own key read in the query: never a rounded copy of its instant.
    where.push(sql`(${transactions.businessDate}, ${transactions.createdAt}, ${transactions.id})
      < (select c.business_date, c.created_at, c.id from transactions c
        where c.id = ${page.afterId}::uuid and c.merchant_id = ${filter.merchantId}::uuid)`);
  }
  return db
    .select()
    .from(transactions)
    .where(and(...where))
    .orderBy(desc(transactions.businessDate), desc(transactions.createdAt), desc(transactions.id))
    .limit(page.limit);
}

/** The merchant's transaction, or undefined (another merchant's is never found). */
export async function findTransaction(
  db: Db,
  merchantId: string,
  id: string,
): Promise<TransactionRow | undefined> {
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.id, id), eq(transactions.merchantId, merchantId)));
  return row;
}

export type SettlementRow = typeof merchantSettlements.$inferSelect;

/** The merchant's settlements, newest business date first, optionally within dates. */
export async function listSettlements(
  db: Db,
  input: {
    readonly merchantId: string;
    readonly fromDate?: string;
    readonly toDate?: string;
    readonly limit: number;
  },
): Promise<SettlementRow[]> {
  const where: SQL[] = [eq(merchantSettlements.merchantId, input.merchantId)];
  if (input.fromDate) where.push(gte(merchantSettlements.businessDate, input.fromDate));
  if (input.toDate) where.push(lte(merchantSettlements.businessDate, input.toDate));
  return db
    .select()
    .from(merchantSettlements)
    .where(and(...where))
    .orderBy(desc(merchantSettlements.businessDate))
    .limit(input.limit);
}

/** The merchant's settlement of `businessDate` as core computes statements from it. */
export async function findSettlement(
  db: Db,
  merchantId: string,
  businessDate: string,
): Promise<MerchantSettlement | undefined> {
  const [found] = await db
    .select({ s: merchantSettlements, merchantNo: merchants.merchantNo })
    .from(merchantSettlements)
    .innerJoin(merchants, eq(merchants.id, merchantSettlements.merchantId))
    .where(
      and(
        eq(merchantSettlements.merchantId, merchantId),
        eq(merchantSettlements.businessDate, businessDate),
      ),
    );
  if (!found) return undefined;
  const { s } = found;
  return {
    id: s.id,
    merchantId: s.merchantId,
    merchantNo: found.merchantNo,
    businessDate: s.businessDate,
    saleCount: s.saleCount,
    grossFen: s.grossFen,
    feeFen: s.feeFen,
    refundCount: s.refundCount,
    refundFen: s.refundFen,
    d0FeeFen: s.d0FeeFen,
    carriedInFen: s.carriedInFen,
    netFen: s.netFen,
    payoutFen: s.payoutFen,
    carriedOutFen: s.carriedOutFen,
    settlementMode: s.settlementMode as MerchantSettlement['settlementMode'],
    payableDate: s.payableDate,
  };
}

/**
 * What a date's statement lists: the approved sales and refunds of the merchant's date, oldest
 * first; the same rows the engine's statement reads, so JSON and CSV show one statement.
 */
export function statementTransactions(
  db: Db,
  merchantId: string,
  businessDate: string,
): Promise<TransactionRecord[]> {
  // The settlement store's own read: the statement the API shows is the one the CLI prints.
  return createSettlementStore(db).statementTransactions(merchantId, businessDate);
}

/** The merchant's number and name, for documents it downloads. */
export async function merchantIdentity(
  db: Db,
  merchantId: string,
): Promise<{ readonly merchantNo: string; readonly name: string } | undefined> {
  const [row] = await db
    .select({ merchantNo: merchants.merchantNo, name: merchants.name })
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  return row;
}
