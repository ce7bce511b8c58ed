// Key management on the host: generating and importing terminal master keys (TMK) and zone PIN
// keys (ZPK) under the LMK, and the one deliberate clear export, for loading a TMK into a device.
import { isKeyScheme, isLegalKeyLength, withOddParity, type KeyScheme } from './block-cipher.ts';
import { bytesToHex, hexToBytes, isAllZero, wipe } from './bytes.ts';
import { HsmError, fail, ok, type HsmResult } from './errors.ts';
import type { KeyUnderLmk, KeyUsage } from './master-key.ts';
import { withClearKey, type ModuleContext } from './module-context.ts';
import type { RandomSource } from './random-source.ts';

/** Which key to generate: 3DES single or double length (default double), or SM4. */
export type KeySpec =
  { readonly scheme: '3des'; readonly length?: 'single' | 'double' } | { readonly scheme: 'sm4' };

export interface ImportKeyInput {
  readonly scheme: KeyScheme;
  /** The clear key: 16 or 32 hex characters for 3DES, 32 for SM4. */
  readonly clearKeyHex: string;
  /** The check value from the key sheet (6 or 8 hex characters); the import fails on mismatch. */
  readonly expectedKcv?: string;
}

/** A clear TMK for the key-loading ceremony. Handle as a secret; never log or store it. */
export interface TmkForInjection {
  readonly scheme: KeyScheme;
  readonly clearKeyHex: string;
  readonly kcv: string;
}

const GENERATE_ATTEMPTS_MAX = 4;

/**
 * Fresh key bytes from the random port; DES keys get odd parity. A key that is all zero or,
 * for double length, has two equal halves (so is really single DES) is drawn again.
 */
export function generateClearKey(
  random: RandomSource,
  scheme: KeyScheme,
  lengthBytes: 8 | 16,
): Buffer {
  for (let attempt = 0; attempt < GENERATE_ATTEMPTS_MAX; attempt++) {
    const drawn = Buffer.from(random.bytes(lengthBytes));
    if (drawn.length !== lengthBytes) throw new HsmError('random_source_invalid');
    const key = scheme === '3des' ? withOddParity(drawn) : Buffer.from(drawn);
    wipe(drawn);
    const halvesEqual =
      lengthBytes === 16 && scheme === '3des' && key.subarray(0, 8).equals(key.subarray(8));
    if (!isAllZero(key) && !halvesEqual) return key;
    wipe(key);
  }
  throw new HsmError('random_source_invalid');
}

export function generateTmk(context: ModuleContext, spec: KeySpec): KeyUnderLmk {
  if (!isKeyScheme(spec.scheme)) throw new HsmError('input_invalid');
  const lengthBytes = spec.scheme === '3des' && spec.length === 'single' ? 8 : 16;
  const clearKey = generateClearKey(context.random, spec.scheme, lengthBytes);
  try {
    return context.masterKey.wrap('tmk', spec.scheme, clearKey);
  } finally {
    wipe(clearKey);
  }
}

/** Outcomes: `key_invalid` (not hex of a legal length), `check_value_mismatch`. */
export function importClearKey(
  context: ModuleContext,
  usage: Extract<KeyUsage, 'tmk' | 'zpk'>,
  input: ImportKeyInput,
): HsmResult<KeyUnderLmk> {
  if (!isKeyScheme(input.scheme)) return fail('key_invalid');
  const clearKey = hexToBytes(input.clearKeyHex);
  if (clearKey === undefined || !isLegalKeyLength(input.scheme, clearKey.length)) {
    return fail('key_invalid');
  }
  try {
    const key = context.masterKey.wrap(usage, input.scheme, clearKey);
    if (input.expectedKcv !== undefined && !kcvMatches(key.kcv, input.expectedKcv)) {
      return fail('check_value_mismatch');
    }
    return ok(key);
  } finally {
    wipe(clearKey);
  }
}

/** Key sheets print 3- or 4-byte check values; compare on what was given. */
function kcvMatches(kcv: string, expected: string): boolean {
  const normalized = typeof expected === 'string' ? expected.toUpperCase() : '';
  return /^(?:[0-9A-F]{6}|[0-9A-F]{8})$/.test(normalized) && kcv.startsWith(normalized);
}

/** The key-loading ceremony's clear TMK. Only TMKs can leave the module in clear. */
export function exportTmkForInjection(
  context: ModuleContext,
  tmkUnderLmk: KeyUnderLmk,
): TmkForInjection {
  return withClearKey(context, tmkUnderLmk, 'tmk', (clearKey) => ({
    scheme: tmkUnderLmk.scheme,
    clearKeyHex: bytesToHex(clearKey),
    kcv: tmkUnderLmk.kcv,
  }));
}
