// Key loading for the demo terminals: each gets a TMK from the security module (stored under the
// LMK) and the clear TMKs go to the key-loading file, the demo's stand-in for the key-injection
// ceremony, so that the POS simulator (`shoudan pos`) can sign in as any demo terminal.
import type { Clock } from '@shoudan/core';
import type { TerminalKeysStore } from '@shoudan/db';
import type { SecurityModule } from '@shoudan/hsm';
import { loadTerminalMasterKeys, writeKeyLoadingFile } from '../keys/key-loading.ts';

export type DemoKeys = {
  readonly hsm: SecurityModule;
  readonly store: TerminalKeysStore;
  /** Where the clear TMKs go (mode 0600); null writes none (a `--memory` database). */
  readonly keyLoadingFile: string | null;
};

/** Loads a TMK into every terminal; returns how many. */
export async function loadDemoKeys(
  keys: DemoKeys,
  terminalIds: readonly string[],
  clock: Clock,
): Promise<number> {
  const deps = { hsm: keys.hsm, store: keys.store, clock };
  const inputs = terminalIds.map((terminalId) => ({
    terminalId,
    macAlgorithm: 'cup-ecb' as const,
  }));
  const entries = await loadTerminalMasterKeys(deps, inputs);
  // A fresh demo world: the entries of an earlier one are stale, so the file is replaced.
  if (keys.keyLoadingFile !== null) {
    await writeKeyLoadingFile(keys.keyLoadingFile, entries, { merge: false });
  }
  return terminalIds.length;
}
