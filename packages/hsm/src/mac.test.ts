// Goal: the CUP ECB MAC and ANSI X9.19 give published answers and match the spec text step by
// step. Method: published vectors, then fast-check against independent test implementations.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { HsmError } from './errors.ts';
import { cupEcbMac, LoadedMak, macMatches, x919Mac } from './mac.ts';
import { desDecrypt, desEncrypt, hex, sm4Encrypt, tdesEncrypt, toHex } from './test-support.ts';

const NOW_IS_THE_TIME = Buffer.from('Now is the time for all ', 'ascii');

describe('ANSI X9.19 (ISO 9797-1 MAC algorithm 3, padding method 1)', () => {
  const key = hex('0123456789ABCDEFFEDCBA9876543210');

  it('published example: "Now is the time for all " → A1C72E74EA3FA9B6', () => {
    expect(toHex(x919Mac(key, NOW_IS_THE_TIME))).toBe('A1C72E74EA3FA9B6');
  });

  it('ISO 9797-1 example: "Now is the time for it" (zero-padded) → 2E2B1428CC78254F', () => {
    expect(toHex(x919Mac(key, Buffer.from('Now is the time for it')))).toBe('2E2B1428CC78254F');
  });

  it('single-length key is DES CBC-MAC (X9.9 / algorithm 1): → 70A30640CC76DD8B', () => {
    expect(toHex(x919Mac(hex('0123456789ABCDEF'), NOW_IS_THE_TIME))).toBe('70A30640CC76DD8B');
  });
});

/** X9.19 written from the spec text, block by block with single DES only. */
function x919ByHand(key: Buffer, data: Buffer): Buffer {
  const left = key.subarray(0, 8);
  const right = key.length === 16 ? key.subarray(8, 16) : left;
  const padded = Buffer.alloc(Math.max(1, Math.ceil(data.length / 8)) * 8);
  data.copy(padded);
  let state: Buffer = Buffer.alloc(8);
  for (let offset = 0; offset < padded.length; offset += 8) {
    const block = Buffer.alloc(8);
    for (let i = 0; i < 8; i++) block[i] = (state[i] ?? 0) ^ (padded[offset + i] ?? 0);
    state = desEncrypt(left, block);
  }
  return desEncrypt(left, desDecrypt(right, state));
}

/** The CUP ECB MAC of cup-8583.md §7, each numbered step written out on its own. */
function cupEcbByHand(encrypt: (block: Buffer) => Buffer, blockBytes: number, mab: Buffer) {
  // 1. Pad with 00 to a multiple of the block; XOR all blocks together.
  const padded = Buffer.alloc(Math.max(1, Math.ceil(mab.length / blockBytes)) * blockBytes);
  mab.copy(padded);
  const folded = Buffer.alloc(blockBytes);
  for (let offset = 0; offset < padded.length; offset += blockBytes) {
    for (let i = 0; i < blockBytes; i++) folded[i] = (folded[i] ?? 0) ^ (padded[offset + i] ?? 0);
  }
  // 2. Those bytes as uppercase hex characters (ASCII).
  const hexText = folded.toString('hex').toUpperCase();
  const firstHalf = Buffer.from(hexText.slice(0, blockBytes), 'ascii');
  const secondHalf = Buffer.from(hexText.slice(blockBytes), 'ascii');
  // 3. Encrypt the first half with the MAK; XOR with the second half.
  const encrypted = encrypt(firstHalf);
  const mixed = Buffer.alloc(blockBytes);
  for (let i = 0; i < blockBytes; i++) mixed[i] = (encrypted[i] ?? 0) ^ (secondHalf[i] ?? 0);
  // 4. Encrypt again and write as uppercase hex; 5. field 64 = the first 8 characters.
  const final = encrypt(mixed).toString('hex').toUpperCase();
  return Buffer.from(final.slice(0, 8), 'ascii');
}

describe('CUP POS "ECB" MAC', () => {
  it('public worked example (MAC算法演示): TAK C24A8FB57AA20123 → "8A9E91B8"', () => {
    // MAB of a 0200 from the public example; the XOR of its blocks is 4D08F434464FE7BF and the
    // final block 8A9E91B88D839AC5, so field 64 is the ASCII of "8A9E91B8".
    const mab = hex(`0200302004C020C0981100000000000000005100183402100006324392260009942820D131
      2101120084393136363838303134303030303030303030303030303031313536ACF46E73838A82F926000000
      00000000000822000001`);
    const mac = cupEcbMac('3des', hex('C24A8FB57AA20123'), mab);
    expect(mac.toString('ascii')).toBe('8A9E91B8');
    expect(toHex(mac)).toBe('3841394539314238');
  });

  test.prop([fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.uint8Array({ maxLength: 300 })])(
    'single-length MAK: matches the spec steps with single DES',
    (key, data) => {
      const expected = cupEcbByHand((b) => desEncrypt(Buffer.from(key), b), 8, Buffer.from(data));
      expect(toHex(cupEcbMac('3des', key, data))).toBe(toHex(expected));
    },
  );

  test.prop([fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ maxLength: 300 })])(
    'double-length MAK: matches the spec steps with 2-key 3DES',
    (key, data) => {
      const expected = cupEcbByHand((b) => tdesEncrypt(Buffer.from(key), b), 8, Buffer.from(data));
      expect(toHex(cupEcbMac('3des', key, data))).toBe(toHex(expected));
    },
  );

  test.prop([fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ maxLength: 300 })])(
    'SM4 MAK: the same steps on 16-byte blocks',
    (key, data) => {
      const expected = cupEcbByHand((b) => sm4Encrypt(Buffer.from(key), b), 16, Buffer.from(data));
      expect(toHex(cupEcbMac('sm4', key, data))).toBe(toHex(expected));
    },
  );

  it('the result is 8 uppercase hex characters', () => {
    const mac = cupEcbMac('3des', hex('0123456789ABCDEF'), Buffer.from('any'));
    expect(mac.toString('ascii')).toMatch(/^[0-9A-F]{8}$/);
  });
});

describe('X9.19 against the spec text', () => {
  test.prop([fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ maxLength: 300 })])(
    'double-length: CBC with the left half, then D(right), E(left)',
    (key, data) => {
      const expected = x919ByHand(Buffer.from(key), Buffer.from(data));
      expect(toHex(x919Mac(key, data))).toBe(toHex(expected));
    },
  );
});

describe('loaded MAKs and macMatches', () => {
  it('refuses X9.19 with an SM4 key: X9.19 is DES only', () => {
    expect(() => new LoadedMak('sm4', 'x919', Buffer.alloc(16, 1))).toThrow(HsmError);
  });

  test.prop([fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.array(fc.uint8Array())])(
    'a MAK loaded once MACs message after message as if loaded for each',
    (key, messages) => {
      for (const algorithm of ['cup-ecb', 'x919'] as const) {
        const loaded = new LoadedMak('3des', algorithm, key);
        for (const data of messages) {
          const fresh = algorithm === 'x919' ? x919Mac(key, data) : cupEcbMac('3des', key, data);
          expect(toHex(loaded.mac(data))).toBe(toHex(fresh));
        }
      }
    },
  );

  it('never matches a MAC of another length', () => {
    expect(macMatches(Buffer.alloc(8), Buffer.alloc(7))).toBe(false);
    expect(macMatches(Buffer.alloc(8), Buffer.alloc(8))).toBe(true);
  });
});
