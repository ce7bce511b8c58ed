// Goal: field 62 is written in the host's forms and read in every form terminals send.
// Method: byte-exact layouts built by hand, then reading each length and the MAK-slot rule.
import { describe, expect, it } from 'vitest';
import { readField62, writeField62 } from './working-key-layout.ts';
import { hex, toHex } from './test-support.ts';

const key = (fill: number, length: number) => ({
  cryptogram: Buffer.alloc(length, fill),
  checkValue: Buffer.alloc(4, fill + 0x10),
});

describe('writing field 62', () => {
  it('001: PIK(8) cv(4) MAK(8) cv(4) = 24 bytes', () => {
    const field62 = writeField62({ pik: key(0x01, 8), mak: key(0x02, 8) }, 8);
    expect(toHex(field62)).toBe('0101010101010101111111110202020202020202' + '12121212');
  });

  it('003: PIK(16) cv MAK(8) + 8 zero bytes cv = 40 bytes', () => {
    const field62 = writeField62({ pik: key(0x01, 16), mak: key(0x02, 8) }, 16);
    expect(field62.length).toBe(40);
    expect(toHex(field62.subarray(20, 36))).toBe('02'.repeat(8) + '00'.repeat(8));
    expect(toHex(field62.subarray(36))).toBe('12121212');
  });

  it('004: the 40 bytes above + TDK(16) cv = 60 bytes', () => {
    const field62 = writeField62({ pik: key(1, 16), mak: key(2, 8), tdk: key(3, 16) }, 16);
    expect(field62.length).toBe(60);
    expect(toHex(field62.subarray(40))).toBe('03'.repeat(16) + '13131313');
  });
});

describe('reading field 62', () => {
  const lengths = (field62: Buffer, scheme: '3des' | 'sm4') => {
    const keys = readField62(field62, scheme);
    if (keys === undefined) return undefined;
    return [keys.pik.cryptogram.length, keys.mak.cryptogram.length, keys.tdk?.cryptogram.length];
  };

  it('takes 24/32/40/52/60 bytes for 3DES; a zero second MAK half means single length', () => {
    expect(lengths(Buffer.alloc(24, 1), '3des')).toEqual([8, 8, undefined]);
    expect(lengths(Buffer.alloc(32, 1), '3des')).toEqual([16, 8, undefined]);
    expect(lengths(Buffer.alloc(40, 1), '3des')).toEqual([16, 16, undefined]);
    expect(lengths(Buffer.alloc(52, 1), '3des')).toEqual([16, 8, 16]);
    expect(lengths(Buffer.alloc(60, 1), '3des')).toEqual([16, 16, 16]);
    const written = writeField62({ pik: key(1, 16), mak: key(2, 8), tdk: key(3, 16) }, 16);
    expect(lengths(written, '3des')).toEqual([16, 8, 16]);
  });

  it('takes 40/60 bytes for SM4, whose MAK is always 16 bytes', () => {
    const written = writeField62({ pik: key(1, 16), mak: key(2, 16), tdk: key(3, 16) }, 16);
    expect(lengths(written, 'sm4')).toEqual([16, 16, 16]);
    const pikAndCv = hex('01'.repeat(20));
    const zeroSecondHalf = Buffer.concat([pikAndCv, hex('02'.repeat(8)), Buffer.alloc(12)]);
    expect(lengths(zeroSecondHalf, 'sm4')).toEqual([16, 16, undefined]);
    expect(lengths(Buffer.alloc(24, 1), 'sm4')).toBeUndefined();
  });

  it('refuses any other length', () => {
    for (const length of [0, 12, 23, 25, 39, 41, 59, 61, 512]) {
      expect(readField62(Buffer.alloc(length, 1), '3des')).toBeUndefined();
    }
  });

  it('returns each check value in place', () => {
    const keys = readField62(writeField62({ pik: key(1, 16), mak: key(2, 8) }, 16), '3des');
    expect(keys && toHex(keys.pik.checkValue)).toBe('11111111');
    expect(keys && toHex(keys.mak.checkValue)).toBe('12121212');
  });
});
