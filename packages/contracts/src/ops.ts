// The ops console's reads and runs (运营后台): merchant and terminal search, business dates with
// their cutoff and settlement state, cutoff and settlement runs with progress, the ledger check.
// Amounts are integer fen as JSON numbers.
import { z } from 'zod';
import { BusinessDateParam, Fen, Id, listOf } from './common.ts';
import { Service } from './services.ts';

/** Where a merchant stands (@shoudan/db's merchant_status_known check). */
export const MerchantStatus = z.enum(['pending', 'active', 'suspended', 'closed']);
export type MerchantStatus = z.infer<typeof MerchantStatus>;

/** Where a terminal stands (@shoudan/db's terminal_status_known check). */
export const TerminalStatus = z.enum(['pending_activation', 'active', 'frozen', 'deactivated']);
export type TerminalStatus = z.infer<typeof TerminalStatus>;

/** Free text of a search; an empty one is no filter. */
const SearchText = z.string().trim().max(64).optional();
/** The `nextCursor` of the page before, as given. */
const Cursor = z.string().min(1).max(64).optional();
const Limit = z.coerce.number().int().min(1).max(200).default(50);

/** `q`: a merchant number prefix or a part of the name. Pages in merchant number order. */
export const MerchantSearchQuery = z.object({
  q: SearchText,
  status: MerchantStatus.optional(),
  limit: Limit,
  cursor: Cursor,
});
export type MerchantSearchQuery = z.infer<typeof MerchantSearchQuery>;

export const MerchantSummary = z.object({
  id: z.string(),
  merchantNo: z.string(),
  name: z.string(),
  status: MerchantStatus,
  /** Terminals in service: every one not deactivated (returned or replaced). */
  terminalCount: z.number().int(),
  createdAt: z.string(),
});
export type MerchantSummary = z.infer<typeof MerchantSummary>;

/** A page of a list: `{ data, nextCursor }`, the cursor null on the last page. */
export const MerchantSummaryPage = listOf(MerchantSummary).extend({
  nextCursor: z.string().nullable(),
});
export type MerchantSummaryPage = z.infer<typeof MerchantSummaryPage>;

/**
 * `q`: a terminal id prefix, a part of the serial number, or a merchant number prefix. Pages in
 * terminal id order.
 */
export const TerminalSearchQuery = z.object({
  q: SearchText,
  merchantId: Id.optional(),
  status: TerminalStatus.optional(),
  limit: Limit,
  cursor: Cursor,
});
export type TerminalSearchQuery = z.infer<typeof TerminalSearchQuery>;

export const TerminalSummary = z.object({
  terminalId: z.string(),
  merchantId: z.string(),
  merchantNo: z.string(),
  merchantName: z.string(),
  status: TerminalStatus,
  serialNo: z.string().nullable(),
});
export type TerminalSummary = z.infer<typeof TerminalSummary>;

export const TerminalSummaryPage = listOf(TerminalSummary).extend({
  nextCursor: z.string().nullable(),
});
export type TerminalSummaryPage = z.infer<typeof TerminalSummaryPage>;

export const MerchantServiceSummary = z.object({
  code: Service,
  /** In the caller's language (Accept-Language). */
  name: z.string(),
  status: z.enum(['active', 'suspended', 'revoked', 'not_activated']),
});
export type MerchantServiceSummary = z.infer<typeof MerchantServiceSummary>;

/**
 * A ledger account of the merchant, as the ledger holds it: debits minus credits, so a negative
 * `merchant_pending` is owed to the merchant and a positive `merchant_payable` is owed by it.
 */
export const AccountBalanceBody = z.object({ account: z.string(), balanceFen: Fen });
export type AccountBalanceBody = z.infer<typeof AccountBalanceBody>;

export const MerchantDetail = MerchantSummary.extend({
  merchantType: z.enum(['individual', 'enterprise']),
  closedAt: z.string().nullable(),
  /** Every terminal of the merchant, deactivated ones too, by terminal id. */
  terminals: z.array(TerminalSummary),
  /** Every service, with `not_activated` for one the merchant never had. */
  services: z.array(MerchantServiceSummary),
  balances: z.array(AccountBalanceBody),
});
export type MerchantDetail = z.infer<typeof MerchantDetail>;

/** `due`: the cutoff time has passed and the date is not cut off yet. */
export const BusinessDateStatus = z.enum(['open', 'due', 'cut_off', 'settled']);
export type BusinessDateStatus = z.infer<typeof BusinessDateStatus>;

export const BusinessDateSummary = z.object({
  businessDate: z.string(),
  status: BusinessDateStatus,
  /** The instant the date closes (its cutoff time, Asia/Shanghai). */
  cutoffDueAt: z.string(),
  cutOffAt: z.string().nullable(),
  settledAt: z.string().nullable(),
  /** Approved transactions of the date, every kind. */
  transactionCount: z.number().int(),
  /** Approved sales still standing (not voided). */
  salesFen: Fen,
  merchantsSettled: z.number().int(),
  /** Merchants with approved sales or refunds on the date: those its settlement settles. */
  merchantsToSettle: z.number().int(),
});
export type BusinessDateSummary = z.infer<typeof BusinessDateSummary>;

/** Newest first; the open business date is always the first, even before its first payment. */
export const BusinessDateList = listOf(BusinessDateSummary);
export type BusinessDateList = z.infer<typeof BusinessDateList>;

export const BusinessDateListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(366).default(30),
});
export type BusinessDateListQuery = z.infer<typeof BusinessDateListQuery>;

export const RunKind = z.enum(['cutoff', 'settlement']);
export type RunKind = z.infer<typeof RunKind>;

export const RunStatus = z.enum(['running', 'completed', 'failed']);
export type RunStatus = z.infer<typeof RunStatus>;

export const RunRequest = z.object({ kind: RunKind, businessDate: BusinessDateParam });
export type RunRequest = z.infer<typeof RunRequest>;

/**
 * A cutoff or settlement run. `done/total`: merchants settled of those to settle, or 0/1 → 1/1
 * for a cutoff. `outcome` says why a run failed (`internal_error` for a defect, logged).
 * `summary`: a cutoff's approvedCount, approvedSalesFen and already (1 when it had been cut off);
 * a settlement's merchants, grossFen, feeFen, refundFen, payoutFen and already.
 */
export const RunBody = z.object({
  id: z.string(),
  kind: RunKind,
  businessDate: z.string(),
  status: RunStatus,
  done: z.number().int(),
  total: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The staff member's name. */
  startedBy: z.string(),
  outcome: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Counts as numbers, amounts (`…Fen`) as decimal strings. */
  summary: z.record(z.string(), z.union([z.number().int(), Fen])).nullable(),
});
export type RunBody = z.infer<typeof RunBody>;

/** Runs of this server process, newest first (a restart forgets them; their effects stay). */
export const RunList = listOf(RunBody);
export type RunList = z.infer<typeof RunList>;

export const RunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type RunListQuery = z.infer<typeof RunListQuery>;

export const LedgerMismatchBody = z.object({
  account: z.string(),
  /** Null for the acquirer's own accounts (fee income). */
  merchantId: z.string().nullable(),
  /** What the transactions and settlements say the balance must be. */
  expectedFen: Fen,
  /** What the ledger's lines sum to. */
  actualFen: Fen,
});
export type LedgerMismatchBody = z.infer<typeof LedgerMismatchBody>;

/**
 * What the ledger check found: `ok` when every entry balances, the ledger sums to zero, every
 * approved transaction has its entry and every balance matches the business records.
 */
export const LedgerCheckBody = z.object({
  checkedAt: z.string(),
  ok: z.boolean(),
  /** Balances compared: one per account and merchant. */
  accountsChecked: z.number().int(),
  entriesChecked: z.number().int(),
  linesChecked: z.number().int(),
  /** The sum of every line; zero in a healthy ledger. */
  totalFen: Fen,
  /** Entries that do not balance (at most 100 listed). */
  unbalancedEntryIds: z.array(z.string()),
  transactionsWithoutEntry: z.number().int(),
  mismatches: z.array(LedgerMismatchBody),
});
export type LedgerCheckBody = z.infer<typeof LedgerCheckBody>;
