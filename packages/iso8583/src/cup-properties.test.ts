// Goal: pack/unpack are inverse; no input makes them throw. Method: fast-check, mutated vectors.
import { fc, test } from '@fast-check/vitest';
import { describe as group, expect } from 'vitest';
import { frameArbitrary, messageArbitrary } from '../test/arbitraries.ts';
import { loadVectors, withFixedLength } from '../test/vectors.ts';
import {
  type CodecError,
  describe,
  fromJsonMessage,
  macInput,
  pack,
  packFrame,
  redactMessage,
  toHex,
  toJsonMessage,
  unpack,
  unpackFrame,
} from './index.ts';

const vectors = loadVectors();

function expectCodecError(error: CodecError): void {
  expect(Array.isArray(error.fieldPath)).toBe(true);
  expect(typeof error.reason).toBe('string');
  expect(typeof error.detail).toBe('string');
}

/** Reads `bytes` every way there is; any throw fails the property. */
function readAllWays(bytes: Uint8Array): void {
  for (const result of [unpack(bytes), unpackFrame(bytes), macInput(bytes)]) {
    if (!result.ok) expectCodecError(result.error);
  }
  const framed = unpackFrame(withFixedLength(bytes));
  if (!framed.ok) expectCodecError(framed.error);
  else describe(framed.value.message);
}

group('round trip', () => {
  test.prop([messageArbitrary], { numRuns: 3000 })('unpack(pack(m)) equals m', (message) => {
    const packed = pack(message);
    if (!packed.ok) throw new Error(JSON.stringify(packed.error));
    const unpacked = unpack(packed.value);
    if (!unpacked.ok) throw new Error(JSON.stringify(unpacked.error));
    expect(unpacked.value).toEqual(message);
  });

  test.prop([frameArbitrary], { numRuns: 1000 })('unpackFrame(packFrame(f)) equals f', (frame) => {
    const packed = packFrame(frame);
    if (!packed.ok) throw new Error(JSON.stringify(packed.error));
    const unpacked = unpackFrame(packed.value);
    if (!unpacked.ok) throw new Error(JSON.stringify(unpacked.error));
    const { macInput: input, ...rest } = unpacked.value;
    expect(rest).toEqual(frame);
    expect(input === undefined).toBe(frame.message.mac === undefined);
  });

  test.prop([messageArbitrary], { numRuns: 1000 })('the JSON form round-trips', (message) => {
    const back = fromJsonMessage(toJsonMessage(message));
    expect(back.ok && back.value).toEqual(message);
  });

  test.prop([messageArbitrary], { numRuns: 500 })('computeMac fills 64 over the MAC input', (m) => {
    let seen: Uint8Array | undefined;
    const packed = pack(m, {
      computeMac: (input) => {
        seen = input;
        return input.slice(0, 8);
      },
    });
    if (!packed.ok || seen === undefined) throw new Error('pack failed');
    const input = macInput(packed.value);
    expect(input.ok && toHex(input.value)).toBe(toHex(seen));
    const unpacked = unpack(packed.value);
    expect(unpacked.ok && toHex(unpacked.value.mac ?? new Uint8Array())).toBe(
      toHex(seen.slice(0, 8)),
    );
  });

  test.prop([messageArbitrary], { numRuns: 500 })('describe never shows a PAN or track', (m) => {
    const text = describe(m) + JSON.stringify(redactMessage(m));
    if (m.pan !== undefined && m.pan.length >= 13) {
      expect(text).not.toContain(m.pan);
    }
    if (m.track2 !== undefined && m.track2.length >= 13) expect(text).not.toContain(m.track2);
    if (m.pinBlock !== undefined) expect(text).not.toContain(toHex(m.pinBlock));
    if (m.mac !== undefined) expect(text).not.toContain(toHex(m.mac));
  });
});

group('reading any bytes never throws', () => {
  test.prop([fc.uint8Array({ maxLength: 400 })], { numRuns: 5000 })('random bytes', (bytes) => {
    readAllWays(bytes);
  });

  const requestMti = fc.constantFrom(0x0200, 0x0210, 0x0800, 0x0810, 0x0500, 0x0320, 0x0400);
  test.prop([requestMti, fc.uint8Array({ minLength: 8, maxLength: 300 })], { numRuns: 5000 })(
    'a valid MTI, then a random bitmap and fields',
    (mti, tail) => {
      readAllWays(Uint8Array.from([mti >> 8, mti & 0xff, ...tail]));
    },
  );

  const byte = fc.integer({ min: 0, max: 255 });
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: byte }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), value: byte }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: byte }),
    // Bitmap bytes of a frame sit at offsets 15–22.
    fc.record({
      kind: fc.constant('bitmap' as const),
      at: fc.integer({ min: 15, max: 22 }),
      value: byte,
    }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

  function applyMutation(bytes: Uint8Array, step: Mutation): Uint8Array {
    const at = step.at % Math.max(1, bytes.length);
    switch (step.kind) {
      case 'set':
      case 'bitmap': {
        const copy = bytes.slice();
        const old = copy[at] ?? 0;
        if (at < copy.length) copy[at] = step.kind === 'set' ? step.value : old ^ step.value;
        return copy;
      }
      case 'cut':
        return bytes.slice(0, at);
      case 'insert':
        return Uint8Array.from([...bytes.slice(0, at), step.value, ...bytes.slice(at)]);
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  }

  const vectorBytes = fc.constantFrom(...vectors.map((vector) => vector.bytes));
  test.prop([vectorBytes, fc.array(mutation, { minLength: 1, maxLength: 4 })], { numRuns: 5000 })(
    'mutated vectors, as frames and as bare messages',
    (original, steps) => {
      const bytes = steps.reduce(applyMutation, original);
      readAllWays(bytes);
      readAllWays(bytes.subarray(Math.min(13, bytes.length)));
    },
  );
});
