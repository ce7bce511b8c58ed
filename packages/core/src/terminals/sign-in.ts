// Sign-in and sign-off (签到 / 签退): a terminal's session. The first sign-in of a newly shipped
// terminal activates it. The batch the terminal must use comes back with the answer.
import { err, ok, type Result } from '../shared/result.ts';
import { outcome, type Outcome } from '../shared/outcome.ts';
import type { Clock } from '../shared/clock.ts';
import type { TerminalsStore, TerminalRow } from './store.ts';

export type TerminalsDeps = { readonly store: TerminalsStore; readonly clock: Clock };

export type SignedIn = {
  readonly batchNo: number;
  readonly lastVoucherNo: number;
  readonly activated: boolean;
};

function refusal(row: TerminalRow | undefined): Outcome | null {
  if (!row) return outcome('terminal_not_found');
  if (row.status === 'frozen') return outcome('terminal_frozen');
  if (row.status === 'deactivated') return outcome('terminal_not_active');
  if (!row.merchantActive) return outcome('merchant_not_active');
  return null;
}

/** Outcomes: terminal_not_found, terminal_frozen, terminal_not_active, merchant_not_active. */
export async function signIn(
  deps: TerminalsDeps,
  input: { readonly terminalId: string },
): Promise<Result<SignedIn, Outcome>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const row = await tx.lockTerminal(input.terminalId);
    const refused = refusal(row);
    if (refused || !row) return err(refused ?? outcome('terminal_not_found'));
    const activated = row.status === 'pending_activation';
    if (activated) await tx.activate(row.terminalId, at);
    await tx.ensureBatch(row.terminalId, row.merchantId, row.currentBatchNo, at);
    await tx.signIn(row.terminalId, row.currentBatchNo, at);
    return ok({ batchNo: row.currentBatchNo, lastVoucherNo: row.lastVoucherNo, activated });
  });
}

/** Outcomes: terminal_not_found. Signing off twice is not an error. */
export async function signOff(
  deps: TerminalsDeps,
  input: { readonly terminalId: string },
): Promise<Result<{ readonly signedOffAt: Date }, Outcome>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const row = await tx.lockTerminal(input.terminalId);
    if (!row) return err(outcome('terminal_not_found'));
    await tx.signOff(row.terminalId, at);
    return ok({ signedOffAt: at });
  });
}
