// Goal: the TCP stream splits into whole frames however it is chunked. Method: vectors, byte-wise.
import { fc, test } from '@fast-check/vitest';
import { describe as group, expect, it } from 'vitest';
import { loadVectors } from '../../test/vectors.ts';
import { toHex } from '../encoding/hex.ts';
import { FrameSplitter } from './frame-splitter.ts';

const frames = loadVectors().map((vector) => vector.bytes);
const stream = Uint8Array.from(frames.flatMap((frame) => [...frame]));

function split(splitter: FrameSplitter, chunk: Uint8Array): Uint8Array[] {
  const result = splitter.push(chunk);
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
}

group('FrameSplitter', () => {
  it('returns each frame, length included, when fed one byte at a time', () => {
    const splitter = new FrameSplitter({ frameLengthMax: 2048 });
    const out = [...stream].flatMap((byte) => split(splitter, Uint8Array.of(byte)));
    expect(out.map(toHex)).toEqual(frames.map(toHex));
    expect(splitter.bufferedByteCount).toBe(0);
  });

  test.prop([fc.array(fc.nat({ max: stream.length }), { maxLength: 20 })], { numRuns: 300 })(
    'returns the same frames for any chunking',
    (cuts) => {
      const points = [0, ...[...cuts].sort((a, b) => a - b), stream.length];
      const splitter = new FrameSplitter({ frameLengthMax: 2048 });
      const out = points
        .slice(1)
        .flatMap((end, index) => split(splitter, stream.subarray(points[index] ?? 0, end)));
      expect(out.map(toHex)).toEqual(frames.map(toHex));
    },
  );

  it('holds back a partial frame', () => {
    const splitter = new FrameSplitter({ frameLengthMax: 2048 });
    const first = frames[0] ?? new Uint8Array();
    expect(split(splitter, first.subarray(0, 5))).toEqual([]);
    expect(splitter.bufferedByteCount).toBe(5);
  });

  it('refuses a frame longer than the limit, and stays refused', () => {
    const splitter = new FrameSplitter({ frameLengthMax: 100 });
    const result = splitter.push(Uint8Array.of(0x00, 0x65));
    expect(result.ok ? 'ok' : result.error.reason).toBe('frame_too_large');
    expect(splitter.push(Uint8Array.of(0x00, 0x01, 0x00)).ok).toBe(false);
  });

  it('refuses a limit it cannot honour', () => {
    expect(() => new FrameSplitter({ frameLengthMax: 70_000 })).toThrow(RangeError);
  });
});
