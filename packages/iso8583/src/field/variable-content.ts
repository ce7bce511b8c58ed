// What a variable field holds and how its prefix counts it: numeric digits (BCD or ASCII), track
// nibbles, ASCII text, GBK text or raw bytes. Used by `llvar` and `lllvar`.
import { readAscii, writeAscii } from '../encoding/ascii.ts';
import { bcdByteCount, readBcd, writeBcd } from '../encoding/bcd.ts';
import { copyBytes } from '../encoding/bytes.ts';
import { gbkByteLength, readGbk, writeGbk } from '../encoding/gbk.ts';
import { readTrack, writeTrack } from '../encoding/track.ts';
import { contentFailure, Failure } from './failure.ts';

export interface VariableContent<V> {
  /** Format letters for docs: `n`, `z`, `ans`, `b`. */
  readonly letters: string;
  /** Byte count of `units` (digits or bytes, whatever the prefix counts). */
  byteLength(units: number): number;
  /** Units the prefix must state for `value`. Throws Failure when the value has the wrong kind. */
  measure(value: V): number;
  decode(bytes: Uint8Array, start: number, units: number): V;
  encode(target: Uint8Array, start: number, value: V): void;
}

function invalidValue(detail: string): Failure {
  return new Failure('invalid_value', detail, false);
}

function measureText(value: string): number {
  if (typeof value !== 'string') throw invalidValue('expected text');
  return value.length;
}

/** Decimal digits, BCD, left-aligned; the prefix counts digits. */
export const numericDigits: VariableContent<string> = {
  letters: 'n',
  byteLength: bcdByteCount,
  measure: measureText,
  decode(bytes, start, units) {
    const digits = readBcd(bytes, start, units, 'left');
    if (digits === undefined) throw contentFailure('invalid_digit', 'a digit is not 0-9');
    return digits;
  },
  encode(target, start, value) {
    if (!writeBcd(target, start, value, 'left')) throw invalidValue('a digit is not 0-9');
  },
};

/** Decimal digits as ASCII characters; the prefix counts digits (= bytes). */
export const asciiDigits: VariableContent<string> = {
  letters: 'n',
  byteLength: (units) => units,
  measure: measureText,
  decode(bytes, start, units) {
    const digits = readAscii(bytes, start, units);
    if (digits === undefined || !/^[0-9]*$/.test(digits)) {
      throw contentFailure('invalid_digit', 'a digit is not 0-9');
    }
    return digits;
  },
  encode(target, start, value) {
    if (!writeAscii(target, start, value) || !/^[0-9]*$/.test(value)) {
      throw invalidValue('a digit is not 0-9');
    }
  },
};

/** Track data (z): nibbles with `=` for the separator, left-aligned; the prefix counts nibbles. */
export const trackNibbles: VariableContent<string> = {
  letters: 'z',
  byteLength: bcdByteCount,
  measure: measureText,
  decode: readTrack,
  encode(target, start, value) {
    if (!writeTrack(target, start, value)) throw invalidValue('not a track character');
  },
};

/** Printable ASCII text (an/ans); the prefix counts bytes. */
export const asciiText: VariableContent<string> = {
  letters: 'ans',
  byteLength: (units) => units,
  measure: measureText,
  decode(bytes, start, units) {
    const text = readAscii(bytes, start, units);
    if (text === undefined) throw contentFailure('invalid_text', 'not printable ASCII');
    return text;
  },
  encode(target, start, value) {
    if (!writeAscii(target, start, value)) throw invalidValue('not printable ASCII');
  },
};

/** Text in GBK (ASCII plus Chinese); the prefix counts bytes. */
export const gbkText: VariableContent<string> = {
  letters: 'ans',
  byteLength: (units) => units,
  measure(value) {
    if (typeof value !== 'string') throw invalidValue('expected text');
    const length = gbkByteLength(value);
    if (length === undefined) throw invalidValue('a character has no GBK code');
    return length;
  },
  decode(bytes, start, units) {
    const text = readGbk(bytes, start, units);
    if (text === undefined) throw contentFailure('invalid_text', 'not GBK text');
    return text;
  },
  encode: writeGbk,
};

/** Raw bytes (b); the prefix counts bytes. */
export const rawBytes: VariableContent<Uint8Array> = {
  letters: 'b',
  byteLength: (units) => units,
  measure(value) {
    if (!(value instanceof Uint8Array)) throw invalidValue('expected bytes');
    return value.length;
  },
  decode: (bytes, start, units) => copyBytes(bytes, start, start + units),
  encode(target, start, value) {
    target.set(value, start);
  },
};
