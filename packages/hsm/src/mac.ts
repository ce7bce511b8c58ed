// Message authentication codes of POS messages (cup-8583.md §7): the CUP "ECB" MAC with a
// single- or double-length DES MAK or an SM4 MAK, and ANSI X9.19 (ISO 9797-1 algorithm 3).
// Functions here take clear keys; only the security module and the terminal helpers call them.
import { timingSafeEqual, type Cipher, type Decipher } from 'node:crypto';
import { blockBytesOf, ecbCipher } from './block-cipher.ts';
import type { KeyScheme } from './block-cipher.ts';
import { wipe, xorBytes } from './bytes.ts';
import { HsmError } from './errors.ts';

/** `cup-ecb`: the UnionPay POS "ECB" MAC. `x919`: ANSI X9.19 retail MAC. Set per terminal. */
export type MacAlgorithm = 'cup-ecb' | 'x919';

export const MAC_ALGORITHMS: readonly MacAlgorithm[] = ['cup-ecb', 'x919'];

/** Field 64 is 8 bytes for both algorithms. */
export const MAC_BYTES = 8;

/** ASCII codes of the uppercase hex digits, by the value of a nibble. */
const UPPER_HEX_DIGITS = Buffer.from('0123456789ABCDEF', 'ascii');

/** Fills `out` with the uppercase hex (ASCII) of the first `out.length / 2` bytes of `bytes`. */
function writeUpperHex(bytes: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < out.length >> 1; i++) {
    const byte = bytes[i] ?? 0;
    out[2 * i] = UPPER_HEX_DIGITS[byte >> 4] ?? 0;
    out[2 * i + 1] = UPPER_HEX_DIGITS[byte & 0x0f] ?? 0;
  }
}

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
  private readonly algorithm: MacAlgorithm;
  /** 8 for DES, 16 for SM4: a power of two, so that `i & (blockBytes - 1)` is `i % blockBytes`. */
  private readonly blockBytes: 8 | 16;
  /**
   * CUP ECB working space, one block folded and its hex, reused by every MAC (a MAC runs start to
   * end without yielding) and zeroed after each, so that a MAC allocates only what it returns.
   */
  private readonly folded: Uint8Array;
  private readonly hex: Uint8Array;
  private readonly hexFirstHalf: Uint8Array;
  /** ECB with the whole key (CUP ECB MAC), or with the left half (X9.19). */
  private readonly encrypt: Cipher;
  /** X9.19 only: ECB decryption with the right half (the left again for a single-length key). */
  private readonly decryptRight: Decipher | undefined;

  /** Throws `algorithm_unsupported` for X9.19 with an SM4 key (X9.19 is defined on DES only). */
  constructor(scheme: KeyScheme, algorithm: MacAlgorithm, mak: Uint8Array) {
    this.algorithm = algorithm;
    this.blockBytes = blockBytesOf(scheme);
    this.folded = new Uint8Array(this.blockBytes);
    this.hex = new Uint8Array(2 * this.blockBytes);
    this.hexFirstHalf = this.hex.subarray(0, this.blockBytes);
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
    const { blockBytes, folded, hex, hexFirstHalf } = this;
    try {
      // The padding's zeros leave an XOR unchanged, so the data is folded as it is, uncopied.
      const lastInBlock = blockBytes - 1;
      for (let i = 0; i < data.length; i++) {
        folded[i & lastInBlock] = (folded[i & lastInBlock] ?? 0) ^ (data[i] ?? 0);
      }
      writeUpperHex(folded, hex);
      const mixed = this.block(hexFirstHalf);
      for (let i = 0; i < blockBytes; i++) mixed[i] = (mixed[i] ?? 0) ^ (hex[blockBytes + i] ?? 0);
      const final = this.block(mixed);
      const result = Buffer.alloc(MAC_BYTES);
      writeUpperHex(final, result);
      wipe(mixed, final);
      return result;
    } finally {
      // Also after a failure: the next MAC folds into zeros.
      wipe(folded, hex);
    }
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
  return timingSafeEqual(expected, received);
}
