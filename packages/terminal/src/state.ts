// What the terminal keeps across restarts — batch and voucher numbers, working keys, journal,
// pending reversal — in a JSON-safe form (amounts as decimal text), and its in-memory form.
import type { ClearKey } from '@shoudan/hsm';
import {
  type CupMessage,
  fromJsonMessage,
  type JsonMessage,
  toJsonMessage,
} from '@shoudan/iso8583';
import type { SignInCode, TransactionKind, TransactionRecord } from './types.ts';

export interface WorkingKeysState {
  readonly pik: ClearKey;
  readonly mak: ClearKey;
  readonly tdk?: ClearKey;
}

/** A journal entry as stored: the record with decimal amount and ISO instant, plus the PAN. */
export type JournalEntryState = Omit<TransactionRecord, 'amountFen' | 'at'> & {
  readonly amountFen: string;
  readonly at: string;
  /** Kept while the batch is open (voids, batch upload); dropped when it is settled. */
  readonly pan?: string;
};

/** Field 39 of a 0400: 98 no answer, A0 MAC failed, 96 could not complete, 06 other. */
export type ReversalReason = '98' | 'A0' | '96' | '06';

export interface PendingReversalState {
  /** The 0400 without its reason and MAC, in the codec's JSON form. */
  readonly message: JsonMessage;
  readonly reason: ReversalReason;
  readonly attempts: number;
}

export interface AbandonedReversalState {
  readonly batchNo: string;
  readonly voucherNo: string;
  readonly amountFen: string;
  readonly at: string;
}

export interface TerminalState {
  readonly version: 1;
  readonly batchNo: string;
  /** The STAN of the next request (凭证号), 000001–999999. */
  readonly nextVoucherNo: string;
  readonly signInCode?: SignInCode;
  readonly workingKeys?: WorkingKeysState;
  readonly journal: readonly JournalEntryState[];
  readonly pendingReversal?: PendingReversalState;
  readonly abandonedReversals: readonly AbandonedReversalState[];
}

/** A journal entry in memory. */
export type JournalEntry = TransactionRecord & { readonly pan?: string };

export interface PendingReversal {
  /** May be built on first read (a getter): copy a pending reversal field by field, not spread. */
  readonly message: CupMessage;
  reason: ReversalReason;
  attempts: number;
}

/** The terminal's mutable memory; `state()` turns it into a TerminalState. */
export interface Memory {
  batchNo: string;
  nextVoucherNo: string;
  signInCode: SignInCode | undefined;
  workingKeys: WorkingKeysState | undefined;
  journal: JournalEntry[];
  pendingReversal: PendingReversal | undefined;
  abandonedReversals: AbandonedReversalState[];
}

export const FIRST_NUMBER = '000001';

/** The next 6-digit number: 000001 … 999999, then 000001 again. */
export function nextNumber(number: string): string {
  const next = Number(number) >= 999_999 ? 1 : Number(number) + 1;
  return String(next).padStart(6, '0');
}

export function freshState(): TerminalState {
  const none = { journal: [], abandonedReversals: [] };
  return { version: 1, batchNo: FIRST_NUMBER, nextVoucherNo: FIRST_NUMBER, ...none };
}

function entryToState(entry: JournalEntry): JournalEntryState {
  return { ...entry, amountFen: entry.amountFen.toString(), at: entry.at.toISOString() };
}

function entryFromState(entry: JournalEntryState): JournalEntry {
  return { ...entry, amountFen: BigInt(entry.amountFen), at: new Date(entry.at) };
}

export function toState(memory: Memory): TerminalState {
  const { pendingReversal, signInCode, workingKeys } = memory;
  return structuredClone({
    version: 1 as const,
    batchNo: memory.batchNo,
    nextVoucherNo: memory.nextVoucherNo,
    ...(signInCode === undefined ? {} : { signInCode }),
    ...(workingKeys === undefined ? {} : { workingKeys }),
    journal: memory.journal.map(entryToState),
    ...(pendingReversal === undefined
      ? {}
      : {
          pendingReversal: {
            message: toJsonMessage(pendingReversal.message),
            reason: pendingReversal.reason,
            attempts: pendingReversal.attempts,
          },
        }),
    abandonedReversals: memory.abandonedReversals,
  });
}

/** The memory of a checked state (see `parseTerminalState`). */
export function fromState(state: TerminalState): Memory {
  const copy = structuredClone(state);
  const pending = copy.pendingReversal;
  const message = pending === undefined ? undefined : fromJsonMessage(pending.message);
  if (message !== undefined && !message.ok) throw new Error('pending reversal is unreadable');
  return {
    batchNo: copy.batchNo,
    nextVoucherNo: copy.nextVoucherNo,
    signInCode: copy.signInCode,
    workingKeys: copy.workingKeys,
    journal: copy.journal.map(entryFromState),
    pendingReversal:
      pending === undefined || message === undefined || !message.ok
        ? undefined
        : { message: message.value, reason: pending.reason, attempts: pending.attempts },
    abandonedReversals: [...copy.abandonedReversals],
  };
}

/** Only fully approved transactions are kept, so a record is the entry without its PAN. */
export function toRecord(entry: JournalEntry): TransactionRecord {
  const { pan: _pan, ...record } = entry;
  return record;
}

export const TRANSACTION_KINDS: readonly TransactionKind[] = ['sale', 'void', 'refund'];
