// Terminal settlement (结算, 0500): the host counts the batch, compares with the terminal's
// totals, closes the batch either way and opens the next one. A repeated request gets the same
// answer.
import { err, ok, type Result } from '../shared/result.ts';
import { outcome, type Outcome } from '../shared/outcome.ts';
import { nextBatchNo, sameBlock, type BatchTotals } from './model.ts';
import type { TerminalsDeps } from './sign-in.ts';

export type SettleBatchInput = {
  readonly terminalId: string;
  readonly batchNo: number;
  readonly terminalTotals: BatchTotals;
};

export type BatchSettled = {
  readonly hostTotals: BatchTotals;
  readonly domesticBalanced: boolean;
  readonly foreignBalanced: boolean;
  readonly balanced: boolean;
  readonly nextBatchNo: number;
  readonly duplicate: boolean;
};

/** Outcomes: terminal_not_found, batch_not_open (a batch the terminal does not have open). */
export async function settleBatch(
  deps: TerminalsDeps,
  input: SettleBatchInput,
): Promise<Result<BatchSettled, Outcome>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const row = await tx.lockTerminal(input.terminalId);
    if (!row) return err(outcome('terminal_not_found'));
    const batch = await tx.batch(row.terminalId, input.batchNo);
    if (batch?.status === 'settled' && batch.hostTotals && batch.terminalTotals) {
      return ok(answer(batch.hostTotals, batch.terminalTotals, nextBatchNo(input.batchNo), true));
    }
    if (!batch || input.batchNo !== row.currentBatchNo) return err(outcome('batch_not_open'));
    const hostTotals = await tx.batchTotals(row.terminalId, input.batchNo);
    const result = answer(hostTotals, input.terminalTotals, nextBatchNo(input.batchNo), false);
    await tx.closeBatch({
      terminalId: row.terminalId,
      batchNo: input.batchNo,
      hostTotals,
      terminalTotals: input.terminalTotals,
      balanced: result.balanced,
      at,
    });
    await tx.ensureBatch(row.terminalId, row.merchantId, result.nextBatchNo, at);
    await tx.setCurrentBatch(row.terminalId, result.nextBatchNo);
    return ok(result);
  });
}

function answer(
  host: BatchTotals,
  terminal: BatchTotals,
  next: number,
  duplicate: boolean,
): BatchSettled {
  const domesticBalanced = sameBlock(host.domestic, terminal.domestic);
  const foreignBalanced = sameBlock(host.foreign, terminal.foreign);
  return {
    hostTotals: host,
    domesticBalanced,
    foreignBalanced,
    balanced: domesticBalanced && foreignBalanced,
    nextBatchNo: next,
    duplicate,
  };
}
