// The TCP frame: 2-byte big-endian length, TPDU (5), header (6), then the message.
// `packFrame` and `unpackFrame` handle it whole; the length counts every byte after itself.
import { type CodecError, fail, type Result, succeed } from '../codec-error.ts';
import { copyBytes } from '../encoding/bytes.ts';
import { type PackOptions, packCup, type UnpackError } from '../cup-codec.ts';
import { Failure } from '../field/failure.ts';
import { unpackMessage } from '../message/unpack-message.ts';
import { cupDialect } from '../spec/cup.ts';
import type { CupMessage, CupPartialMessage } from '../spec/cup-message.ts';
import { type CupHeader, HEADER_BYTES, readHeader, writeHeader } from './header.ts';
import { readTpdu, type Tpdu, TPDU_BYTES, writeTpdu } from './tpdu.ts';

export interface Frame {
  readonly tpdu: Tpdu;
  readonly header: CupHeader;
  readonly message: CupMessage;
}

export interface UnpackedFrame extends Frame {
  /** The MAC input as received (MTI to the end of the field before 64); undefined without 64. */
  readonly macInput: Uint8Array | undefined;
}

export const LENGTH_BYTES = 2;
export const FRAME_LENGTH_MAX = 0xffff;
const PREFIX_BYTES = LENGTH_BYTES + TPDU_BYTES + HEADER_BYTES;

/**
 * Packs a whole frame. Errors: those of `pack`, `invalid_value` for the TPDU or header, and
 * `frame_too_large` past 65535 bytes.
 */
export function packFrame(frame: Frame, options?: PackOptions): Result<Uint8Array> {
  const packed = packCup(frame.message, PREFIX_BYTES, options);
  if (!packed.ok) return packed;
  const { buffer, start, end } = packed.value;
  const length = end - start - LENGTH_BYTES;
  if (length > FRAME_LENGTH_MAX) {
    const detail = `frame of ${length} bytes exceeds ${FRAME_LENGTH_MAX}`;
    return fail({ fieldPath: ['frame'], reason: 'frame_too_large', detail });
  }
  try {
    writeTpdu(buffer, start + LENGTH_BYTES, frame.tpdu);
    writeHeader(buffer, start + LENGTH_BYTES + TPDU_BYTES, frame.header);
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return fail({ fieldPath: error.path, reason: error.reason, detail: error.detail });
  }
  buffer[start] = length >> 8;
  buffer[start + 1] = length & 0xff;
  return succeed(buffer.subarray(start, end));
}

/** The properties that identify a message, for answering it (no card data). */
function pickIdentity(message: CupMessage): CupPartialMessage {
  const { mti, processingCode, amountFen, stan, terminalId, merchantNo } = message;
  const all = { mti, processingCode, amountFen, stan, terminalId, merchantNo };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
}

function checkLength(bytes: Uint8Array): CodecError | undefined {
  if (bytes.length < PREFIX_BYTES) {
    const detail = `a frame needs ${PREFIX_BYTES} bytes before the message, got ${bytes.length}`;
    return { fieldPath: ['frame'], reason: 'truncated', detail, offset: 0 };
  }
  const stated = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0);
  const actual = bytes.length - LENGTH_BYTES;
  if (stated === actual) return undefined;
  const reason = stated > actual ? 'truncated' : 'trailing_bytes';
  const detail = `length states ${stated} bytes, ${actual} follow`;
  return { fieldPath: ['frame', 'length'], reason, detail, offset: 0 };
}

/**
 * Unpacks a whole frame (length included). When the message cannot be read whole, the error's
 * `partial` holds the TPDU, header and whatever identifies the message (MTI, 3, 4, 11, 41, 42).
 */
export function unpackFrame(bytes: Uint8Array): Result<UnpackedFrame, UnpackError> {
  const lengthError = checkLength(bytes);
  if (lengthError !== undefined && bytes.length < PREFIX_BYTES) return fail(lengthError);
  const tpdu = readTpdu(bytes, LENGTH_BYTES);
  const header = readHeader(bytes, LENGTH_BYTES + TPDU_BYTES);
  const stated = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0);
  const end = Math.min(bytes.length, LENGTH_BYTES + stated);
  const unpacked = unpackMessage(cupDialect, bytes, PREFIX_BYTES, end);
  if (lengthError !== undefined) {
    // Still report what identifies the message, so the gateway can answer it.
    const read = unpacked.ok ? pickIdentity(unpacked.value.message) : unpacked.error.partial;
    return fail({ ...lengthError, partial: { tpdu, header, ...read } });
  }
  if (!unpacked.ok) {
    return fail({ ...unpacked.error, partial: { tpdu, header, ...unpacked.error.partial } });
  }
  const { message, macStart } = unpacked.value;
  const macInput = macStart === undefined ? undefined : copyBytes(bytes, PREFIX_BYTES, macStart);
  return succeed({ tpdu, header, message, macInput });
}
