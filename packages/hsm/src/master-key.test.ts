// Goal: keys under the LMK round-trip and every tampering, swap or foreign LMK is refused.
// Method: wrap with a seeded random source, then mutate each field and byte of the cryptogram.
import { inspect } from 'node:util';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { HsmError, type HsmErrorCode } from './errors.ts';
import { createMasterKey, type KeyUnderLmk } from './master-key.ts';
import { hex, seededRandom, toHex } from './test-support.ts';

const LMK_HEX = '00112233445566778899AABBCCDDEEFF0123456789ABCDEFFEDCBA9876543210';
const OTHER_LMK_HEX = 'FFEEDDCCBBAA99887766554433221100';
const CLEAR_PIK = hex('0123456789ABCDEFFEDCBA9876543210');

function codeOf(action: () => unknown): HsmErrorCode | 'no error' {
  try {
    action();
    return 'no error';
  } catch (error) {
    if (error instanceof HsmError) return error.code;
    throw error;
  }
}

describe('master key', () => {
  const masterKey = createMasterKey(LMK_HEX, seededRandom('lmk-test'));
  const pik = masterKey.wrap('pik', '3des', CLEAR_PIK);

  it('wraps with usage, scheme and check value, and unwraps to the same key', () => {
    expect(pik).toMatchObject({ scheme: '3des', usage: 'pik', kcv: '08D7B4FB' });
    expect(pik.cryptogram).toMatch(/^01[0-9A-F]+$/);
    expect(pik.cryptogram.length).toBe(2 * (1 + 12 + 16 + 16));
    expect(toHex(masterKey.unwrap(pik, 'pik'))).toBe(toHex(CLEAR_PIK));
    expect(Object.isFrozen(pik)).toBe(true);
  });

  it('is deterministic for a seeded random source, and the cryptogram hides the key', () => {
    const again = createMasterKey(LMK_HEX, seededRandom('lmk-test')).wrap('pik', '3des', CLEAR_PIK);
    expect(again).toEqual(pik);
    expect(pik.cryptogram).not.toContain(toHex(CLEAR_PIK).slice(0, 8));
  });

  it('refuses a key of another usage', () => {
    expect(codeOf(() => masterKey.unwrap(pik, 'mak'))).toBe('key_usage_mismatch');
  });

  it('refuses relabelled usage, scheme or check value (all authenticated)', () => {
    const asMak: KeyUnderLmk = { ...pik, usage: 'mak' };
    const otherKcv: KeyUnderLmk = { ...pik, kcv: 'D5D44FF7' };
    expect(codeOf(() => masterKey.unwrap(asMak, 'mak'))).toBe('key_cryptogram_invalid');
    expect(codeOf(() => masterKey.unwrap(otherKcv, 'pik'))).toBe('key_cryptogram_invalid');
    const sm4 = masterKey.wrap('mak', 'sm4', CLEAR_PIK);
    expect(codeOf(() => masterKey.unwrap({ ...sm4, scheme: '3des' }, 'mak'))).toBe(
      'key_cryptogram_invalid',
    );
  });

  test.prop([fc.nat(), fc.integer({ min: 1, max: 15 })])(
    'refuses any cryptogram with one nibble changed',
    (position, delta) => {
      const index = position % pik.cryptogram.length;
      const original = parseInt(pik.cryptogram[index] ?? '0', 16);
      const nibble = (original ^ delta).toString(16).toUpperCase();
      const cryptogram = pik.cryptogram.slice(0, index) + nibble + pik.cryptogram.slice(index + 1);
      expect(codeOf(() => masterKey.unwrap({ ...pik, cryptogram }, 'pik'))).toBe(
        'key_cryptogram_invalid',
      );
    },
  );

  it('refuses a key under another LMK', () => {
    const other = createMasterKey(OTHER_LMK_HEX, seededRandom('other'));
    expect(codeOf(() => other.unwrap(pik, 'pik'))).toBe('key_cryptogram_invalid');
    expect(other.checkValue).not.toBe(masterKey.checkValue);
  });

  it('refuses malformed stored keys before decrypting', () => {
    const malformed: unknown[] = [
      null,
      'text',
      {},
      { ...pik, cryptogram: `${pik.cryptogram}0` },
      { ...pik, cryptogram: `02${pik.cryptogram.slice(2)}` },
      { ...pik, cryptogram: pik.cryptogram.slice(0, -32) },
      { ...pik, kcv: '08d7b4fb' },
      { ...pik, scheme: 'aes' },
    ];
    for (const key of malformed) {
      const code = codeOf(() => masterKey.unwrap(key as KeyUnderLmk, 'pik'));
      expect(code).toBe('key_cryptogram_invalid');
    }
  });

  it('accepts 16-, 24- and 32-byte LMKs and nothing else', () => {
    for (const length of [32, 48, 64]) {
      expect(codeOf(() => createMasterKey('A'.repeat(length), seededRandom('x')))).toBe('no error');
    }
    for (const bad of ['', 'A'.repeat(30), 'A'.repeat(40), `${'G'.repeat(32)}`, 'A'.repeat(66)]) {
      expect(codeOf(() => createMasterKey(bad, seededRandom('x')))).toBe('master_key_invalid');
    }
  });

  it('shows neither the LMK nor the wrapping key when inspected or serialised', () => {
    const dump = inspect(masterKey, { depth: 10, showHidden: true });
    const shown = `${dump}${JSON.stringify(masterKey)}`;
    expect(shown).not.toContain(LMK_HEX);
    expect(shown.toLowerCase()).not.toContain(LMK_HEX.toLowerCase());
    expect(masterKey.checkValue).toMatch(/^[0-9A-F]{8}$/);
  });
});
