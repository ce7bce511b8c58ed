// The 6-byte CUP POS message header (12 BCD digits): application class, software version,
// terminal status, processing request, software sub-version. Read as nibbles, any values.
import { toHex } from '../encoding/hex.ts';
import { Failure } from '../field/failure.ts';

export interface CupHeader {
  /** 2 digits: `60` POS (some vendors `61`). */
  readonly applicationClass: string;
  /** 2 digits, e.g. `31`. */
  readonly softwareVersion: string;
  /** 1 digit: `0` normal, `1` test. */
  readonly terminalStatus: string;
  /** 1 digit: request `0`; response `0` nothing, `3` sign in again. */
  readonly processingRequest: string;
  /** 6 digits, e.g. `000000`. */
  readonly softwareSubVersion: string;
}

export const HEADER_BYTES = 6;

const PARTS: readonly [keyof CupHeader, number][] = [
  ['applicationClass', 2],
  ['softwareVersion', 2],
  ['terminalStatus', 1],
  ['processingRequest', 1],
  ['softwareSubVersion', 6],
];

export function readHeader(bytes: Uint8Array, start: number): CupHeader {
  const hex = toHex(bytes.subarray(start, start + HEADER_BYTES));
  return {
    applicationClass: hex.slice(0, 2),
    softwareVersion: hex.slice(2, 4),
    terminalStatus: hex.slice(4, 5),
    processingRequest: hex.slice(5, 6),
    softwareSubVersion: hex.slice(6, 12),
  };
}

export function writeHeader(target: Uint8Array, start: number, header: CupHeader): void {
  if (typeof header !== 'object' || header === null) {
    throw new Failure('invalid_value', 'the header must be an object', false, ['header']);
  }
  let hex = '';
  for (const [name, length] of PARTS) {
    const value: unknown = header[name];
    if (typeof value !== 'string' || value.length !== length || !/^[0-9A-F]*$/.test(value)) {
      throw new Failure('invalid_value', `${name} must be ${length} digits`, false, ['header']);
    }
    hex += value;
  }
  for (let index = 0; index < HEADER_BYTES; index++) {
    target[start + index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
}

/** The header of the answer: the request's, with the host's processing request (`0` or `3`). */
export function answerHeader(request: CupHeader, processingRequest: string): CupHeader {
  return { ...request, processingRequest };
}
