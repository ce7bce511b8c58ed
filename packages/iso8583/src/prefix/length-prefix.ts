// Length prefixes of variable fields: LL or LLL, as BCD (CUP: LL in 1 byte, LLL in 2 bytes
// `00 62`) or as ASCII digits (LL in 2 bytes, LLL in 3 bytes).
import type { ByteWriter } from '../field/byte-writer.ts';
import type { Cursor } from '../field/cursor.ts';
import { Failure, structuralFailure } from '../field/failure.ts';

export type PrefixEncoding = 'bcd' | 'ascii';

export interface LengthPrefix {
  /** 2 for LL, 3 for LLL. */
  readonly digits: 2 | 3;
  readonly encoding: PrefixEncoding;
  readonly byteCount: number;
  /** Largest length the prefix can express. */
  readonly max: number;
}

export function lengthPrefix(digits: 2 | 3, encoding: PrefixEncoding): LengthPrefix {
  const byteCount = encoding === 'ascii' ? digits : digits === 2 ? 1 : 2;
  return { digits, encoding, byteCount, max: digits === 2 ? 99 : 999 };
}

function bcdNibble(byte: number, high: boolean): number {
  return high ? byte >> 4 : byte & 0x0f;
}

function readBcdPrefix(bytes: Uint8Array, start: number, byteCount: number): number {
  let value = 0;
  for (let index = 0; index < byteCount * 2; index++) {
    const byte = bytes[start + (index >> 1)] ?? 0xff;
    const nibble = bcdNibble(byte, (index & 1) === 0);
    if (nibble > 9) return -1;
    value = value * 10 + nibble;
  }
  return value;
}

function readAsciiPrefix(bytes: Uint8Array, start: number, byteCount: number): number {
  let value = 0;
  for (let index = 0; index < byteCount; index++) {
    const digit = (bytes[start + index] ?? 0) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Reads a length prefix; a prefix that is not decimal leaves the field's extent unknown. */
export function readLengthPrefix(cursor: Cursor, prefix: LengthPrefix): number {
  const start = cursor.take(prefix.byteCount, 'length prefix');
  const value =
    prefix.encoding === 'bcd'
      ? readBcdPrefix(cursor.bytes, start, prefix.byteCount)
      : readAsciiPrefix(cursor.bytes, start, prefix.byteCount);
  if (value < 0 || value > prefix.max) {
    throw structuralFailure('invalid_length_prefix', 'length prefix is not a decimal length');
  }
  return value;
}

export function writeLengthPrefix(writer: ByteWriter, prefix: LengthPrefix, length: number): void {
  if (length > prefix.max) {
    throw new Failure('length_out_of_range', `length ${length} exceeds the prefix`, false);
  }
  const start = writer.reserve(prefix.byteCount);
  const target = writer.bytes;
  if (prefix.encoding === 'ascii') {
    const text = String(length).padStart(prefix.byteCount, '0');
    for (let index = 0; index < text.length; index++) {
      target[start + index] = text.charCodeAt(index);
    }
    return;
  }
  const tens = Math.floor(length / 10) % 10;
  const units = length % 10;
  if (prefix.byteCount === 1) {
    target[start] = (tens << 4) | units;
  } else {
    target[start] = Math.floor(length / 100);
    target[start + 1] = (tens << 4) | units;
  }
}
