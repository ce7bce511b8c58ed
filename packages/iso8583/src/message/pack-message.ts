// Packs one message — MTI, bitmaps, then each present field in number order — with a dialect's
// table. Space for a frame prefix can be reserved in front so framing costs no extra copy.
import { type CodecError, fail, type Result, succeed } from '../codec-error.ts';
import { writeBcd } from '../encoding/bcd.ts';
import { ByteWriter } from '../field/byte-writer.ts';
import { Failure } from '../field/failure.ts';
import type { Dialect, FieldSpec, HasMti } from '../spec/dialect.ts';
import { type BitmapBytes, emptyBitmap, hasSecondaryFields, setBit } from './bitmap.ts';

export interface PackedMessage {
  /** Buffer holding `prefixBytes` free bytes at `start`, then the message up to `end`. */
  readonly buffer: Uint8Array;
  readonly start: number;
  readonly end: number;
  /** Offset in `buffer` where the MAC field starts, when present. */
  readonly macStart: number | undefined;
}

const MTI_AND_BITMAPS = 2 + 16;

function isMti(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 4) return false;
  for (let index = 0; index < 4; index++) {
    const code = value.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * Sets the bit of every field the message has a property for, refusing properties the table
 * does not know (JavaScript callers, objects spread in).
 */
function markFields<M extends HasMti>(dialect: Dialect<M>, message: M, bitmap: BitmapBytes): void {
  for (const key in message) {
    if (message[key] === undefined) continue;
    const fieldNumber = dialect.numberOfKey.get(key);
    if (fieldNumber === undefined) {
      throw new Failure('unknown_property', `${key} is not a ${dialect.name} field`, false, [key]);
    }
    if (fieldNumber !== 0) setBit(bitmap, fieldNumber);
  }
}

function toError(failure: Failure, fieldNumber: number): CodecError {
  const head = fieldNumber === 0 ? [] : [String(fieldNumber)];
  return { fieldPath: [...head, ...failure.path], reason: failure.reason, detail: failure.detail };
}

/** Packs `message`; the caller writes its frame prefix into the `prefixBytes` before `start`. */
export function packMessage<M extends HasMti>(
  dialect: Dialect<M>,
  message: M,
  prefixBytes: number,
): Result<PackedMessage> {
  let fieldNumber = 0;
  try {
    if (typeof message !== 'object' || message === null) {
      throw new Failure('invalid_value', 'the message must be an object', false, ['message']);
    }
    const { mti } = message;
    if (!isMti(mti)) throw new Failure('invalid_mti', 'mti must be 4 digits', false, ['mti']);
    const bitmap = emptyBitmap();
    markFields(dialect, message, bitmap);
    const context = { mti };
    const writer = new ByteWriter(256);
    writer.reserve(prefixBytes + MTI_AND_BITMAPS);
    let macStart: number | undefined;
    for (let index = 0; index < 16; index++) {
      const byte = bitmap[index] ?? 0;
      for (let bit = 0; byte !== 0 && bit < 8; bit++) {
        if ((byte & (0x80 >> bit)) === 0) continue;
        fieldNumber = index * 8 + bit + 1;
        if (fieldNumber === dialect.macField) macStart = writer.length;
        // markFields found a property of this field, so the spec exists and has a value.
        const spec = dialect.byNumber[fieldNumber] as FieldSpec<M>;
        const written = spec.write(writer, message, context);
        if (!written) throw new Error(`field ${fieldNumber} was marked but not written`);
      }
    }
    const secondary = hasSecondaryFields(bitmap);
    if (secondary) setBit(bitmap, 1);
    const messageStart = prefixBytes + (secondary ? 0 : 8);
    const { bytes } = writer;
    writeBcd(bytes, messageStart, mti, 'right');
    const bitmapBytes = secondary ? 16 : 8;
    for (let index = 0; index < bitmapBytes; index++) {
      bytes[messageStart + 2 + index] = bitmap[index] ?? 0;
    }
    const start = messageStart - prefixBytes;
    return succeed({ buffer: writer.bytes, start, end: writer.length, macStart });
  } catch (error) {
    if (error instanceof Failure) return fail(toError(error, fieldNumber));
    throw error;
  }
}
