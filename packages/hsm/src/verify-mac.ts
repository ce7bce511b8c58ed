// MACs on the host: generate and verify field 64 with a MAK held under the LMK. Verification
// compares in constant time; a wrong MAC is an answer (false), never an exception.
import { asBuffer } from './bytes.ts';
import { HsmError } from './errors.ts';
import { computeMac, macMatches, type MacAlgorithm } from './mac.ts';
import type { KeyUnderLmk } from './master-key.ts';
import { withClearKey, type ModuleContext } from './module-context.ts';

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
  return withClearKey(context, input.makUnderLmk, 'mak', (mak) => {
    const { algorithm, data } = input;
    const scheme = input.makUnderLmk.scheme;
    return new Uint8Array(computeMac({ scheme, mak, algorithm, data }));
  });
}

/** True only when `mac` is exactly the MAC of `data`. */
export function verifyMac(context: ModuleContext, input: VerifyMacInput): boolean {
  checkBytes(input.data);
  checkBytes(input.mac);
  const expected = generateMac(context, input);
  return macMatches(expected, asBuffer(input.mac));
}
