// Message authentication codes of POS messages (cup-8583.md §7): the CUP "ECB" MAC with a
// single- or double-length DES MAK or an SM4 MAK, and ANSI X9.19 (ISO 9797-1 algorithm 3).
// Functions here take clear keys; only the security module and the terminal helpers call them.
import { timingSafeEqual, type Cipher, type Decipher } from 'node:crypto';
import { blockBytesOf, ecbCipher } from './block-cipher.ts';
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
 * A MAK ready to MAC with: its block-cipher contexts set up once from the clear key, so that a
 * MAC is a few block operations. The contexts hold the key schedule, not the key bytes, and the
 * caller wipes the key. ECB needs no state between blocks, so one context serves every block.
 */
export class LoadedMak {
  private readonly scheme: KeyScheme;
  private readonly algorithm: MacAlgorithm;
  /** ECB with the whole key (CUP ECB MAC), or with the left half (X9.19). */
  private readonly encrypt: Cipher;
  /** X9.19 only: ECB decryption with the right half (the left again for a single-length key). */
  private readonly decryptRight: Decipher | undefined;

  /** Throws `algorithm_unsupported` for X9.19 with an SM4 key (X9.19 is defined on DES only). */
  constructor(scheme: KeyScheme, algorithm: MacAlgorithm, mak: Uint8Array) {
    this.scheme = scheme;
    this.algorithm = algorithm;
    switch (algorithm) {
      case 'cup-ecb':
        this.encrypt = ecbCipher(scheme, mak, 'encrypt') as Cipher;
        this.decryptRight = undefined;
        break;
      case 'x919': {
        if (scheme !== '3des') throw new HsmError('algorithm_unsupported');
        if (mak.length !== 8 && mak.length !== 16) throw new HsmError('input_invalid');
        const left = mak.subarray(0, 8);
        const right = mak.length === 16 ? mak.subarray(8, 16) : left;
        this.encrypt = ecbCipher('3des', left, 'encrypt') as Cipher;
        this.decryptRight = ecbCipher('3des', right, 'decrypt') as Decipher;
        break;
      }
      default:
        unknownAlgorithm(algorithm);
    }
  }

  /** Field 64 of `data`: 8 bytes. */
  mac(data: Uint8Array): Buffer {
    return this.algorithm === 'cup-ecb' ? this.cupEcb(data) : this.x919(data);
  }

  /**
   * CUP POS "ECB" MAC: XOR all zero-padded blocks; write the result as uppercase hex (ASCII);
   * encrypt the first half with the MAK, XOR with the second half, encrypt again; field 64 is
   * the first 8 characters of the final block's uppercase hex. SM4 runs the same steps on
   * 16-byte blocks (one acquirer's convention; cup-8583.md §8).
   */
  private cupEcb(data: Uint8Array): Buffer {
    const blockBytes = blockBytesOf(this.scheme);
    const padded = zeroPadded(data, blockBytes);
    const folded = Buffer.alloc(blockBytes);
    for (let offset = 0; offset < padded.length; offset += blockBytes) {
      for (let i = 0; i < blockBytes; i++) folded[i] = (folded[i] ?? 0) ^ (padded[offset + i] ?? 0);
    }
    const hex = Buffer.from(folded.toString('hex').toUpperCase(), 'ascii');
    const first = this.block(hex.subarray(0, blockBytes));
    const second = this.block(xorBytes(first, hex.subarray(blockBytes)));
    const result = Buffer.from(second.toString('hex').toUpperCase().slice(0, MAC_BYTES), 'ascii');
    wipe(padded, folded, hex, first, second);
    return result;
  }

  /**
   * ANSI X9.19: zero-pad, DES-CBC with the left key half, then decrypt the last block with the
   * right half and encrypt it with the left. A single-length MAK makes it plain DES CBC-MAC
   * (ANSI X9.9), since decrypting and encrypting with the same key cancel out.
   */
  private x919(data: Uint8Array): Buffer {
    const padded = zeroPadded(data, 8);
    let chained: Buffer = Buffer.alloc(8);
    for (let offset = 0; offset < padded.length; offset += 8) {
      const next = this.block(xorBytes(chained, padded.subarray(offset, offset + 8)));
      wipe(chained);
      chained = next;
    }
    const right = this.decryptRight?.update(chained) ?? chained;
    const result = this.block(right);
    wipe(padded, chained, right);
    return result;
  }

  private block(data: Uint8Array): Buffer {
    const out = this.encrypt.update(data);
    if (out.length !== data.length) throw new HsmError('cipher_failed');
    return out;
  }
}

/** The CUP "ECB" MAC of `data` under `mak` (see `LoadedMak`). */
export function cupEcbMac(scheme: KeyScheme, mak: Uint8Array, data: Uint8Array): Buffer {
  return new LoadedMak(scheme, 'cup-ecb', mak).mac(data);
}

/** The ANSI X9.19 MAC of `data` under a single- or double-length DES `mak` (see `LoadedMak`). */
export function x919Mac(mak: Uint8Array, data: Uint8Array): Buffer {
  return new LoadedMak('3des', 'x919', mak).mac(data);
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
