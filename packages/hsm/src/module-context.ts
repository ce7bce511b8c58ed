// What every host-side operation of the security module works with: the loaded master key and
// the randomness port. Clear keys are taken out of their cryptograms only for one call, here.
import { wipe } from './bytes.ts';
import type { KeyUnderLmk, KeyUsage, MasterKey } from './master-key.ts';
import type { RandomSource } from './random-source.ts';

export interface ModuleContext {
  readonly masterKey: MasterKey;
  readonly random: RandomSource;
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
