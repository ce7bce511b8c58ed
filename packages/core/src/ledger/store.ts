// The storage port of ledger queries, implemented by @shoudan/db.
import type { Account } from './model.ts';

export type AccountBalance = {
  readonly account: Account;
  readonly merchantId: string | null;
  /** Debits minus credits. */
  readonly balanceFen: bigint;
};

/** What the business records (transactions, settlements) say a balance must be. */
export type ExpectedBalance = AccountBalance;

export type LedgerFacts = {
  readonly entryCount: number;
  readonly lineCount: number;
  /** Entries whose lines do not sum to zero or that have fewer than two lines. */
  readonly unbalancedEntryIds: readonly string[];
  readonly totalFen: bigint;
  /** Approved sales, voids and refunds without their journal entry. */
  readonly transactionsWithoutEntry: number;
};

export interface LedgerStore {
  balances(merchantId?: string): Promise<AccountBalance[]>;
  facts(): Promise<LedgerFacts>;
  expectedBalances(): Promise<ExpectedBalance[]>;
}
