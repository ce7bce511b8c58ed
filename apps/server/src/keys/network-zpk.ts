// The card network's zone PIN key (ZPK): PIN blocks are translated from a terminal's PIK to it.
// For the simulated network the host makes one on first start and keeps it under the LMK in the
// `hsm_key` table, with the LMK's check value so that a different master key is refused early.
import { randomBytes } from 'node:crypto';
import type { Clock } from '@shoudan/core';
import type { TerminalKeysStore } from '@shoudan/db';
import type { KeyUnderLmk, SecurityModule } from '@shoudan/hsm';
import { ConfigError } from '../config.ts';

export const NETWORK_ZPK = 'network_zpk';

/** A double-length 3DES key, like the zone keys of the CUP key sheets. */
const ZPK_BYTES = 16;

export type NetworkZpkDeps = {
  readonly hsm: SecurityModule;
  readonly store: TerminalKeysStore;
  readonly clock: Clock;
  /** Randomness for a new ZPK; node:crypto by default. */
  readonly random?: (bytes: number) => Uint8Array;
};

/**
 * The stored ZPK, made and stored first if there is none (two nodes starting together agree on
 * the first one written). Throws ConfigError when the database's keys were made under another LMK.
 */
export async function ensureNetworkZpk(deps: NetworkZpkDeps): Promise<KeyUnderLmk> {
  const stored = await deps.store.findHsmKey(NETWORK_ZPK);
  if (stored) return checked(deps.hsm, stored);
  const clear = Buffer.from((deps.random ?? randomBytes)(ZPK_BYTES));
  const imported = deps.hsm.importZpk({ scheme: '3des', clearKeyHex: clear.toString('hex') });
  clear.fill(0);
  if (!imported.ok) throw new Error(`the generated ZPK was refused: ${imported.outcome}`);
  const row = await deps.store.addHsmKey({
    name: NETWORK_ZPK,
    key: imported.value,
    masterKeyCheckValue: deps.hsm.masterKeyCheckValue,
    createdAt: deps.clock.now(),
  });
  return checked(deps.hsm, row);
}

function checked(
  hsm: SecurityModule,
  row: { readonly key: KeyUnderLmk; readonly masterKeyCheckValue: string },
): KeyUnderLmk {
  if (row.masterKeyCheckValue !== hsm.masterKeyCheckValue) {
    throw new ConfigError([
      `the database's keys were made under master key ${row.masterKeyCheckValue}, but master ` +
        `key ${hsm.masterKeyCheckValue} is loaded: restore the original SHOUDAN_MASTER_KEY or ` +
        'master.key (check values identify a key without revealing it)',
    ]);
  }
  return row.key;
}
