// Goal: DES, 2-key 3DES and SM4 give the published answers. Method: known-answer vectors from
// FIPS 81 / SP 800-17 / SP 800-20 and GB/T 32907, plus properties against textbook composition.
import { createCipheriv } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decryptEcb, encryptCbc, encryptEcb, hasOddParity, withOddParity } from './block-cipher.ts';
import { HsmError } from './errors.ts';
import { desEncrypt, hex, tdesEncrypt, toHex } from './test-support.ts';

const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });

describe('DES (single-length key, run as K‖K‖K)', () => {
  it('SP 800-17 / FIPS 46 worked example: 133457799BBCDFF1, 0123456789ABCDEF', () => {
    const key = hex('133457799BBCDFF1');
    const cipher = encryptEcb('3des', key, hex('0123456789ABCDEF'));
    expect(toHex(cipher)).toBe('85E813540F0AB405');
    expect(toHex(decryptEcb('3des', key, cipher))).toBe('0123456789ABCDEF');
  });

  it('FIPS 81 ECB example: "Now is the time for all " under 0123456789ABCDEF', () => {
    const plain = Buffer.from('Now is the time for all ');
    const cipher = encryptEcb('3des', hex('0123456789ABCDEF'), plain);
    expect(toHex(cipher)).toBe('3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53');
  });
});

describe('2-key 3DES (double-length key)', () => {
  it('SP 800-20 variable-plaintext KAT: K1=K2=0101010101010101, P=8000000000000000', () => {
    const key = hex('01010101010101010101010101010101');
    const cipher = encryptEcb('3des', key, hex('8000000000000000'));
    expect(toHex(cipher)).toBe('95F8A5E5DD31D900');
  });

  it('0123456789ABCDEF FEDCBA9876543210 on zeros: 08D7B4FB629D0885 (its published KCV)', () => {
    const cipher = encryptEcb('3des', hex('0123456789ABCDEFFEDCBA9876543210'), Buffer.alloc(8));
    expect(toHex(cipher)).toBe('08D7B4FB629D0885');
  });

  it('CUP worked example: TAK C24A8FB57AA20123 is 96D605EA176B7E9E under its TMK', () => {
    // Public "MAC算法演示" example (TMK 70F2A84CCBC2AE8625CBB0F2C22AB923): a single-length
    // working key travels encrypted by 2-key 3DES under a double-length TMK.
    const tmk = hex('70F2A84CCBC2AE8625CBB0F2C22AB923');
    expect(toHex(encryptEcb('3des', tmk, hex('C24A8FB57AA20123')))).toBe('96D605EA176B7E9E');
    expect(toHex(decryptEcb('3des', tmk, hex('96D605EA176B7E9E')))).toBe('C24A8FB57AA20123');
  });

  test.prop([bytes(16), bytes(8)])(
    'equals E(K1)·D(K2)·E(K1) of single DES, and decrypts back',
    (key, block) => {
      const cipher = encryptEcb('3des', key, block);
      expect(toHex(cipher)).toBe(toHex(tdesEncrypt(Buffer.from(key), Buffer.from(block))));
      expect(toHex(decryptEcb('3des', key, cipher))).toBe(toHex(block));
    },
  );

  test.prop([bytes(8), bytes(8)])('a double-length key K‖K is single DES with K', (key, block) => {
    const doubled = Buffer.concat([key, key]);
    const single = desEncrypt(Buffer.from(key), Buffer.from(block));
    expect(toHex(encryptEcb('3des', doubled, block))).toBe(toHex(single));
  });
});

describe('SM4', () => {
  const key = hex('0123456789abcdeffedcba9876543210');

  it('GB/T 32907 example 1: key = plaintext = 0123…3210 → 681EDF34D206965E86B3E94F536E4246', () => {
    const cipher = encryptEcb('sm4', key, key);
    expect(toHex(cipher)).toBe('681EDF34D206965E86B3E94F536E4246');
    expect(toHex(decryptEcb('sm4', key, cipher))).toBe(toHex(key));
  });

  it('GB/T 32907 example 2: the same block encrypted 1,000,000 times → 595298C7…3F66', () => {
    // One OpenSSL `sm4-ecb` context, as encryptEcb uses, fed its own output.
    const cipher = createCipheriv('sm4-ecb', key, null);
    cipher.setAutoPadding(false);
    let block: Buffer = Buffer.from(key);
    for (let i = 0; i < 1_000_000; i++) block = cipher.update(block);
    expect(toHex(block)).toBe('595298C7C6FD271F0402F804C33D3F66');
  });

  test.prop([bytes(16), bytes(32)])(
    'decrypt(encrypt(x)) = x, block by block (ECB)',
    (sm4Key, data) => {
      const cipher = encryptEcb('sm4', sm4Key, data);
      expect(toHex(cipher.subarray(16))).toBe(toHex(encryptEcb('sm4', sm4Key, data.subarray(16))));
      expect(toHex(decryptEcb('sm4', sm4Key, cipher))).toBe(toHex(data));
    },
  );
});

describe('CBC with zero IV', () => {
  it('the first block is ECB, the second chains: FIPS 81 CBC example with IV 0', () => {
    const data = Buffer.from('Now is the time for all ');
    const key = hex('0123456789ABCDEF');
    const cbc = encryptCbc('3des', key, data);
    const first = encryptEcb('3des', key, data.subarray(0, 8));
    expect(toHex(cbc.subarray(0, 8))).toBe(toHex(first));
    const chained = Buffer.from(data.subarray(8, 16).map((byte, i) => byte ^ (first[i] ?? 0)));
    expect(toHex(cbc.subarray(8, 16))).toBe(toHex(encryptEcb('3des', key, chained)));
  });
});

describe('odd parity', () => {
  test.prop([bytes(16)])(
    'every byte gets an odd number of 1 bits; the 7 key bits are kept',
    (key) => {
      const fixed = withOddParity(key);
      expect(hasOddParity(fixed)).toBe(true);
      fixed.forEach((byte, i) => expect(byte & 0xfe).toBe((key[i] ?? 0) & 0xfe));
      const zeros = Buffer.alloc(8);
      expect(toHex(encryptEcb('3des', fixed, zeros))).toBe(toHex(encryptEcb('3des', key, zeros)));
    },
  );

  it('leaves an odd-parity key unchanged', () => {
    expect(toHex(withOddParity(hex('0123456789ABCDEF')))).toBe('0123456789ABCDEF');
  });
});

describe('misuse', () => {
  it('refuses illegal key lengths and partial blocks with a generic HsmError', () => {
    expect(() => encryptEcb('3des', Buffer.alloc(24), Buffer.alloc(8))).toThrow(HsmError);
    expect(() => encryptEcb('sm4', Buffer.alloc(8), Buffer.alloc(16))).toThrow(HsmError);
    expect(() => encryptEcb('3des', Buffer.alloc(16), Buffer.alloc(7))).toThrow(HsmError);
    expect(() => encryptEcb('sm4', Buffer.alloc(16), Buffer.alloc(8))).toThrow(HsmError);
  });
});
