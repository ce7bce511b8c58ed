// The CUP POS message codec: `pack`, `unpack` and `macInput` over the dialect table, typed as
// CupMessage. Every outcome is a Result; nothing here throws for bad input.
import { type CodecError, fail, type Result, succeed } from './codec-error.ts';
import { copyBytes } from './encoding/bytes.ts';
import type { CupHeader } from './framing/header.ts';
import type { Tpdu } from './framing/tpdu.ts';
import { type PackedMessage, packMessage } from './message/pack-message.ts';
import { unpackMessage } from './message/unpack-message.ts';
import { cupDialect } from './spec/cup.ts';
import type { CupMessage, CupPartialMessage } from './spec/cup-message.ts';

export interface PackOptions {
  /**
   * Computes the MAC over the MAC input (MTI to the end of the last field before 64). When
   * given, field 64 is written with its result, whatever `message.mac` holds.
   */
  readonly computeMac?: (macInput: Uint8Array) => Uint8Array;
}

/** What was read of a frame or message that could not be read whole (§9: answer `30`). */
export interface PartialRead extends CupPartialMessage {
  readonly tpdu?: Tpdu;
  readonly header?: CupHeader;
}

export interface UnpackError extends CodecError {
  /** Present when at least the MTI was read. Holds no card data. */
  readonly partial?: PartialRead;
}

const MAC_BYTES = 8;

/** Packs the message with `prefixBytes` free in front; fills field 64 when asked to. */
export function packCup(
  message: CupMessage,
  prefixBytes: number,
  options: PackOptions | undefined,
): Result<PackedMessage> {
  const computeMac = options?.computeMac;
  if (computeMac === undefined) return packMessage(cupDialect, message, prefixBytes);
  // Object.assign, not `{ ...message, mac }`: V8 gives an object with a property added after a
  // spread of a message a new hidden class every time, slow to make and to read while packing.
  const placeholder: CupMessage = Object.assign({}, message, { mac: new Uint8Array(MAC_BYTES) });
  const packed = packMessage(cupDialect, placeholder, prefixBytes);
  if (!packed.ok) return packed;
  const { buffer, start, macStart } = packed.value;
  // A defect, not an outcome: the MAC placeholder set above always writes field 64.
  if (macStart === undefined) throw new Error('field 64 was not written');
  const mac = computeMac(copyBytes(buffer, start + prefixBytes, macStart));
  if (!(mac instanceof Uint8Array) || mac.length !== MAC_BYTES) {
    return fail({ fieldPath: ['64'], reason: 'invalid_value', detail: 'the MAC must be 8 bytes' });
  }
  buffer.set(mac, macStart);
  return packed;
}

/**
 * Packs a message: MTI, bitmap, fields (no length, TPDU or header).
 * Errors: `invalid_mti`, `unknown_property`, `invalid_value`, `length_out_of_range`.
 */
export function pack(message: CupMessage, options?: PackOptions): Result<Uint8Array> {
  const packed = packCup(message, 0, options);
  if (!packed.ok) return packed;
  const { buffer, start, end } = packed.value;
  // The buffer belongs to this call alone, so a view of it is the result.
  return succeed(buffer.subarray(start, end));
}

/** The error without the partial message, for callers that report no partial read. */
export function withoutPartial(error: CodecError): CodecError {
  const { fieldPath, reason, detail, offset } = error;
  const base = { fieldPath, reason, detail };
  return offset === undefined ? base : { ...base, offset };
}

/**
 * Unpacks a message (MTI to the last field, no framing); every byte must belong to it.
 * Errors: `truncated`, `trailing_bytes`, `invalid_mti`, `unknown_field`, `invalid_digit`,
 * `invalid_text`, `invalid_length_prefix`, `length_out_of_range`.
 */
export function unpack(bytes: Uint8Array): Result<CupMessage, UnpackError> {
  const unpacked = unpackMessage(cupDialect, bytes, 0, bytes.length);
  if (!unpacked.ok) return unpacked;
  return succeed(unpacked.value.message);
}

/**
 * The MAC input of a packed message: from the MTI to the end of the last field before 64,
 * exactly as sent. Errors: those of `unpack`, and `mac_absent` when bit 64 is not set.
 */
export function macInput(messageBytes: Uint8Array): Result<Uint8Array, UnpackError> {
  const unpacked = unpackMessage(cupDialect, messageBytes, 0, messageBytes.length);
  if (!unpacked.ok) return fail(withoutPartial(unpacked.error));
  const { macStart } = unpacked.value;
  if (macStart === undefined) {
    return fail({ fieldPath: ['64'], reason: 'mac_absent', detail: 'bit 64 is not set' });
  }
  return succeed(copyBytes(messageBytes, 0, macStart));
}
