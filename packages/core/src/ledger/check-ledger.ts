// Ledger check: every entry balances, the ledger sums to zero, every approved transaction has its
// entry, and every balance equals what the transactions and settlements say it must be.
import type { Account } from './model.ts';
import type { AccountBalance, LedgerStore } from './store.ts';

export type BalanceMismatch = {
  readonly account: Account;
  readonly merchantId: string | null;
  readonly ledgerFen: bigint;
  readonly expectedFen: bigint;
};

export type LedgerReport = {
  readonly ok: boolean;
  readonly entryCount: number;
  readonly lineCount: number;
  /** Balances compared: one per account and merchant in the ledger or the business records. */
  readonly accountsChecked: number;
  readonly unbalancedEntryIds: readonly string[];
  readonly totalFen: bigint;
  readonly transactionsWithoutEntry: number;
  readonly mismatches: readonly BalanceMismatch[];
};

const keyOf = (b: Pick<AccountBalance, 'account' | 'merchantId'>) =>
  `${b.account}|${b.merchantId ?? ''}`;

export async function checkLedger(store: LedgerStore): Promise<LedgerReport> {
  const facts = await store.facts();
  const actual = new Map((await store.balances()).map((b) => [keyOf(b), b]));
  const expected = new Map((await store.expectedBalances()).map((b) => [keyOf(b), b]));
  const mismatches: BalanceMismatch[] = [];
  const keys = new Set([...actual.keys(), ...expected.keys()]);
  for (const key of keys) {
    const a = actual.get(key);
    const e = expected.get(key);
    const ledgerFen = a?.balanceFen ?? 0n;
    const expectedFen = e?.balanceFen ?? 0n;
    if (ledgerFen === expectedFen) continue;
    const ref = (a ?? e) as AccountBalance;
    mismatches.push({ account: ref.account, merchantId: ref.merchantId, ledgerFen, expectedFen });
  }
  return {
    ok:
      facts.unbalancedEntryIds.length === 0 &&
      facts.totalFen === 0n &&
      facts.transactionsWithoutEntry === 0 &&
      mismatches.length === 0,
    ...facts,
    accountsChecked: keys.size,
    mismatches,
  };
}

/** What a merchant is owed: pending (not yet settled) and payable (settled, not paid). */
export async function merchantBalance(
  store: LedgerStore,
  merchantId: string,
): Promise<{ pendingFen: bigint; payableFen: bigint }> {
  const rows = await store.balances(merchantId);
  const of = (account: Account) =>
    -(rows.find((r) => r.account === account && r.merchantId === merchantId)?.balanceFen ?? 0n);
  return { pendingFen: of('merchant_pending'), payableFen: of('merchant_payable') };
}
