// Splits a TCP byte stream into frames by their 2-byte length, chunk by chunk, holding at most
// one unfinished frame. A length above the limit poisons the splitter: the stream is lost.
import { type CodecError, fail, type Result, succeed } from '../codec-error.ts';
import { allocBytes, copyBytes } from '../encoding/bytes.ts';
import { FRAME_LENGTH_MAX, LENGTH_BYTES } from './frame.ts';

export interface FrameSplitterOptions {
  /** Largest length a frame may state (bytes after the length itself), at most 65535. */
  readonly frameLengthMax: number;
}

const EMPTY = new Uint8Array(0);

export class FrameSplitter {
  readonly #frameLengthMax: number;
  #pending: Uint8Array = EMPTY;
  #error: CodecError | undefined;

  constructor(options: FrameSplitterOptions) {
    const max = options.frameLengthMax;
    if (!Number.isInteger(max) || max < 0 || max > FRAME_LENGTH_MAX) {
      throw new RangeError(`frameLengthMax must be an integer in 0..${FRAME_LENGTH_MAX}`);
    }
    this.#frameLengthMax = max;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get bufferedByteCount(): number {
    return this.#pending.length;
  }

  /**
   * Adds a chunk and returns the frames it completes (each with its 2-byte length, ready for
   * `unpackFrame`). Error: `frame_too_large`; after it every push returns the same error.
   */
  push(chunk: Uint8Array): Result<Uint8Array[]> {
    if (this.#error !== undefined) return fail(this.#error);
    const data = this.#pending.length === 0 ? chunk : concat(this.#pending, chunk);
    const frames: Uint8Array[] = [];
    let at = 0;
    while (data.length - at >= LENGTH_BYTES) {
      const length = ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);
      if (length > this.#frameLengthMax) {
        const detail = `frame states ${length} bytes, limit ${this.#frameLengthMax}`;
        this.#error = { fieldPath: ['frame', 'length'], reason: 'frame_too_large', detail };
        this.#pending = EMPTY;
        return fail(this.#error);
      }
      const end = at + LENGTH_BYTES + length;
      if (end > data.length) break;
      frames.push(copyBytes(data, at, end));
      at = end;
    }
    this.#pending = at === data.length ? EMPTY : copyBytes(data, at, data.length);
    return succeed(frames);
  }
}

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array {
  const joined = allocBytes(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}
