// BER-TLV of EMV chip data (field 55): read a flat list of tag/value items, write one back,
// find a tag. Constructed values (templates) stay raw; read them again with `readTlv`.
import { type CodecError, fail, type Result, succeed } from './codec-error.ts';
import { copyBytes } from './encoding/bytes.ts';
import { fromHex, toHex } from './encoding/hex.ts';
import { cupDialect } from './spec/cup.ts';

export interface TlvItem {
  /** Tag as uppercase hex, e.g. `9F26`. */
  readonly tag: string;
  readonly value: Uint8Array;
}

const CHIP_FIELD = String(cupDialect.numberOfKey.get('chipData'));
const TAG_BYTES_MAX = 4;

function tlvError(detail: string, tag?: string, offset?: number): CodecError {
  const fieldPath = tag === undefined ? [CHIP_FIELD] : [CHIP_FIELD, tag];
  return offset === undefined
    ? { fieldPath, reason: 'invalid_tlv', detail }
    : { fieldPath, reason: 'invalid_tlv', detail, offset };
}

/** Tag length at `start`: one byte, or more when the low 5 bits are all set (EMV Book 3 B1). */
function tagLength(bytes: Uint8Array, start: number): number {
  if (((bytes[start] ?? 0) & 0x1f) !== 0x1f) return 1;
  let length = 1;
  while (start + length < bytes.length && ((bytes[start + length] ?? 0) & 0x80) !== 0) length++;
  return length + 1;
}

/** Value length and the size of its encoding (`0x81 xx`, `0x82 xx xx` …), or undefined. */
function valueLength(bytes: Uint8Array, start: number): [number, number] | undefined {
  const first = bytes[start];
  if (first === undefined) return undefined;
  if (first < 0x80) return [first, 1];
  const count = first & 0x7f;
  if (count === 0 || count > 3 || start + 1 + count > bytes.length) return undefined;
  let length = 0;
  for (let index = 1; index <= count; index++) length = length * 256 + (bytes[start + index] ?? 0);
  return [length, 1 + count];
}

/**
 * Reads TLV items; `00` filler bytes between items are skipped. Error: `invalid_tlv` (fieldPath
 * names the tag when it was read), never a read past the end.
 */
export function readTlv(bytes: Uint8Array): Result<TlvItem[]> {
  const items: TlvItem[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at] === 0x00) {
      at++;
      continue;
    }
    const tagBytes = tagLength(bytes, at);
    if (tagBytes > TAG_BYTES_MAX || at + tagBytes > bytes.length) {
      return fail(tlvError('tag runs past the end', undefined, at));
    }
    const tag = toHex(bytes.subarray(at, at + tagBytes));
    const length = valueLength(bytes, at + tagBytes);
    if (length === undefined) return fail(tlvError('bad length', tag, at));
    const start = at + tagBytes + length[1];
    const end = start + length[0];
    if (end > bytes.length) return fail(tlvError('value runs past the end', tag, at));
    items.push({ tag, value: copyBytes(bytes, start, end) });
    at = end;
  }
  return succeed(items);
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length < 0x100) return [0x81, length];
  if (length < 0x10000) return [0x82, length >> 8, length & 0xff];
  return [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
}

function checkTag(tag: string): Uint8Array | undefined {
  const bytes = fromHex(tag);
  if (bytes === undefined || bytes.length === 0 || bytes.length > TAG_BYTES_MAX) return undefined;
  if (tag !== tag.toUpperCase() || tagLength(bytes, 0) !== bytes.length) return undefined;
  return bytes;
}

/** Writes TLV items in the order given. Error: `invalid_tlv` for a malformed tag or value. */
export function writeTlv(items: readonly TlvItem[]): Result<Uint8Array> {
  const parts: number[] = [];
  for (const item of items) {
    const tag = checkTag(item.tag);
    if (tag === undefined) return fail(tlvError('tag is not 1-4 bytes of uppercase hex'));
    if (!(item.value instanceof Uint8Array) || item.value.length > 0xffffff) {
      return fail(tlvError('value must be bytes', item.tag));
    }
    parts.push(...tag, ...encodeLength(item.value.length), ...item.value);
  }
  return succeed(Uint8Array.from(parts));
}

/** The value of the first item with `tag`, if any. */
export function findTlv(items: readonly TlvItem[], tag: string): Uint8Array | undefined {
  const wanted = tag.toUpperCase();
  return items.find((item) => item.tag === wanted)?.value;
}
