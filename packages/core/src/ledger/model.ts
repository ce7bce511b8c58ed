// Double-entry ledger types and the builders of balanced entries. Debits are positive, credits
// negative; every entry sums to zero (checked here and again by the database at commit).
import { assert } from '../shared/assert.ts';
import type { BusinessDate } from '../shared/business-date.ts';

export const ACCOUNTS = [
  'network_receivable', // what the card network owes us for approved sales, less refunds
  'merchant_pending', // what we owe merchants for sales not yet settled (net of fees)
  'merchant_payable', // settled and not yet paid out; a debit balance is owed to us (carried)
  'fee_income', // our fee revenue
  'settlement_payout', // payouts instructed to merchants' banks
  'charge_receipts', // deposits and prepaid fees received from merchants, less refunds to them
  'merchant_deposit', // terminal deposits (押金) held for merchants, refunded on deregistration
  'prepaid_fee', // service fees (服务费) paid ahead and not yet earned
] as const;
export type Account = (typeof ACCOUNTS)[number];

export type EntryKind =
  | 'sale'
  | 'void'
  | 'refund'
  | 'reversal'
  | 'settlement'
  // A deposit or prepaid fee received, and its close-out at deregistration (merchants/charges.ts).
  | 'charge_received'
  | 'charge_closed';

export type JournalLine = {
  readonly account: Account;
  /** The merchant the line belongs to; null for the acquirer's own accounts. */
  readonly merchantId: string | null;
  readonly amountFen: bigint;
};

export type JournalEntry = {
  readonly id: string;
  readonly kind: EntryKind;
  readonly merchantId: string | null;
  readonly transactionId: string | null;
  readonly settlementId: string | null;
  readonly businessDate: BusinessDate;
  readonly createdAt: Date;
  readonly lines: readonly JournalLine[];
};

/** Checks the entry balances and drops zero lines; a defect if it does not balance. */
export function balancedEntry(entry: JournalEntry): JournalEntry {
  const lines = entry.lines.filter((l) => l.amountFen !== 0n);
  const sum = lines.reduce((a, l) => a + l.amountFen, 0n);
  assert(sum === 0n, 'journal entry does not balance');
  assert(lines.length >= 2, 'journal entry needs two lines');
  return { ...entry, lines };
}

/** The lines of an approved sale: the network owes the gross, the merchant is owed the net. */
export function saleLines(merchantId: string, amountFen: bigint, feeFen: bigint): JournalLine[] {
  assert(amountFen > 0n && feeFen >= 0n && feeFen <= amountFen, 'sale amounts out of range');
  return [
    { account: 'network_receivable', merchantId, amountFen },
    { account: 'merchant_pending', merchantId, amountFen: -(amountFen - feeFen) },
    { account: 'fee_income', merchantId: null, amountFen: -feeFen },
  ];
}

/** The exact opposite of `lines`: how a void or reversal undoes an entry. */
export function oppositeLines(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((l) => ({ ...l, amountFen: -l.amountFen }));
}

/** A refund after settlement comes out of the merchant's settled balance. */
export function refundLines(merchantId: string, amountFen: bigint): JournalLine[] {
  assert(amountFen > 0n, 'refund amount must be positive');
  return [
    { account: 'merchant_payable', merchantId, amountFen },
    { account: 'network_receivable', merchantId, amountFen: -amountFen },
  ];
}
