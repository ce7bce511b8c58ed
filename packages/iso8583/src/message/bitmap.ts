// Primary and secondary bitmaps: bit 1 of the primary says a secondary follows, and the packer
// writes a secondary only when a field above 64 is present.
import type { Cursor } from '../field/cursor.ts';

/** Bitmap bytes being built: a plain array is cheaper than a typed one for 16 bytes. */
export type BitmapBytes = number[];

export function emptyBitmap(): BitmapBytes {
  return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
}

export function setBit(bitmap: BitmapBytes, fieldNumber: number): void {
  const index = (fieldNumber - 1) >> 3;
  bitmap[index] = (bitmap[index] ?? 0) | (0x80 >> ((fieldNumber - 1) & 7));
}

export function hasSecondaryFields(bitmap: BitmapBytes): boolean {
  for (let index = 8; index < 16; index++) if (bitmap[index] !== 0) return true;
  return false;
}

/**
 * Reads the primary bitmap and, when its bit 1 is set, the secondary one. Returns the number of
 * bitmap bytes (8 or 16); they start where the cursor stood.
 */
export function readBitmap(cursor: Cursor): number {
  const primary = cursor.take(8, 'primary bitmap');
  if (((cursor.bytes[primary] ?? 0) & 0x80) === 0) return 8;
  cursor.take(8, 'secondary bitmap');
  return 16;
}

/** Field numbers 2–128 whose bits are set, in order (bit 1 itself is not a field). */
export function listFields(bytes: Uint8Array, start: number, byteCount: number): number[] {
  const fields: number[] = [];
  for (let index = 0; index < byteCount; index++) {
    const byte = bytes[start + index] ?? 0;
    if (byte === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      const fieldNumber = index * 8 + bit + 1;
      if ((byte & (0x80 >> bit)) !== 0 && fieldNumber !== 1) fields.push(fieldNumber);
    }
  }
  return fields;
}
