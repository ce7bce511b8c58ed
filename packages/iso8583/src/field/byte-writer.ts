// A growable output buffer for packing: fields reserve space and write into it in place.
import { allocBytes, copyBytes } from '../encoding/bytes.ts';

export class ByteWriter {
  bytes: Uint8Array;
  length: number;

  constructor(capacity: number) {
    this.bytes = allocBytes(capacity);
    this.length = 0;
  }

  /** Makes room for `count` more bytes and returns the offset where they start. */
  reserve(count: number): number {
    const start = this.length;
    const needed = start + count;
    if (needed > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = allocBytes(capacity);
      grown.set(this.bytes.subarray(0, start));
      this.bytes = grown;
    }
    this.length = needed;
    return start;
  }

  /** A copy of the bytes written from `from` to the end. */
  copy(from: number): Uint8Array {
    return copyBytes(this.bytes, from, this.length);
  }
}
