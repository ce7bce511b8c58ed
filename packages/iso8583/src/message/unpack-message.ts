// Unpacks one message with a dialect's table. Reading never passes the end; after a field whose
// content is wrong but whose extent is known it goes on, so later ids (41, 42) can still be read.
import { type CodecError, fail, type Result, succeed } from '../codec-error.ts';
import { readBcd } from '../encoding/bcd.ts';
import { Cursor } from '../field/cursor.ts';
import { Failure, structuralFailure } from '../field/failure.ts';
import type { Dialect, HasMti } from '../spec/dialect.ts';
import type { Draft, MessageContext } from '../spec/layout.ts';
import { readBitmap } from './bitmap.ts';

export interface UnpackedMessage<M> {
  readonly message: M;
  /** Offset in the input where the MAC field starts, when present. */
  readonly macStart: number | undefined;
}

export interface MessageUnpackError<M> extends CodecError {
  /** The dialect's partial keys that were read before or despite the failure. */
  readonly partial?: Partial<M>;
}

function readMti(cursor: Cursor): string {
  const start = cursor.take(2, 'mti');
  const mti = readBcd(cursor.bytes, start, 4, 'right');
  if (mti === undefined) throw structuralFailure('invalid_mti', 'mti is not 4 BCD digits');
  return mti;
}

function toError(failure: Failure, path: readonly string[], offset: number): CodecError {
  return {
    fieldPath: [...path, ...failure.path],
    reason: failure.reason,
    detail: failure.detail,
    offset,
  };
}

function pickPartial<M extends HasMti>(
  dialect: Dialect<M>,
  message: Draft<M>,
): Partial<M> | undefined {
  if (message.mti === undefined) return undefined;
  const partial: Partial<M> = {};
  for (const key of dialect.partialKeys) {
    if (message[key] !== undefined) partial[key] = message[key];
  }
  return partial;
}

interface FieldsOutcome {
  readonly error: CodecError | undefined;
  readonly macStart: number | undefined;
}

interface ReadState<M> {
  readonly cursor: Cursor;
  readonly message: Draft<M>;
  readonly context: MessageContext;
}

/** Reads one field; a content failure is recorded and reading goes on. Returns a stop error. */
function readField<M extends HasMti>(
  dialect: Dialect<M>,
  fieldNumber: number,
  state: ReadState<M>,
  outcome: { firstError: CodecError | undefined; macStart: number | undefined },
): CodecError | undefined {
  const { cursor } = state;
  const fieldStart = cursor.offset;
  const spec = dialect.byNumber[fieldNumber];
  if (spec === undefined) {
    const failure = structuralFailure('unknown_field', `field ${fieldNumber} is not known`);
    return toError(failure, [String(fieldNumber)], fieldStart);
  }
  if (fieldNumber === dialect.macField) outcome.macStart = fieldStart;
  try {
    spec.read(cursor, state.message, state.context);
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    const codecError = toError(error, [String(fieldNumber)], fieldStart);
    if (error.structural) return codecError;
    outcome.firstError ??= codecError;
  }
  return undefined;
}

function readFields<M extends HasMti>(
  dialect: Dialect<M>,
  cursor: Cursor,
  message: Draft<M>,
  mti: string,
): FieldsOutcome {
  const state = { cursor, message, context: { mti } };
  const outcome = {
    firstError: undefined as CodecError | undefined,
    macStart: undefined as number | undefined,
  };
  const bitmapStart = cursor.offset;
  const bitmapBytes = readBitmap(cursor);
  const { bytes } = cursor;
  for (let index = 0; index < bitmapBytes; index++) {
    const byte = bytes[bitmapStart + index] ?? 0;
    for (let bit = index === 0 ? 1 : 0; byte !== 0 && bit < 8; bit++) {
      if ((byte & (0x80 >> bit)) === 0) continue;
      const stop = readField(dialect, index * 8 + bit + 1, state, outcome);
      if (stop !== undefined) return { error: stop, macStart: outcome.macStart };
    }
  }
  return { error: outcome.firstError, macStart: outcome.macStart };
}

/** Unpacks the message in `bytes[start, end)`; every byte of the range must belong to it. */
export function unpackMessage<M extends HasMti>(
  dialect: Dialect<M>,
  bytes: Uint8Array,
  start: number,
  end: number,
): Result<UnpackedMessage<M>, MessageUnpackError<M>> {
  const cursor = new Cursor(bytes, start, end);
  const message: Draft<M> & { mti?: string } = {};
  let error: CodecError | undefined;
  let macStart: number | undefined;
  try {
    const mti = readMti(cursor);
    message.mti = mti;
    ({ error, macStart } = readFields(dialect, cursor, message, mti));
  } catch (thrown) {
    if (!(thrown instanceof Failure)) throw thrown;
    const path = message.mti === undefined ? ['mti'] : ['bitmap'];
    error = toError(thrown, path, cursor.offset);
  }
  if (error === undefined && cursor.offset !== end) {
    const detail = `${end - cursor.offset} bytes after the last field`;
    error = { fieldPath: ['message'], reason: 'trailing_bytes', detail, offset: cursor.offset };
  }
  if (error !== undefined) {
    const partial = pickPartial(dialect, message);
    return fail(partial === undefined ? error : { ...error, partial });
  }
  // Every field the bitmap named was read, and the MTI is set: the draft is whole.
  return succeed({ message: message as M, macStart });
}
