// Store and forward of reversals: those the network did not take when the engine released a hold
// (`releaseHold`) are kept, and sent again here until it takes them. The server's scheduler runs
// it at its interval; any node may, as each claim puts its reversals off for the others.
import type { PaymentsDeps } from './deps.ts';
import { requestKeyOfRef } from './model.ts';

export type ReversalRetries = {
  /** Reversals the network took now. */
  readonly taken: number;
  /** Reversals it refused again, or whose key's record could not be read: due again later. */
  readonly kept: number;
  /** Reversals not sent: a later request of their key is recorded with the network's approval. */
  readonly dropped: number;
};

/**
 * Sends the kept reversals that are due, `limit` at most. Each is sent only while the books hold
 * no approval under its key (read as a failed write reads it, `recordedUnder`): a retransmission
 * of the request may have been approved and recorded since, and the hold is then its own.
 */
export async function retryReversals(
  deps: Pick<PaymentsDeps, 'store' | 'network' | 'clock'>,
  limit: number,
): Promise<ReversalRetries> {
  const refs = await deps.store.claimDueReversals(deps.clock.now(), limit);
  let taken = 0;
  let dropped = 0;
  for (const ref of refs) {
    const owner = await ownerOf(deps, ref);
    if (owner === 'unknown') continue;
    if (owner === 'books') {
      await deps.store.dropReversal(ref);
      dropped += 1;
      continue;
    }
    try {
      await deps.network.reverse(ref);
    } catch {
      continue;
    }
    await deps.store.reversalTaken(ref, deps.clock.now());
    taken += 1;
  }
  return { taken, kept: refs.length - taken - dropped, dropped };
}

/** Whether the books hold the network's approval of `ref` ('books'), or not ('none'). */
async function ownerOf(
  deps: Pick<PaymentsDeps, 'store'>,
  ref: string,
): Promise<'books' | 'none' | 'unknown'> {
  const key = requestKeyOfRef(ref);
  if (key === undefined) return 'none';
  try {
    const found = await deps.store.recordedUnder(key);
    return found && found.authCode !== null && found.status !== 'reversed' ? 'books' : 'none';
  } catch {
    return 'unknown';
  }
}
