// Goal: the host writes the 24/40/60-byte key forms of §8 exactly. Method: vectors, examples.
import { describe as group, expect, it } from 'vitest';
import { loadVector } from '../test/vectors.ts';
import { readWorkingKeys, toHex, writeWorkingKeys } from './index.ts';

const bytes = (length: number, first: number) =>
  Uint8Array.from({ length }, (_, index) => first + index);

group('working keys', () => {
  it('writes each sign-in vector form byte for byte from its keys', () => {
    for (const name of ['sign-in-0810-001', 'sign-in-0810-003', 'sign-in-0810-004']) {
      const field = loadVector(name).frame.message.workingKeys ?? new Uint8Array();
      const keys = readWorkingKeys(field);
      const again = keys.ok ? writeWorkingKeys(keys.value) : undefined;
      expect(again?.ok && toHex(again.value), name).toBe(toHex(field));
    }
  });

  it('writes a double-length MAC key whole in its slot', () => {
    const keys = {
      pinKey: bytes(16, 1),
      pinKeyCheck: bytes(4, 0x40),
      macKey: bytes(16, 0x50),
      macKeyCheck: bytes(4, 0x70),
    };
    const written = writeWorkingKeys(keys);
    const back = written.ok ? readWorkingKeys(written.value) : undefined;
    expect(back?.ok && back.value).toEqual(keys);
  });

  it('refuses sizes that fit no form', () => {
    const check = bytes(4, 0);
    const single = { pinKey: bytes(8, 0), pinKeyCheck: check, macKeyCheck: check };
    expect(writeWorkingKeys({ ...single, macKey: bytes(16, 0) }).ok).toBe(false);
    expect(writeWorkingKeys({ ...single, macKey: bytes(8, 0), pinKeyCheck: bytes(3, 0) }).ok).toBe(
      false,
    );
    expect(writeWorkingKeys({ ...single, pinKey: bytes(12, 0), macKey: bytes(8, 0) }).ok).toBe(
      false,
    );
  });
});
