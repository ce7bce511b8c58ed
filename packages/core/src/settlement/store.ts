// The storage port of cutoff and merchant settlement, implemented by @shoudan/db.
import type { BusinessDate } from '../shared/business-date.ts';
import type { JournalEntry } from '../ledger/model.ts';
import type { BusinessDateStatus } from '../payments/store.ts';
import type { TransactionRecord } from '../payments/model.ts';
import type { MerchantDayTotals, MerchantSettlement } from './model.ts';

export type DateSummary = {
  readonly approvedCount: number;
  readonly approvedSalesFen: bigint;
};

export interface SettlementTx {
  /** Takes the business date exclusively (waits for every payment holding it) and reads it. */
  lockBusinessDate(date: BusinessDate): Promise<BusinessDateStatus | undefined>;
  setBusinessDateStatus(date: BusinessDate, status: BusinessDateStatus, at: Date): Promise<void>;
  /** Inserts the settlement unless that merchant's date is already settled; true if inserted. */
  insertSettlement(settlement: MerchantSettlement, at: Date): Promise<boolean>;
  postEntries(entries: readonly JournalEntry[]): Promise<void>;
  /**
   * Takes the merchants' settlement until commit (one run at a time per merchant, whatever the
   * date) and reads what each carries in: the debt outstanding from its settlements of other
   * dates (≤ 0). Read under the lock, so two dates settled at once never take one debt twice.
   */
  lockCarriedIn(
    merchantIds: readonly string[],
    date: BusinessDate,
  ): Promise<ReadonlyMap<string, bigint>>;
}

export interface SettlementStore {
  transaction<T>(work: (tx: SettlementTx) => Promise<T>): Promise<T>;
  businessDateStatus(date: BusinessDate): Promise<BusinessDateStatus | undefined>;
  /** Open business dates, oldest first. */
  openBusinessDates(): Promise<BusinessDate[]>;
  dateSummary(date: BusinessDate): Promise<DateSummary>;
  /** Every merchant with sales or refunds on `date`, with its totals and carried balance. */
  merchantDayTotals(date: BusinessDate, rateAt: Date): Promise<MerchantDayTotals[]>;
  settlements(date: BusinessDate, merchantId?: string): Promise<MerchantSettlement[]>;
  /** The effective sales and approved refunds of a merchant's date, oldest first. */
  statementTransactions(merchantId: string, date: BusinessDate): Promise<TransactionRecord[]>;
}
