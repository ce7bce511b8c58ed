// Goal: BCD, track nibbles, ASCII, GBK and hex behave as the spec's §2 says. Method: examples.
import { describe as group, expect, it } from 'vitest';
import { isPrintableAscii, readAscii, writeAscii } from './ascii.ts';
import { readBcd, writeBcd } from './bcd.ts';
import { gbkByteLength, readGbk, writeGbk } from './gbk.ts';
import { fromHex, toHex } from './hex.ts';
import { readTrack, writeTrack } from './track.ts';

function bcd(digits: string, align: 'left' | 'right'): string {
  const bytes = new Uint8Array((digits.length + 1) >> 1);
  expect(writeBcd(bytes, 0, digits, align)).toBe(true);
  return toHex(bytes);
}

group('BCD', () => {
  it('right-aligns odd lengths with a leading 0 nibble, left-aligns with a trailing one', () => {
    expect(bcd('001', 'right')).toBe('0001');
    expect(bcd('021', 'left')).toBe('0210');
    expect(bcd('000000001000', 'right')).toBe('000000001000');
    expect(bcd('', 'left')).toBe('');
  });

  it('reads back, ignoring the pad nibble whatever its value', () => {
    const bytes = fromHex('F001021F') ?? new Uint8Array();
    expect(readBcd(bytes, 0, 3, 'right')).toBe('001');
    expect(readBcd(bytes, 2, 3, 'left')).toBe('021');
  });

  it('refuses non-decimal nibbles on read and characters on write', () => {
    expect(readBcd(Uint8Array.of(0x1a), 0, 2, 'left')).toBeUndefined();
    expect(readBcd(Uint8Array.of(0x0a), 0, 1, 'right')).toBeUndefined();
    expect(readBcd(Uint8Array.of(0xa0), 0, 1, 'left')).toBeUndefined();
    expect(writeBcd(new Uint8Array(1), 0, '1a', 'left')).toBe(false);
    expect(writeBcd(new Uint8Array(1), 0, 'x', 'right')).toBe(false);
    expect(writeBcd(new Uint8Array(1), 0, ':', 'left')).toBe(false);
  });
});

group('track nibbles', () => {
  it('writes = (or D) as the nibble D, left-aligned with a 0 pad', () => {
    const bytes = new Uint8Array(3);
    expect(writeTrack(bytes, 0, '12=45')).toBe(true);
    expect(toHex(bytes)).toBe('12D450');
    expect(writeTrack(bytes, 0, '12D45')).toBe(true);
    expect(toHex(bytes)).toBe('12D450');
    expect(writeTrack(bytes, 0, '12G')).toBe(false);
  });

  it('reads every nibble, D as =', () => {
    expect(readTrack(fromHex('0123456789ABCDEF') ?? new Uint8Array(), 0, 16)).toBe(
      '0123456789ABC=EF',
    );
  });
});

group('ASCII', () => {
  it('accepts printable characters only', () => {
    expect(readAscii(Uint8Array.of(0x41, 0x20, 0x7e), 0, 3)).toBe('A ~');
    expect(readAscii(Uint8Array.of(0x41, 0x7f), 0, 2)).toBeUndefined();
    expect(readAscii(Uint8Array.of(0x0a), 0, 1)).toBeUndefined();
    expect(writeAscii(new Uint8Array(2), 0, 'é')).toBe(false);
    expect(isPrintableAscii('01 ')).toBe(true);
  });
});

group('GBK', () => {
  it('encodes Chinese as two bytes and ASCII as one', () => {
    const text = '已结算，请使用退货 OK';
    const length = gbkByteLength(text);
    expect(length).toBe(21);
    const bytes = new Uint8Array(length ?? 0);
    writeGbk(bytes, 0, text);
    expect(toHex(bytes.subarray(0, 4))).toBe('D2D1BDE1');
    expect(readGbk(bytes, 0, bytes.length)).toBe(text);
  });

  it('refuses characters GBK has no code for, and bytes that are not GBK', () => {
    expect(gbkByteLength('😀')).toBeUndefined();
    expect(readGbk(Uint8Array.of(0x81, 0x20), 0, 2)).toBeUndefined();
    expect(readGbk(Uint8Array.of(0xd2), 0, 1)).toBeUndefined();
  });
});

group('hex', () => {
  it('round-trips and refuses odd or non-hex text', () => {
    expect(toHex(fromHex('00ff7A') ?? new Uint8Array())).toBe('00FF7A');
    expect(fromHex('abc')).toBeUndefined();
    expect(fromHex('zz')).toBeUndefined();
  });
});
