// A read position over a byte range; every read goes through `take`, so nothing reads past the end.
import { structuralFailure } from './failure.ts';

export class Cursor {
  readonly bytes: Uint8Array;
  offset: number;
  readonly end: number;

  constructor(bytes: Uint8Array, offset: number, end: number) {
    this.bytes = bytes;
    this.offset = offset;
    this.end = end;
  }

  /** Advances past `count` bytes, returning where they start; too few left is structural. */
  take(count: number, what: string): number {
    const start = this.offset;
    const left = this.end - start;
    if (count > left) {
      throw structuralFailure('truncated', `${what} needs ${count} bytes, ${left} left`);
    }
    this.offset = start + count;
    return start;
  }
}
