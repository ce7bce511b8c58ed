// Block ciphers on node:crypto: DES / 2-key 3DES and SM4, ECB and zero-IV CBC, no padding.
// OpenSSL 3 refuses single DES (`des-ecb`), so a single-length key K runs as 3DES with K‖K‖K and
// a double-length key K1‖K2 as 3DES with K1‖K2‖K1; both give exactly DES and 2-key 3DES.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { wipe } from './bytes.ts';
import { HsmError } from './errors.ts';

/** `3des`: single-length (8-byte) or double-length (16-byte) DES keys. `sm4`: 16-byte keys. */
export type KeyScheme = '3des' | 'sm4';

export const KEY_SCHEMES: readonly KeyScheme[] = ['3des', 'sm4'];

export function isKeyScheme(value: unknown): value is KeyScheme {
  return value === '3des' || value === 'sm4';
}

export function blockBytesOf(scheme: KeyScheme): 8 | 16 {
  return scheme === 'sm4' ? 16 : 8;
}

export function isLegalKeyLength(scheme: KeyScheme, lengthBytes: number): boolean {
  return scheme === 'sm4' ? lengthBytes === 16 : lengthBytes === 8 || lengthBytes === 16;
}

export type Direction = 'encrypt' | 'decrypt';

function runCipher(
  algorithm: string,
  key: Buffer,
  iv: Buffer | null,
  direction: Direction,
  data: Uint8Array,
): Buffer {
  try {
    const cipher =
      direction === 'encrypt'
        ? createCipheriv(algorithm, key, iv)
        : createDecipheriv(algorithm, key, iv);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  } catch {
    // node:crypto messages carry no key bytes, but they are replaced anyway by a fixed one.
    throw new HsmError('cipher_failed');
  }
}

/** K → K‖K‖K, K1‖K2 → K1‖K2‖K1: the 24-byte key OpenSSL's `des-ede3` expects. */
function tripleDesKeyOf(key: Uint8Array): Buffer {
  if (key.length === 8) return Buffer.concat([key, key, key]);
  if (key.length === 16) return Buffer.concat([key, key.subarray(0, 8)]);
  throw new HsmError('input_invalid');
}

function checkInput(scheme: KeyScheme, key: Uint8Array, data: Uint8Array): void {
  if (!isLegalKeyLength(scheme, key.length)) throw new HsmError('input_invalid');
  if (data.length % blockBytesOf(scheme) !== 0) throw new HsmError('input_invalid');
}

function ecb(scheme: KeyScheme, key: Uint8Array, data: Uint8Array, direction: Direction): Buffer {
  checkInput(scheme, key, data);
  const cipher = ecbCipher(scheme, key, direction);
  try {
    return Buffer.concat([cipher.update(data), cipher.final()]);
  } catch {
    throw new HsmError('cipher_failed');
  }
}

/**
 * An ECB context for `key`, to run any number of whole blocks through one by one with `update`
 * (ECB keeps no state between blocks); no padding. The key schedule stays in the context.
 */
export function ecbCipher(scheme: KeyScheme, key: Uint8Array, direction: Direction) {
  if (!isLegalKeyLength(scheme, key.length)) throw new HsmError('input_invalid');
  const expanded = scheme === 'sm4' ? Buffer.from(key) : tripleDesKeyOf(key);
  try {
    const algorithm = scheme === 'sm4' ? 'sm4-ecb' : 'des-ede3';
    const cipher =
      direction === 'encrypt'
        ? createCipheriv(algorithm, expanded, null)
        : createDecipheriv(algorithm, expanded, null);
    cipher.setAutoPadding(false);
    return cipher;
  } catch {
    throw new HsmError('cipher_failed');
  } finally {
    wipe(expanded);
  }
}

/** ECB encryption of whole blocks (8 bytes for 3DES, 16 for SM4). */
export function encryptEcb(scheme: KeyScheme, key: Uint8Array, data: Uint8Array): Buffer {
  return ecb(scheme, key, data, 'encrypt');
}

export function decryptEcb(scheme: KeyScheme, key: Uint8Array, data: Uint8Array): Buffer {
  return ecb(scheme, key, data, 'decrypt');
}

/** CBC encryption with a zero IV of whole blocks; returns every ciphertext block. */
export function encryptCbc(scheme: KeyScheme, key: Uint8Array, data: Uint8Array): Buffer {
  checkInput(scheme, key, data);
  const iv = Buffer.alloc(blockBytesOf(scheme));
  if (scheme === 'sm4') return runCipher('sm4-cbc', Buffer.from(key), iv, 'encrypt', data);
  const expanded = tripleDesKeyOf(key);
  try {
    return runCipher('des-ede3-cbc', expanded, iv, 'encrypt', data);
  } finally {
    wipe(expanded);
  }
}

/** Sets the low bit of every byte so each has an odd number of 1 bits (DES key parity). */
export function withOddParity(key: Uint8Array): Buffer {
  const out = Buffer.from(key);
  for (let i = 0; i < out.length; i++) {
    const high = (out[i] ?? 0) & 0xfe;
    out[i] = popCount(high) % 2 === 0 ? high | 1 : high;
  }
  return out;
}

export function hasOddParity(key: Uint8Array): boolean {
  return key.every((byte) => popCount(byte) % 2 === 1);
}

function popCount(byte: number): number {
  let count = 0;
  for (let bits = byte; bits !== 0; bits >>= 1) count += bits & 1;
  return count;
}
