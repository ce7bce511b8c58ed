// The storage port of payments, implemented by @shoudan/db. Every use case runs in one
// transaction and answers only after it commits.
import type { BusinessDate } from '../shared/business-date.ts';
import type { JournalEntry, JournalLine } from '../ledger/model.ts';
import type { RequestKey, Service, TransactionRecord, TransactionStatus } from './model.ts';

export type BusinessDateStatus = 'open' | 'cut_off' | 'settled';
export type MerchantStatus = 'pending' | 'active' | 'suspended' | 'closed';
export type TerminalStatus = 'pending_activation' | 'active' | 'frozen' | 'deactivated';

/** What a payment needs to know about the terminal asking, read under the terminal's row lock. */
export type TerminalContext = {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly merchantNo: string;
  readonly merchantStatus: MerchantStatus;
  readonly terminalStatus: TerminalStatus;
  readonly signedIn: boolean;
  readonly currentBatchNo: number;
  /** Status of the batch the request names; null when the terminal never had that batch. */
  readonly batchStatus: 'open' | 'settled' | null;
  /** Services of the merchant that are active now. */
  readonly activeServices: readonly Service[];
};

export type FeeRate = { readonly rateBps: number; readonly capFen: bigint | null };

/** What opening a sale reads under its locks, in one round trip. */
export type SaleOpening = {
  readonly ctx: TerminalContext;
  /** The request key was used before: the sale is a retransmission or a conflict. */
  readonly seen: boolean;
  /** The business date held for the sale: the first open one from the date asked for. */
  readonly businessDate: BusinessDate | null;
  /** The fee rate in force for the sale's service at its instant; undefined when none is. */
  readonly rate: FeeRate | undefined;
  /** An RRN reserved for the sale. */
  readonly rrn: string | null;
};

export type SaleOpeningRequest = {
  /** The business date of the sale's instant; a later one when that one is cut off. */
  readonly date: BusinessDate;
  readonly service: Service;
  readonly at: Date;
};

export type TransactionChanges = {
  readonly status?: TransactionStatus;
  readonly refundedFen?: bigint;
  readonly closedAt?: Date | null;
};

export type VoidableSalesQuery = {
  readonly terminalId: string;
  readonly from: Date;
  readonly to: Date;
  readonly limit: number;
};

/** What opening a void reads under its locks, in one round trip. */
export type VoidOpening = {
  readonly ctx: TerminalContext;
  /** The transaction of the request key, when the key was used before. */
  readonly existing: TransactionRecord | undefined;
  /** The transaction named as the original, locked; undefined when there is none. */
  readonly original: TransactionRecord | undefined;
  /** For an original sale: why its settlement cycle is closed, or null while it is open. */
  readonly closed: 'batch_settled' | 'cut_off' | null;
  /** The lines an original sale posted (not its reversal's), to undo them exactly. */
  readonly lines: readonly JournalLine[];
  /** An RRN reserved for the void (null for a retransmission). */
  readonly rrn: string | null;
};

/** What opening a refund reads under its locks, in one round trip. */
export type RefundOpening = {
  readonly ctx: TerminalContext;
  /** The transaction of the request key, when the key was used before. */
  readonly existing: TransactionRecord | undefined;
  /** The merchant's sale with the RRN named, locked; undefined when there is none. */
  readonly original: TransactionRecord | undefined;
  /** The refund's business date: the first open one from the date asked for, held. */
  readonly businessDate: BusinessDate | null;
  /** For the original: why its settlement cycle is closed, or null while it is open. */
  readonly closed: 'batch_settled' | 'cut_off' | null;
  /** An RRN reserved for the refund (null for a retransmission). */
  readonly rrn: string | null;
};

export interface PaymentsTx {
  /**
   * Opens a sale: locks the terminal's row, tells whether its key was used before, holds the
   * first open business date from `date` on against the cutoff, reads the fee rate in force and
   * reserves an RRN — locks held until commit. Undefined when the terminal is unknown.
   */
  openSale(key: RequestKey, request: SaleOpeningRequest): Promise<SaleOpening | undefined>;
  /**
   * Opens a void of the sale `original` names on the same terminal: locks the terminal's row,
   * reads an earlier use of the key, locks the original and, for a sale, tells whether its cycle
   * is closed (its business date held against the cutoff until commit) and reads its lines.
   * Undefined when the terminal is unknown.
   */
  openVoid(
    key: RequestKey,
    original: { readonly batchNo: number; readonly voucherNo: number },
  ): Promise<VoidOpening | undefined>;
  /**
   * Opens a refund of the merchant's sale with RRN `rrn`: locks the terminal's row, reads an
   * earlier use of the key, locks the original, holds the refund's business date (the first open
   * one from `date`) and the original's, and tells whether the original's cycle is closed.
   * Undefined when the terminal is unknown.
   */
  openRefund(
    key: RequestKey,
    request: { readonly rrn: string; readonly date: BusinessDate },
  ): Promise<RefundOpening | undefined>;
  /** Holds business date `date` against a concurrent cutoff until commit; creates it open. */
  holdBusinessDate(date: BusinessDate): Promise<BusinessDateStatus>;
  /** Locks the terminal's row until commit and reads its context for batch `batchNo`. */
  lockTerminal(terminalId: string, batchNo: number): Promise<TerminalContext | undefined>;
  findByRequestKey(key: RequestKey): Promise<TransactionRecord | undefined>;
  /** An original looked up by the terminal's batch and voucher number, locked until commit. */
  lockOriginalByVoucher(key: RequestKey): Promise<TransactionRecord | undefined>;
  lockOriginalById(id: string): Promise<TransactionRecord | undefined>;
  batchStatus(terminalId: string, batchNo: number): Promise<'open' | 'settled' | null>;
  businessDateStatus(date: BusinessDate): Promise<BusinessDateStatus>;
  /**
   * Inserts the record and returns it: with the RRN given (reserved by `openSale`), or else a
   * fresh one from the acquirer's sequence.
   */
  insertTransaction(
    record: Omit<TransactionRecord, 'rrn'> & { readonly rrn?: string },
  ): Promise<TransactionRecord>;
  updateTransaction(id: string, changes: TransactionChanges): Promise<void>;
  postEntry(entry: JournalEntry): Promise<void>;
  /** The lines of the entry a transaction posted (not of its reversal), to undo it exactly. */
  linesOfTransaction(transactionId: string): Promise<JournalLine[]>;
}

export type TransactionOptions = {
  /**
   * The work may share its database transaction with other requests' that run at the same time
   * (group commit): it begins with `openSale`, touches only its own request's rows, and its
   * writes are its own. The store still answers only after the shared commit.
   */
  readonly groupable?: boolean;
};

/**
 * A sale decided on facts read before (`TerminalSnapshots`), its network answer in hand: the facts
 * it rests on, and what to record when they still hold.
 */
export type ExpectedSale = {
  readonly service: Service;
  /** The terminal's context as read for the sale's batch. */
  readonly ctx: TerminalContext;
  /** The fee rate the sale was charged at: the one in force at its instant, as read. */
  readonly rate: FeeRate;
  /** The transaction (its business date one that must still be open), without its RRN. */
  readonly record: Omit<TransactionRecord, 'rrn'>;
  /** Its journal entry; null for a decline. */
  readonly entry: JournalEntry | null;
};

/**
 * A void of a sale the engine recorded a moment ago, decided on its terminal's snapshot, its
 * network answer in hand: the facts it rests on, and what to record when they still hold.
 */
export type ExpectedVoid = {
  /** The terminal's context as read for the void's batch. */
  readonly ctx: TerminalContext;
  /** The original sale as the engine recorded it: still approved, nothing refunded. */
  readonly original: TransactionRecord;
  /** The void (on the original's business date), without its RRN. */
  readonly record: Omit<TransactionRecord, 'rrn'>;
  /** Its journal entry, undoing the sale's; null for a decline. */
  readonly entry: JournalEntry | null;
};

export interface PaymentsStore {
  transaction<T>(work: (tx: PaymentsTx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Records an expected sale in one round trip, and answers after commit with its RRN, if under
   * its terminal's lock its facts are as expected, its request key is unused and its business date
   * is open; else records nothing and answers undefined (the sale then opens as any other). On a
   * PostgreSQL server, expected sales recorded at about the same time share a commit.
   */
  recordExpectedSale(sale: ExpectedSale): Promise<{ readonly rrn: string } | undefined>;
  /**
   * Records an expected void as `recordExpectedSale` records a sale: if under the locks of its
   * terminal and its original the context is unchanged, its key unused, the original still as
   * expected and its cycle open; then the original is voided with it. Else nothing is recorded.
   */
  recordExpectedVoid(expected: ExpectedVoid): Promise<{ readonly rrn: string } | undefined>;
  /**
   * The transaction recorded under `key`, read once a write in flight under its terminal's lock
   * has ended (committed or rolled back): what a payment whose write failed goes by. Fails when
   * the lock is not had within a few seconds.
   */
  recordedUnder(key: RequestKey): Promise<TransactionRecord | undefined>;
  /** Keeps a reversal the network did not take, to be sent again (store and forward). */
  keepReversal(ref: string, at: Date): Promise<void>;
  /**
   * Up to `limit` kept reversals due at `at`, claimed: each is put off by a wait that grows with
   * its attempts, so that no other node sends it meanwhile and a refusal waits its turn.
   */
  claimDueReversals(at: Date, limit: number): Promise<string[]>;
  /** The network took the kept reversal `ref`. */
  reversalTaken(ref: string, at: Date): Promise<void>;
  /** The kept reversal `ref` is not to be sent: the books hold the approval it would undo. */
  dropReversal(ref: string): Promise<void>;
  /** Approved sales of a terminal in a time range that are still in an open batch and date. */
  voidableSales(query: VoidableSalesQuery): Promise<TransactionRecord[]>;
  findByRrn(rrn: string): Promise<TransactionRecord | undefined>;
}
