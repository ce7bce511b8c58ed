// Byte arrays for packed messages and decoded binary fields, carved from shared zero-filled slabs:
// allocating typed arrays one by one is slow in V8, and codec output is many small arrays.

const SLAB_BYTES = 64 * 1024;
/** Larger arrays get their own memory rather than a slab. */
const SLAB_ITEM_MAX = 4 * 1024;

// A slab is never reused: once full, the next one is new (zero-filled) memory, and the old one
// lives as long as some array still views it. So no array ever sees another's bytes.
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** A plain, zero-filled Uint8Array of `length` bytes that shares no byte with any other. */
export function allocBytes(length: number): Uint8Array {
  if (length > SLAB_ITEM_MAX) return new Uint8Array(length);
  if (slabUsed + length > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const bytes = new Uint8Array(slab, slabUsed, length);
  // Keep the next array 8-byte aligned.
  slabUsed += (length + 7) & ~7;
  return bytes;
}

/** A copy of `source[start, end)` as a plain Uint8Array that shares nothing with `source`. */
export function copyBytes(source: Uint8Array, start: number, end: number): Uint8Array {
  const length = end - start;
  const copy = allocBytes(length);
  if (length > 64) {
    copy.set(source.subarray(start, end));
    return copy;
  }
  // A plain loop beats creating a subarray view for the short fields of a message.
  for (let index = 0; index < length; index++) copy[index] = source[start + index] ?? 0;
  return copy;
}
