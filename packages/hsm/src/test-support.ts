// Test-only helpers (excluded from the build): a seeded random source, independent single-block
// ciphers straight on node:crypto, and a format 0 decoder that no production path offers.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import type { RandomSource } from './random-source.ts';

/** Deterministic bytes: SHA-256(seed ‖ counter) blocks. Same seed, same keys, every run. */
export function seededRandom(seed: string): RandomSource {
  let counter = 0;
  return {
    bytes(count: number): Uint8Array {
      const blocks: Buffer[] = [];
      let total = 0;
      while (total < count) {
        const block = createHash('sha256').update(`${seed}:${counter++}`).digest();
        blocks.push(block);
        total += block.length;
      }
      return Buffer.concat(blocks).subarray(0, count);
    },
  };
}

export function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

function node(algorithm: string, key: Buffer, block: Buffer, decrypt: boolean): Buffer {
  const cipher = decrypt
    ? createDecipheriv(algorithm, key, null)
    : createCipheriv(algorithm, key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/** Single DES on one 8-byte block (OpenSSL 3 has no `des-ecb`: K‖K‖K is exactly DES). */
export function desEncrypt(key: Buffer, block: Buffer): Buffer {
  return node('des-ede3', Buffer.concat([key, key, key]), block, false);
}

export function desDecrypt(key: Buffer, block: Buffer): Buffer {
  return node('des-ede3', Buffer.concat([key, key, key]), block, true);
}

/** 2-key 3DES written out as E(K1) · D(K2) · E(K1) of single DES. */
export function tdesEncrypt(key: Buffer, block: Buffer): Buffer {
  const k1 = key.subarray(0, 8);
  const k2 = key.subarray(8, 16);
  return desEncrypt(k1, desDecrypt(k2, desEncrypt(k1, block)));
}

export function tdesDecrypt(key: Buffer, block: Buffer): Buffer {
  const k1 = key.subarray(0, 8);
  const k2 = key.subarray(8, 16);
  return desDecrypt(k1, desEncrypt(k2, desDecrypt(k1, block)));
}

export function sm4Encrypt(key: Buffer, block: Buffer): Buffer {
  return node('sm4-ecb', key, block, false);
}

export function sm4Decrypt(key: Buffer, block: Buffer): Buffer {
  return node('sm4-ecb', key, block, true);
}

/** Recovers the PIN from a clear format 0 block, or undefined. Tests only: proves translation. */
export function pinOfFormat0Block(clearBlock: Buffer, pan: string): string | undefined {
  const panField = `0000${pan.slice(0, -1).slice(-12)}`;
  const pinField = Buffer.alloc(8);
  const panBytes = Buffer.from(panField, 'hex');
  for (let i = 0; i < 8; i++) pinField[i] = (clearBlock[i] ?? 0) ^ (panBytes[i] ?? 0);
  const nibbles = pinField.toString('hex').toUpperCase();
  const length = parseInt(nibbles[1] ?? '0', 16);
  const match = /^0([4-9A-C])(\d+)(F*)$/.exec(nibbles);
  if (match === null || (match[2] ?? '').length !== length) return undefined;
  return match[2];
}
