// Goal: EMV TLV of field 55 reads, writes and fails cleanly. Method: examples, fuzz never throws.
import { fc, test } from '@fast-check/vitest';
import { describe as group, expect, it } from 'vitest';
import { fromHex, toHex } from './encoding/hex.ts';
import { findTlv, readTlv, writeTlv } from './tlv.ts';

function tlv(hex: string) {
  return readTlv(fromHex(hex) ?? new Uint8Array());
}

group('TLV', () => {
  it('reads one- and two-byte tags, short and long lengths, skipping 00 filler', () => {
    const long = 'AB'.repeat(130);
    const result = tlv(`9F260811223344556677880095050000000800DF810101AA5F208182${long}`);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.map((item) => item.tag)).toEqual(['9F26', '95', 'DF8101', '5F20']);
    expect(result.value[3]?.value.length).toBe(130);
    expect(toHex(findTlv(result.value, '95') ?? new Uint8Array())).toBe('0000000800');
  });

  it('writes what it reads', () => {
    const hex = '9F2701805F2A0201568202' + '7C00' + '9F10' + '81' + '80' + '00'.repeat(128);
    const items = tlv(hex);
    const again = items.ok ? writeTlv(items.value) : undefined;
    expect(again?.ok && toHex(again.value)).toBe(hex);
  });

  it('names the tag whose value runs past the end', () => {
    expect(tlv('9F260811')).toMatchObject({ ok: false, error: { fieldPath: ['55', '9F26'] } });
    const tagOnly = { ok: false, error: { fieldPath: ['55'], reason: 'invalid_tlv' } };
    expect(tlv('9F')).toMatchObject(tagOnly);
    expect(tlv('9F2684010203')).toMatchObject({ ok: false, error: { reason: 'invalid_tlv' } });
  });

  it('refuses malformed tags on write', () => {
    expect(writeTlv([{ tag: '9F', value: new Uint8Array() }]).ok).toBe(false);
    expect(writeTlv([{ tag: '9f26', value: new Uint8Array() }]).ok).toBe(false);
    expect(writeTlv([{ tag: '95', value: new Uint8Array(5) }]).ok).toBe(true);
  });

  test.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 3000 })('never throws', (bytes) => {
    const result = readTlv(bytes);
    if (result.ok) expect(writeTlv(result.value).ok).toBe(true);
  });
});
