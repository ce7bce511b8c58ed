// Goal: LL/LLL prefixes read and write in BCD (CUP) and ASCII. Method: examples and bad prefixes.
import { describe as group, expect, it } from 'vitest';
import { toHex } from '../encoding/hex.ts';
import { ByteWriter } from '../field/byte-writer.ts';
import { Cursor } from '../field/cursor.ts';
import { Failure } from '../field/failure.ts';
import { lengthPrefix, readLengthPrefix, writeLengthPrefix } from './length-prefix.ts';

function written(digits: 2 | 3, encoding: 'bcd' | 'ascii', length: number): string {
  const writer = new ByteWriter(1);
  writeLengthPrefix(writer, lengthPrefix(digits, encoding), length);
  return toHex(writer.copy(0));
}

function read(digits: 2 | 3, encoding: 'bcd' | 'ascii', bytes: number[]): number | string {
  try {
    const cursor = new Cursor(Uint8Array.from(bytes), 0, bytes.length);
    return readLengthPrefix(cursor, lengthPrefix(digits, encoding));
  } catch (error) {
    if (error instanceof Failure) return error.reason;
    throw error;
  }
}

group('length prefixes', () => {
  it('writes LL as one BCD byte and LLL as two (`00 62`)', () => {
    expect(written(2, 'bcd', 37)).toBe('37');
    expect(written(3, 'bcd', 62)).toBe('0062');
    expect(written(3, 'bcd', 322)).toBe('0322');
  });

  it('writes ASCII digits', () => {
    expect(written(2, 'ascii', 7)).toBe('3037');
    expect(written(3, 'ascii', 104)).toBe('313034');
  });

  it('reads what it writes', () => {
    expect(read(2, 'bcd', [0x19])).toBe(19);
    expect(read(3, 'bcd', [0x01, 0x04])).toBe(104);
    expect(read(2, 'ascii', [0x31, 0x39])).toBe(19);
    expect(read(3, 'ascii', [0x30, 0x36, 0x32])).toBe(62);
  });

  it('refuses prefixes that are not decimal or cut short', () => {
    expect(read(2, 'bcd', [0x1a])).toBe('invalid_length_prefix');
    expect(read(3, 'bcd', [0x10, 0x00])).toBe('invalid_length_prefix');
    expect(read(2, 'ascii', [0x31, 0x41])).toBe('invalid_length_prefix');
    expect(read(3, 'bcd', [0x00])).toBe('truncated');
  });
});
