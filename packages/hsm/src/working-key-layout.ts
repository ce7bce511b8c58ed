// Byte layouts of field 62 in a sign-in answer (cup-8583.md §8): each working key encrypted
// under the TMK followed by its 4-byte check value, in the order PIK, MAK, TDK. Written in the
// forms every terminal takes; read in every form terminals send (24/32/40/52/60 bytes).
import type { KeyScheme } from './block-cipher.ts';
import { isAllZero } from './bytes.ts';
import { CHECK_VALUE_BYTES } from './check-value.ts';

/** 60.3 of a sign-in: `001` single-length, `003` double, `004` double + TDK, `006` SM4. */
export type SignInCode = '001' | '003' | '004' | '006';

export const SIGN_IN_CODES: readonly SignInCode[] = ['001', '003', '004', '006'];

export function isSignInCode(value: unknown): value is SignInCode {
  return SIGN_IN_CODES.some((code) => code === value);
}

/** What the host writes for each sign-in code: key lengths and the width of the MAK's slot. */
export interface SignInLayout {
  readonly scheme: KeyScheme;
  readonly pikBytes: 8 | 16;
  readonly makSlotBytes: 8 | 16;
  readonly tdkBytes: 0 | 16;
}

// `006` mirrors `004` (PIK, MAK, TDK): acquirers differ on SM4 and the reader accepts 40 too.
export const SIGN_IN_LAYOUTS: Record<SignInCode, SignInLayout> = {
  '001': { scheme: '3des', pikBytes: 8, makSlotBytes: 8, tdkBytes: 0 },
  '003': { scheme: '3des', pikBytes: 16, makSlotBytes: 16, tdkBytes: 0 },
  '004': { scheme: '3des', pikBytes: 16, makSlotBytes: 16, tdkBytes: 16 },
  '006': { scheme: 'sm4', pikBytes: 16, makSlotBytes: 16, tdkBytes: 16 },
};

/** One working key as it travels: encrypted under the TMK, with the clear key's check value. */
export interface KeyUnderTmkBytes {
  readonly cryptogram: Buffer;
  readonly checkValue: Buffer;
}

export interface Field62Keys {
  readonly pik: KeyUnderTmkBytes;
  readonly mak: KeyUnderTmkBytes;
  readonly tdk?: KeyUnderTmkBytes | undefined;
}

/** Writes PIK ‖ cv ‖ MAK (zero-filled to its slot) ‖ cv [‖ TDK ‖ cv]. */
export function writeField62(keys: Field62Keys, makSlotBytes: 8 | 16): Buffer {
  const makSlot = Buffer.alloc(makSlotBytes);
  makSlot.set(keys.mak.cryptogram);
  const parts = [keys.pik.cryptogram, keys.pik.checkValue, makSlot, keys.mak.checkValue];
  if (keys.tdk !== undefined) parts.push(keys.tdk.cryptogram, keys.tdk.checkValue);
  return Buffer.concat(parts);
}

interface ReadLayout {
  readonly pikBytes: number;
  readonly makSlotBytes: number;
  readonly tdkBytes: number;
}

// By total length; SM4 keys are always 16 bytes, so only the 40- and 60-byte forms exist.
const READ_LAYOUTS: Record<KeyScheme, ReadonlyMap<number, ReadLayout>> = {
  '3des': new Map([
    [24, { pikBytes: 8, makSlotBytes: 8, tdkBytes: 0 }],
    [32, { pikBytes: 16, makSlotBytes: 8, tdkBytes: 0 }],
    [40, { pikBytes: 16, makSlotBytes: 16, tdkBytes: 0 }],
    [52, { pikBytes: 16, makSlotBytes: 8, tdkBytes: 16 }],
    [60, { pikBytes: 16, makSlotBytes: 16, tdkBytes: 16 }],
  ]),
  sm4: new Map([
    [40, { pikBytes: 16, makSlotBytes: 16, tdkBytes: 0 }],
    [60, { pikBytes: 16, makSlotBytes: 16, tdkBytes: 16 }],
  ]),
};

/**
 * Splits field 62 into encrypted keys and check values; undefined for an unknown length.
 * A 16-byte MAK slot whose second half is zero holds a single-length DES MAK.
 */
export function readField62(field62: Uint8Array, scheme: KeyScheme): Field62Keys | undefined {
  const layout = READ_LAYOUTS[scheme].get(field62.length);
  if (layout === undefined) return undefined;
  const bytes = Buffer.from(field62);
  let offset = 0;
  const take = (count: number): Buffer => {
    const slice = bytes.subarray(offset, offset + count);
    offset += count;
    return slice;
  };
  const pik = { cryptogram: take(layout.pikBytes), checkValue: take(CHECK_VALUE_BYTES) };
  const makSlot = take(layout.makSlotBytes);
  const makIsSingle = scheme === '3des' && isAllZero(makSlot.subarray(8));
  const mak = {
    cryptogram: makIsSingle ? makSlot.subarray(0, 8) : makSlot,
    checkValue: take(CHECK_VALUE_BYTES),
  };
  if (layout.tdkBytes === 0) return { pik, mak };
  const tdk = { cryptogram: take(layout.tdkBytes), checkValue: take(CHECK_VALUE_BYTES) };
  return { pik, mak, tdk };
}
