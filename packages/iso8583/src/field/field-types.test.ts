// Goal: field types write exact bytes and refuse values that do not fit. Method: per-type examples.
import { describe as group, expect, it } from 'vitest';
import { toHex } from '../encoding/hex.ts';
import { ByteWriter } from './byte-writer.ts';
import { Cursor } from './cursor.ts';
import { Failure } from './failure.ts';
import { alpha, binary, type FieldType, numeric } from './field-types.ts';
import {
  asciiDigits,
  asciiText,
  numericDigits,
  rawBytes,
  trackNibbles,
} from './variable-content.ts';
import { llvar, lllvar } from './variable.ts';

function write<V>(type: FieldType<V>, value: V): string {
  const writer = new ByteWriter(2);
  try {
    type.write(writer, value);
  } catch (error) {
    if (error instanceof Failure) return error.reason;
    throw error;
  }
  return toHex(writer.copy(0));
}

function read<V>(type: FieldType<V>, bytes: number[]): { value: V | string; offset: number } {
  const cursor = new Cursor(Uint8Array.from(bytes), 0, bytes.length);
  try {
    return { value: type.read(cursor), offset: cursor.offset };
  } catch (error) {
    if (error instanceof Failure) return { value: error.reason, offset: cursor.offset };
    throw error;
  }
}

group('fixed types', () => {
  it('numeric: BCD or ASCII, exact length', () => {
    expect(write(numeric({ length: 6 }), '000123')).toBe('000123');
    expect(write(numeric({ length: 3, align: 'left' }), '051')).toBe('0510');
    expect(write(numeric({ length: 4, encoding: 'ascii' }), '0200')).toBe('30323030');
    expect(write(numeric({ length: 6 }), '123')).toBe('length_out_of_range');
    expect(write(numeric({ length: 2 }), '1a')).toBe('invalid_value');
    expect(read(numeric({ length: 4, encoding: 'ascii' }), [0x30, 0x32, 0x30, 0x30]).value).toBe(
      '0200',
    );
    expect(read(numeric({ length: 2, encoding: 'ascii' }), [0x30, 0x41]).value).toBe(
      'invalid_digit',
    );
  });

  it('alpha: pads with spaces on write, drops trailing spaces on read', () => {
    expect(write(alpha({ length: 6 }), 'A1')).toBe('413120202020');
    expect(read(alpha({ length: 6 }), [0x41, 0x31, 0x20, 0x20, 0x20, 0x20]).value).toBe('A1');
    expect(read(alpha({ length: 3 }), [0x20, 0x41, 0x20]).value).toBe(' A');
    expect(write(alpha({ length: 2 }), 'ABC')).toBe('length_out_of_range');
  });

  it('binary: exact byte count', () => {
    expect(write(binary({ length: 2 }), Uint8Array.of(1, 2))).toBe('0102');
    expect(write(binary({ length: 2 }), Uint8Array.of(1))).toBe('length_out_of_range');
  });

  it('a content error leaves the cursor after the field', () => {
    expect(read(numeric({ length: 4 }), [0x12, 0x3a, 0x99])).toEqual({
      value: 'invalid_digit',
      offset: 2,
    });
  });
});

group('variable types', () => {
  it('llvar numeric counts digits; lllvar binary counts bytes', () => {
    expect(write(llvar(numericDigits, { max: 19 }), '123')).toBe('031230');
    expect(write(lllvar(rawBytes, { max: 999 }), Uint8Array.of(0xab))).toBe('0001AB');
    expect(write(llvar(trackNibbles, { max: 37 }), '1=2')).toBe('031D20');
    expect(write(lllvar(asciiText, { max: 20 }), 'C1')).toBe('00024331');
  });

  it('ASCII prefixes and ASCII digits for other dialects', () => {
    const type = llvar(asciiDigits, { max: 19, prefix: 'ascii' });
    expect(write(type, '4761')).toBe('303434373631');
    expect(read(type, [0x30, 0x32, 0x34, 0x37]).value).toBe('47');
  });

  it('enforces the limits on write and read', () => {
    const type = lllvar(numericDigits, { min: 2, max: 4 });
    expect(write(type, '1')).toBe('length_out_of_range');
    expect(write(type, '12345')).toBe('length_out_of_range');
    expect(read(type, [0x00, 0x05, 0x12, 0x34, 0x50])).toEqual({
      value: 'length_out_of_range',
      offset: 5,
    });
    expect(read(type, [0x00, 0x04, 0x12])).toEqual({ value: 'truncated', offset: 2 });
  });
});
