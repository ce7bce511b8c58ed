// Key check values (KCV): the first 4 bytes of encrypting a zero block with the clear key.
// DES for a single-length key, 2-key 3DES for a double-length one, SM4 on 16 zero bytes.
import { blockBytesOf, encryptEcb, type KeyScheme } from './block-cipher.ts';

export const CHECK_VALUE_BYTES = 4;

export function checkValueOf(scheme: KeyScheme, clearKey: Uint8Array): Buffer {
  const zeros = Buffer.alloc(blockBytesOf(scheme));
  return encryptEcb(scheme, clearKey, zeros).subarray(0, CHECK_VALUE_BYTES);
}
