// The storage port of terminal sessions and batches, implemented by @shoudan/db.
import type { TerminalStatus } from '../payments/store.ts';
import type { BatchTotals } from './model.ts';

export type TerminalRow = {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly status: TerminalStatus;
  readonly merchantActive: boolean;
  readonly currentBatchNo: number;
  readonly lastVoucherNo: number;
};

export type BatchRow = {
  readonly status: 'open' | 'settled';
  readonly hostTotals: BatchTotals | null;
  readonly terminalTotals: BatchTotals | null;
  readonly balanced: boolean | null;
  readonly settledAt: Date | null;
};

export interface TerminalsTx {
  lockTerminal(terminalId: string): Promise<TerminalRow | undefined>;
  activate(terminalId: string, at: Date): Promise<void>;
  /** Creates the batch open if the terminal never had it; returns its row. */
  ensureBatch(terminalId: string, merchantId: string, batchNo: number, at: Date): Promise<BatchRow>;
  signIn(terminalId: string, batchNo: number, at: Date): Promise<void>;
  signOff(terminalId: string, at: Date): Promise<void>;
  batch(terminalId: string, batchNo: number): Promise<BatchRow | undefined>;
  /** Host totals of a batch from its transactions (see BatchTotals). */
  batchTotals(terminalId: string, batchNo: number): Promise<BatchTotals>;
  closeBatch(input: {
    terminalId: string;
    batchNo: number;
    hostTotals: BatchTotals;
    terminalTotals: BatchTotals;
    balanced: boolean;
    at: Date;
  }): Promise<void>;
  setCurrentBatch(terminalId: string, batchNo: number): Promise<void>;
}

export interface TerminalsStore {
  transaction<T>(work: (tx: TerminalsTx) => Promise<T>): Promise<T>;
}
