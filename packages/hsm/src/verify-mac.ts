// MACs on the host: generate and verify field 64 with a MAK held under the LMK. Verification
// compares in constant time; a wrong MAC is an answer (false), never an exception. A MAK is
// unwrapped on its first use and kept loaded (its cipher contexts, as an HSM keeps working keys
// loaded), so that a gateway's two MACs per message do not each unwrap it and set up ciphers.
import { HsmError } from './errors.ts';
import { LoadedMak, macMatches, type MacAlgorithm } from './mac.ts';
import type { KeyUnderLmk } from './master-key.ts';
import { withClearKey, type ModuleContext } from './module-context.ts';

/** MAKs kept loaded at most; the one used longest ago is dropped first. */
export const LOADED_MAKS_MAX = 10_000;

export interface GenerateMacInput {
  readonly makUnderLmk: KeyUnderLmk;
  /** Configured per terminal: nothing on the wire says which (cup-8583.md §7). */
  readonly algorithm: MacAlgorithm;
  /** The MAB: from the MTI to the end of the last field before 64, exactly as sent. */
  readonly data: Uint8Array;
}

export interface VerifyMacInput extends GenerateMacInput {
  /** Field 64 as received. */
  readonly mac: Uint8Array;
}

function checkBytes(value: unknown): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new HsmError('input_invalid');
}

/** Returns the 8 bytes of field 64. Throws HsmError for a bad MAK or an unsupported pairing. */
export function generateMac(context: ModuleContext, input: GenerateMacInput): Uint8Array {
  checkBytes(input.data);
  return new Uint8Array(loadedMak(context, input.makUnderLmk, input.algorithm).mac(input.data));
}

/** The id a MAK object was last looked up by, with the values it was built from. */
interface MakId {
  readonly usage: string;
  readonly scheme: string;
  readonly kcv: string;
  readonly cryptogram: string;
  readonly algorithm: MacAlgorithm;
  readonly id: string;
}

/**
 * Ids by the MAK objects they were built for. A gateway passes the same object for a terminal's
 * MAK message after message; building its long id again for each lookup, and hashing it anew,
 * would cost more than the map lookup itself.
 */
const makIds = new WeakMap<KeyUnderLmk, MakId>();

/** `usage:scheme:kcv:cryptogram:algorithm`, reused only while all five are what built it. */
function idOf(mak: KeyUnderLmk, algorithm: MacAlgorithm): string {
  const { usage, scheme, kcv, cryptogram } = mak;
  const known = makIds.get(mak);
  const same =
    known !== undefined &&
    known.cryptogram === cryptogram &&
    known.kcv === kcv &&
    known.usage === usage &&
    known.scheme === scheme &&
    known.algorithm === algorithm;
  if (same) return known.id;
  const id = [usage, scheme, kcv, cryptogram, algorithm].join(':');
  // A WeakMap keys objects only; anything else is still refused by the unwrap, as it was.
  if (typeof mak === 'object' && mak !== null) {
    makIds.set(mak, { usage, scheme, kcv, cryptogram, algorithm, id });
  }
  return id;
}

/**
 * The MAK loaded for `algorithm`: found by its whole cryptogram (usage, scheme and check value
 * with it, each authenticated at the unwrap that loaded it), or unwrapped and loaded now.
 */
function loadedMak(context: ModuleContext, mak: KeyUnderLmk, algorithm: MacAlgorithm): LoadedMak {
  const { loadedMaks } = context;
  const id = idOf(mak, algorithm);
  let loaded = loadedMaks.get(id);
  if (loaded) {
    loadedMaks.delete(id);
  } else {
    loaded = withClearKey(
      context,
      mak,
      'mak',
      (clear) => new LoadedMak(mak.scheme, algorithm, clear),
    );
    if (loadedMaks.size >= LOADED_MAKS_MAX) {
      const oldest = loadedMaks.keys().next();
      if (!oldest.done) loadedMaks.delete(oldest.value);
    }
  }
  loadedMaks.set(id, loaded);
  return loaded;
}

/** True only when `mac` is exactly the MAC of `data`. */
export function verifyMac(context: ModuleContext, input: VerifyMacInput): boolean {
  checkBytes(input.data);
  checkBytes(input.mac);
  const expected = loadedMak(context, input.makUnderLmk, input.algorithm).mac(input.data);
  return macMatches(expected, input.mac);
}
