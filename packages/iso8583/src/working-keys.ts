// Working keys in a sign-in answer (shared/cup-8583.md §8): PIN key, MAC key and track key, each
// encrypted under the TMK and followed by a 4-byte check value. Reads every form terminals meet.
import { type CodecError, fail, type Result, succeed } from './codec-error.ts';
import { copyBytes } from './encoding/bytes.ts';
import { cupDialect } from './spec/cup.ts';

export interface WorkingKeys {
  /** PIN key under the TMK: 8 bytes (`001`) or 16. */
  readonly pinKey: Uint8Array;
  readonly pinKeyCheck: Uint8Array;
  /** MAC key under the TMK: 8 bytes, or 16 when its slot holds a real double-length key. */
  readonly macKey: Uint8Array;
  readonly macKeyCheck: Uint8Array;
  /** Track key (`004`), 16 bytes. */
  readonly trackKey?: Uint8Array;
  readonly trackKeyCheck?: Uint8Array;
}

const KEYS_FIELD = String(cupDialect.numberOfKey.get('workingKeys'));
const CHECK_BYTES = 4;

/** Key slot sizes by total length: [PIN key, MAC key slot, track key]. */
const FORMS: ReadonlyMap<number, readonly [number, number, number]> = new Map([
  [24, [8, 8, 0]], // 001: single-length keys
  [40, [16, 16, 0]], // 003: MAC slot of 16 (single-length MAC + 8 zero bytes, or double)
  [32, [16, 8, 0]], // 003 from vendors with an 8-byte MAC slot
  [60, [16, 16, 16]], // 004: 003 + track key
  [52, [16, 8, 16]], // 004 with an 8-byte MAC slot
]);

function invalid(detail: string): CodecError {
  return { fieldPath: [KEYS_FIELD], reason: 'invalid_value', detail };
}

function isZero(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0);
}

/** Splits the working-keys bytes. Error: `invalid_value` for a length no form has. */
export function readWorkingKeys(bytes: Uint8Array): Result<WorkingKeys> {
  const form = FORMS.get(bytes.length);
  if (form === undefined) return fail(invalid(`no working-key form is ${bytes.length} bytes`));
  const [pinBytes, macSlot, trackBytes] = form;
  let at = 0;
  const take = (count: number): Uint8Array => copyBytes(bytes, at, (at += count));
  const pinKey = take(pinBytes);
  const pinKeyCheck = take(CHECK_BYTES);
  const slot = take(macSlot);
  const macKeyCheck = take(CHECK_BYTES);
  // A 16-byte slot whose second half is zero holds a single-length MAC key.
  const macKey = macSlot === 16 && isZero(slot.subarray(8)) ? slot.slice(0, 8) : slot;
  const keys = { pinKey, pinKeyCheck, macKey, macKeyCheck };
  if (trackBytes === 0) return succeed(keys);
  const trackKey = take(trackBytes);
  return succeed({ ...keys, trackKey, trackKeyCheck: take(CHECK_BYTES) });
}

function sizeIs(value: unknown, sizes: readonly number[]): value is Uint8Array {
  return value instanceof Uint8Array && sizes.includes(value.length);
}

/**
 * Writes the host's form: 24 bytes with an 8-byte PIN key, else 40 (60 with a track key) with
 * the MAC key in a 16-byte slot (a single-length one followed by 8 zero bytes).
 * Error: `invalid_value` for key or check sizes that fit no form.
 */
export function writeWorkingKeys(keys: WorkingKeys): Result<Uint8Array> {
  const { pinKey, pinKeyCheck, macKey, macKeyCheck, trackKey, trackKeyCheck } = keys;
  const checks = [pinKeyCheck, macKeyCheck, ...(trackKey === undefined ? [] : [trackKeyCheck])];
  if (!checks.every((check) => sizeIs(check, [CHECK_BYTES]))) {
    return fail(invalid('check values must be 4 bytes'));
  }
  if (sizeIs(pinKey, [8])) {
    if (!sizeIs(macKey, [8]) || trackKey !== undefined) {
      return fail(invalid('single-length keys come without a track key, MAC key 8 bytes'));
    }
    return succeed(Uint8Array.from([...pinKey, ...pinKeyCheck, ...macKey, ...macKeyCheck]));
  }
  if (!sizeIs(pinKey, [16]) || !sizeIs(macKey, [8, 16])) {
    return fail(invalid('PIN key must be 8 or 16 bytes, MAC key 8 or 16'));
  }
  if (trackKey !== undefined && !sizeIs(trackKey, [16])) {
    return fail(invalid('track key must be 16 bytes'));
  }
  const slot = new Uint8Array(16);
  slot.set(macKey);
  const track = trackKey === undefined ? [] : [...trackKey, ...(trackKeyCheck ?? [])];
  return succeed(Uint8Array.from([...pinKey, ...pinKeyCheck, ...slot, ...macKeyCheck, ...track]));
}
