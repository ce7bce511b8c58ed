// The terminal's side, for the POS simulator and tests: a terminal holds its keys in clear, so
// these helpers take clear keys. They open a sign-in's field 62, form PIN blocks and MACs.
// The host never calls them; it works only with keys under the LMK.
import { decryptEcb, encryptEcb, isKeyScheme, isLegalKeyLength } from './block-cipher.ts';
import type { KeyScheme } from './block-cipher.ts';
import { bytesToHex, hexToBytes, wipe } from './bytes.ts';
import { checkValueOf } from './check-value.ts';
import { HsmError, fail, ok, type HsmResult } from './errors.ts';
import { LoadedMak, macMatches, type MacAlgorithm } from './mac.ts';
import { clearPinBlockOf, isValidPan, isValidPin } from './pin-block.ts';
import { readField62, type KeyUnderTmkBytes } from './working-key-layout.ts';

/** A key as a terminal holds it. A 3DES key of 16 hex characters is single-length. */
export interface ClearKey {
  readonly scheme: KeyScheme;
  readonly clearKeyHex: string;
}

export interface TerminalWorkingKeys {
  readonly pik: ClearKey;
  /** Double-length when the second half of its field 62 slot was not zero. */
  readonly mak: ClearKey;
  readonly tdk?: ClearKey | undefined;
}

export interface ReadSignInKeysInput {
  readonly tmk: ClearKey;
  /** Field 62 of the 0810, in any form: 24/32/40/52/60 bytes (3DES) or 40/60 bytes (SM4). */
  readonly field62: Uint8Array;
}

/** Throws `clear_key_invalid` for a key that is not hex of a legal length for its scheme. */
function bytesOfClearKey(key: ClearKey): Buffer {
  const bytes = hexToBytes(key.clearKeyHex);
  const legal =
    bytes !== undefined && isKeyScheme(key.scheme) && isLegalKeyLength(key.scheme, bytes.length);
  if (!legal) {
    throw new HsmError('clear_key_invalid');
  }
  return bytes;
}

function openKey(scheme: KeyScheme, tmk: Buffer, key: KeyUnderTmkBytes): ClearKey | undefined {
  const clear = decryptEcb(scheme, tmk, key.cryptogram);
  try {
    if (!checkValueOf(scheme, clear).equals(key.checkValue)) return undefined;
    return { scheme, clearKeyHex: bytesToHex(clear) };
  } finally {
    wipe(clear);
  }
}

/**
 * Decrypts the working keys of a sign-in answer under the TMK (ECB: DES for a single-length TMK,
 * 3DES for a double-length one, SM4) and checks each check value; refuses them all on any
 * mismatch. Outcomes: `key_layout_invalid`, `check_value_mismatch`.
 */
export function readSignInKeys(input: ReadSignInKeysInput): HsmResult<TerminalWorkingKeys> {
  const tmk = bytesOfClearKey(input.tmk);
  try {
    const scheme = input.tmk.scheme;
    const keys = readField62(input.field62, scheme);
    if (keys === undefined) return fail('key_layout_invalid');
    const pik = openKey(scheme, tmk, keys.pik);
    const mak = openKey(scheme, tmk, keys.mak);
    const tdk = keys.tdk === undefined ? undefined : openKey(scheme, tmk, keys.tdk);
    if (pik === undefined || mak === undefined || (keys.tdk !== undefined && tdk === undefined)) {
      return fail('check_value_mismatch');
    }
    return ok(tdk === undefined ? { pik, mak } : { pik, mak, tdk });
  } finally {
    wipe(tmk);
  }
}

export interface EncryptPinBlockInput {
  readonly pik: ClearKey;
  /** 4–12 digits, as typed on the PIN pad. */
  readonly pin: string;
  readonly pan: string;
}

/**
 * Field 52: the ISO 9564 format 0 block encrypted under the PIK (3DES only).
 * Outcomes: `pin_invalid`, `pan_invalid`.
 */
export function encryptPinBlock(input: EncryptPinBlockInput): HsmResult<Uint8Array> {
  if (!isValidPin(input.pin)) return fail('pin_invalid');
  if (!isValidPan(input.pan)) return fail('pan_invalid');
  const pik = bytesOfClearKey(input.pik);
  if (input.pik.scheme !== '3des') throw new HsmError('algorithm_unsupported');
  const clearBlock = clearPinBlockOf(input.pin, input.pan);
  try {
    return ok(new Uint8Array(encryptEcb('3des', pik, clearBlock)));
  } finally {
    wipe(pik, clearBlock);
  }
}

export interface TerminalMacInput {
  readonly mak: ClearKey;
  readonly algorithm: MacAlgorithm;
  readonly data: Uint8Array;
}

export interface VerifyTerminalMacInput extends TerminalMacInput {
  readonly mac: Uint8Array;
}

/**
 * A terminal's MAK loaded once per algorithm for as long as its key object lives (a terminal
 * keeps its working keys until the next sign-in), so that a MAC is a few block operations.
 */
const loadedMaks = new WeakMap<ClearKey, Map<MacAlgorithm, LoadedMak>>();

/** The terminal's MAK loaded for `algorithm`, from `loadedMaks` or loaded now. */
function loadedMakOf(mak: ClearKey, algorithm: MacAlgorithm): LoadedMak {
  let byAlgorithm = loadedMaks.get(mak);
  if (!byAlgorithm) {
    byAlgorithm = new Map();
    loadedMaks.set(mak, byAlgorithm);
  }
  let loaded = byAlgorithm.get(algorithm);
  if (!loaded) {
    const bytes = bytesOfClearKey(mak);
    try {
      loaded = new LoadedMak(mak.scheme, algorithm, bytes);
    } finally {
      wipe(bytes);
    }
    byAlgorithm.set(algorithm, loaded);
  }
  return loaded;
}

export function generateTerminalMac(input: TerminalMacInput): Uint8Array {
  if (!(input.data instanceof Uint8Array)) throw new HsmError('input_invalid');
  return new Uint8Array(loadedMakOf(input.mak, input.algorithm).mac(input.data));
}

/** Constant-time check of a host answer's field 64. */
export function verifyTerminalMac(input: VerifyTerminalMacInput): boolean {
  if (!(input.mac instanceof Uint8Array)) throw new HsmError('input_invalid');
  if (!(input.data instanceof Uint8Array)) throw new HsmError('input_invalid');
  return macMatches(loadedMakOf(input.mak, input.algorithm).mac(input.data), input.mac);
}
