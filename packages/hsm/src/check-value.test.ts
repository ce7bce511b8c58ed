// Goal: check values are the first 4 bytes of the key encrypting zeros, per scheme and length.
// Method: published KCVs for DES/3DES test keys; SM4 against a direct node:crypto computation.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkValueOf } from './check-value.ts';
import { hex, sm4Encrypt, toHex } from './test-support.ts';

describe('check values', () => {
  it('single-length 0123456789ABCDEF → D5D44FF7 (single DES of zeros: D5D44FF720683D0D)', () => {
    expect(toHex(checkValueOf('3des', hex('0123456789ABCDEF')))).toBe('D5D44FF7');
  });

  it('double-length 0123456789ABCDEF FEDCBA9876543210 → 08D7B4FB (KCV "08D7B4")', () => {
    expect(toHex(checkValueOf('3des', hex('0123456789ABCDEFFEDCBA9876543210')))).toBe('08D7B4FB');
  });

  it('a double-length key with equal halves has the single-length check value', () => {
    const doubled = hex('0123456789ABCDEF0123456789ABCDEF');
    expect(toHex(checkValueOf('3des', doubled))).toBe('D5D44FF7');
  });

  test.prop([fc.uint8Array({ minLength: 16, maxLength: 16 })])(
    'SM4: first 4 bytes of SM4(key, 16 zero bytes)',
    (key) => {
      const expected = sm4Encrypt(Buffer.from(key), Buffer.alloc(16)).subarray(0, 4);
      expect(toHex(checkValueOf('sm4', key))).toBe(toHex(expected));
    },
  );
});
