// Field types named in words — numeric, alpha, binary, and llvar/lllvar over a content kind —
// each reading and writing one field's bytes as a primitive value (digit text, text or bytes).
import { readAscii, writeAscii } from '../encoding/ascii.ts';
import { type Alignment, bcdByteCount, readBcd, writeBcd } from '../encoding/bcd.ts';
import { copyBytes } from '../encoding/bytes.ts';
import type { ByteWriter } from './byte-writer.ts';
import type { Cursor } from './cursor.ts';
import { contentFailure, Failure } from './failure.ts';

export interface FieldType<V> {
  /** Short format text for docs and descriptions, e.g. `n6`, `n..19 LLVAR`. */
  readonly format: string;
  /** Reads the field at the cursor. Throws Failure; content failures leave the cursor past it. */
  read(cursor: Cursor): V;
  /** Appends the field. Throws Failure when the value does not fit the type. */
  write(writer: ByteWriter, value: V): void;
}

export type NumericEncoding = 'bcd' | 'ascii';

export interface NumericOptions {
  readonly length: number;
  /** BCD alignment of an odd digit count: `right` pads in front (n3 `001` → `00 01`). */
  readonly align?: Alignment;
  readonly encoding?: NumericEncoding;
}

function invalidValue(detail: string): Failure {
  return new Failure('invalid_value', detail, false);
}

function readDigits(
  cursor: Cursor,
  length: number,
  align: Alignment,
  encoding: NumericEncoding,
): string {
  const byteCount = encoding === 'bcd' ? bcdByteCount(length) : length;
  const start = cursor.take(byteCount, `n${length}`);
  const digits =
    encoding === 'bcd'
      ? readBcd(cursor.bytes, start, length, align)
      : readAscii(cursor.bytes, start, length);
  if (digits === undefined || (encoding === 'ascii' && !/^[0-9]*$/.test(digits))) {
    throw contentFailure('invalid_digit', 'a digit is not 0-9');
  }
  return digits;
}

function writeDigits(
  writer: ByteWriter,
  digits: string,
  align: Alignment,
  encoding: NumericEncoding,
): void {
  const start = writer.reserve(encoding === 'bcd' ? bcdByteCount(digits.length) : digits.length);
  const valid =
    encoding === 'bcd'
      ? writeBcd(writer.bytes, start, digits, align)
      : writeAscii(writer.bytes, start, digits) && /^[0-9]*$/.test(digits);
  if (!valid) throw invalidValue('a digit is not 0-9');
}

/** Fixed-length numeric (n), BCD by default. The value is the digit text, leading zeros kept. */
export function numeric(options: NumericOptions): FieldType<string> {
  const { length } = options;
  const align = options.align ?? 'right';
  const encoding = options.encoding ?? 'bcd';
  return {
    format: `n${length}`,
    read: (cursor) => readDigits(cursor, length, align, encoding),
    write(writer, value) {
      if (typeof value !== 'string') throw invalidValue('expected digit text');
      if (value.length !== length) {
        throw new Failure('length_out_of_range', `expected ${length} digits`, false);
      }
      writeDigits(writer, value, align, encoding);
    },
  };
}

/**
 * Fixed-length text (an/ans) in ASCII, right-padded with spaces. Reading drops the trailing
 * spaces, so `'01'` in an6 reads back as `'01'`.
 */
export function alpha(options: { readonly length: number }): FieldType<string> {
  const { length } = options;
  return {
    format: `an${length}`,
    read(cursor) {
      const start = cursor.take(length, `an${length}`);
      const { bytes } = cursor;
      let end = start + length;
      while (end > start && bytes[end - 1] === 0x20) end--;
      const text = readAscii(bytes, start, end - start);
      if (text === undefined) throw contentFailure('invalid_text', 'not printable ASCII');
      return text;
    },
    write(writer, value) {
      if (typeof value !== 'string') throw invalidValue('expected text');
      if (value.length > length) {
        throw new Failure('length_out_of_range', `longer than ${length} characters`, false);
      }
      const start = writer.reserve(length);
      if (!writeAscii(writer.bytes, start, value)) throw invalidValue('not printable ASCII');
      writer.bytes.fill(0x20, start + value.length, start + length);
    },
  };
}

/** Fixed-length binary (b): the value is the raw bytes. */
export function binary(options: { readonly length: number }): FieldType<Uint8Array> {
  const { length } = options;
  return {
    format: `b${length}`,
    read(cursor) {
      const start = cursor.take(length, `b${length}`);
      return copyBytes(cursor.bytes, start, start + length);
    },
    write(writer, value) {
      if (!(value instanceof Uint8Array)) throw invalidValue('expected bytes');
      if (value.length !== length) {
        throw new Failure('length_out_of_range', `expected ${length} bytes`, false);
      }
      const start = writer.reserve(length);
      writer.bytes.set(value, start);
    },
  };
}
