// What every host-side operation of the security module works with: the loaded master key, the
// randomness port and the MAKs loaded for MACs. Clear keys are taken out of their cryptograms
// only for one call, here; a MAK's cipher contexts (its key schedule, not its bytes) stay loaded.
import { wipe } from './bytes.ts';
import type { LoadedMak } from './mac.ts';
import type { KeyUnderLmk, KeyUsage, MasterKey } from './master-key.ts';
import type { RandomSource } from './random-source.ts';

export interface ModuleContext {
  readonly masterKey: MasterKey;
  readonly random: RandomSource;
  /** MAKs loaded by their cryptogram and algorithm, the most recently used last. */
  readonly loadedMaks: Map<string, LoadedMak>;
}

/** Unwraps a key for the duration of `use` and wipes the clear bytes afterwards. */
export function withClearKey<T>(
  context: ModuleContext,
  key: KeyUnderLmk,
  usage: KeyUsage,
  use: (clearKey: Buffer) => T,
): T {
  const clearKey = context.masterKey.unwrap(key, usage);
  try {
    return use(clearKey);
  } finally {
    wipe(clearKey);
  }
}
