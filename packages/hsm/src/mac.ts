// Message authentication codes of POS messages (cup-8583.md §7): the CUP "ECB" MAC with a
// single- or double-length DES MAK or an SM4 MAK, and ANSI X9.19 (ISO 9797-1 algorithm 3).
// Functions here take clear keys; only the security module and the terminal helpers call them.
import { timingSafeEqual } from 'node:crypto';
import { blockBytesOf, decryptEcb, encryptCbc, encryptEcb } from './block-cipher.ts';
import type { KeyScheme } from './block-cipher.ts';
import { asBuffer, wipe, xorBytes } from './bytes.ts';
import { HsmError } from './errors.ts';

/** `cup-ecb`: the UnionPay POS "ECB" MAC. `x919`: ANSI X9.19 retail MAC. Set per terminal. */
export type MacAlgorithm = 'cup-ecb' | 'x919';

export const MAC_ALGORITHMS: readonly MacAlgorithm[] = ['cup-ecb', 'x919'];

/** Field 64 is 8 bytes for both algorithms. */
export const MAC_BYTES = 8;

/** Zero-pads to a whole number of blocks; empty data becomes one zero block. */
function zeroPadded(data: Uint8Array, blockBytes: number): Buffer {
  const blocks = Math.max(1, Math.ceil(data.length / blockBytes));
  const padded = Buffer.alloc(blocks * blockBytes);
  padded.set(data);
  return padded;
}

/**
 * CUP POS "ECB" MAC: XOR all zero-padded blocks; write the result as uppercase hex (ASCII);
 * encrypt the first half with the MAK, XOR with the second half, encrypt again; field 64 is the
 * first 8 characters of the final block's uppercase hex. SM4 runs the same steps on 16-byte
 * blocks (one acquirer's convention; cup-8583.md §8).
 */
export function cupEcbMac(scheme: KeyScheme, mak: Uint8Array, data: Uint8Array): Buffer {
  const blockBytes = blockBytesOf(scheme);
  const padded = zeroPadded(data, blockBytes);
  const folded = Buffer.alloc(blockBytes);
  for (let offset = 0; offset < padded.length; offset += blockBytes) {
    for (let i = 0; i < blockBytes; i++) folded[i] = (folded[i] ?? 0) ^ (padded[offset + i] ?? 0);
  }
  const hex = Buffer.from(folded.toString('hex').toUpperCase(), 'ascii');
  const first = encryptEcb(scheme, mak, hex.subarray(0, blockBytes));
  const second = encryptEcb(scheme, mak, xorBytes(first, hex.subarray(blockBytes)));
  const result = Buffer.from(second.toString('hex').toUpperCase().slice(0, MAC_BYTES), 'ascii');
  wipe(padded, folded, hex, first, second);
  return result;
}

/**
 * ANSI X9.19: zero-pad, DES-CBC with the left key half, then decrypt the last block with the
 * right half and encrypt it with the left. A single-length MAK makes it plain DES CBC-MAC
 * (ANSI X9.9), since decrypting and encrypting with the same key cancel out.
 */
export function x919Mac(mak: Uint8Array, data: Uint8Array): Buffer {
  if (mak.length !== 8 && mak.length !== 16) throw new HsmError('input_invalid');
  const left = mak.subarray(0, 8);
  const right = mak.length === 16 ? mak.subarray(8, 16) : left;
  const chained = encryptCbc('3des', left, zeroPadded(data, 8));
  const last = chained.subarray(chained.length - 8);
  const result = encryptEcb('3des', left, decryptEcb('3des', right, last));
  wipe(chained);
  return result;
}

export interface ComputeMacInput {
  readonly scheme: KeyScheme;
  readonly mak: Uint8Array;
  readonly algorithm: MacAlgorithm;
  readonly data: Uint8Array;
}

/** Throws `algorithm_unsupported` for X9.19 with an SM4 key (X9.19 is defined on DES only). */
export function computeMac(input: ComputeMacInput): Buffer {
  switch (input.algorithm) {
    case 'cup-ecb':
      return cupEcbMac(input.scheme, input.mak, input.data);
    case 'x919':
      if (input.scheme !== '3des') throw new HsmError('algorithm_unsupported');
      return x919Mac(input.mak, input.data);
    default:
      return unknownAlgorithm(input.algorithm);
  }
}

function unknownAlgorithm(algorithm: never): never {
  void algorithm;
  throw new HsmError('algorithm_unsupported');
}

/** Constant-time comparison; a MAC of the wrong length never matches. */
export function macMatches(expected: Uint8Array, received: Uint8Array): boolean {
  if (received.length !== expected.length) return false;
  return timingSafeEqual(asBuffer(expected), asBuffer(received));
}
