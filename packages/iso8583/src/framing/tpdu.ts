// The 5-byte TPDU in front of every CUP POS message: id `60`, destination and source addresses.
// Read as hex so any address (and any id) is accepted; a response swaps the two addresses.
import { toHex } from '../encoding/hex.ts';
import { Failure } from '../field/failure.ts';

export interface Tpdu {
  /** 2 hex digits, `60`. */
  readonly id: string;
  /** 4 hex digits, e.g. `0003`. */
  readonly destination: string;
  /** 4 hex digits, e.g. `0000`. */
  readonly source: string;
}

export const TPDU_BYTES = 5;

export function readTpdu(bytes: Uint8Array, start: number): Tpdu {
  const hex = toHex(bytes.subarray(start, start + TPDU_BYTES));
  return { id: hex.slice(0, 2), destination: hex.slice(2, 6), source: hex.slice(6, 10) };
}

function checkHex(value: unknown, length: number, name: string): string {
  if (typeof value !== 'string' || value.length !== length || !/^[0-9A-F]*$/.test(value)) {
    throw new Failure('invalid_value', `${name} must be ${length} uppercase hex digits`, false, [
      'tpdu',
    ]);
  }
  return value;
}

export function writeTpdu(target: Uint8Array, start: number, tpdu: Tpdu): void {
  if (typeof tpdu !== 'object' || tpdu === null) {
    throw new Failure('invalid_value', 'the TPDU must be an object', false, ['tpdu']);
  }
  const hex =
    checkHex(tpdu.id, 2, 'id') +
    checkHex(tpdu.destination, 4, 'destination') +
    checkHex(tpdu.source, 4, 'source');
  for (let index = 0; index < TPDU_BYTES; index++) {
    target[start + index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
}

/** The TPDU of the answer: destination and source swapped. */
export function swapTpdu(tpdu: Tpdu): Tpdu {
  return { id: tpdu.id, destination: tpdu.source, source: tpdu.destination };
}
