// Goal: ISO 9564 format 0 blocks are formed and recognised exactly. Method: published worked
// examples, hand-derived blocks, refusal of each malformed nibble, and a round-trip property.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { clearPinBlockOf, isFormat0PinBlock, isValidPan, isValidPin } from './pin-block.ts';
import { hex, pinOfFormat0Block, toHex } from './test-support.ts';

describe('format 0 PIN blocks', () => {
  it('published example: PIN 1234, PAN 43219876543210987 → 0412AC89ABCDEF67', () => {
    expect(toHex(clearPinBlockOf('1234', '43219876543210987'))).toBe('0412AC89ABCDEF67');
  });

  it('PIN 1234, PAN 4111111111111111: 041234FFFFFFFFFF ⊕ 0000111111111111', () => {
    // The PAN without its check digit is 411111111111111; its 12 rightmost digits 111111111111.
    expect(toHex(clearPinBlockOf('1234', '4111111111111111'))).toBe('041225EEEEEEEEEE');
  });

  it('published example: PIN 123456, PAN 4217123412341234 → 06124575BEDCBEDC', () => {
    expect(toHex(clearPinBlockOf('123456', '4217123412341234'))).toBe('06124575BEDCBEDC');
  });

  it('12-digit PIN fills the block; 19-digit PAN uses its 12 digits before the check digit', () => {
    // 0C123456789012FF ⊕ 0000020011223344 (PAN 622202020011223344|5 → 020011223344).
    const block = clearPinBlockOf('123456789012', '6222020200112233445');
    expect(toHex(block)).toBe('0C123656 69B221BB'.replace(' ', ''));
    expect(pinOfFormat0Block(block, '6222020200112233445')).toBe('123456789012');
  });

  it('recognises what it forms, and refuses each kind of malformed block', () => {
    const pan = '4111111111111111';
    const panField = hex('0000111111111111');
    const xorPan = (pinField: string) =>
      Buffer.from(hex(pinField).map((byte, i) => byte ^ (panField[i] ?? 0)));
    expect(isFormat0PinBlock(xorPan('041234FFFFFFFFFF'), pan)).toBe(true);
    expect(isFormat0PinBlock(xorPan('141234FFFFFFFFFF'), pan)).toBe(false); // format 1 nibble
    expect(isFormat0PinBlock(xorPan('03123FFFFFFFFFFF'), pan)).toBe(false); // too short
    expect(isFormat0PinBlock(xorPan('0D1234567890123F'), pan)).toBe(false); // too long
    expect(isFormat0PinBlock(xorPan('04123AFFFFFFFFFF'), pan)).toBe(false); // non-digit
    expect(isFormat0PinBlock(xorPan('041234FFFFFFFFFE'), pan)).toBe(false); // bad fill
    expect(isFormat0PinBlock(xorPan('041234FFFFFFFFFF'), '4111111111111112')).toBe(true);
    expect(isFormat0PinBlock(xorPan('041234FFFFFFFFFF'), '5111111111111111')).toBe(true);
    expect(isFormat0PinBlock(xorPan('041234FFFFFFFFFF'), '4111111111111121')).toBe(false);
    expect(isFormat0PinBlock(Buffer.alloc(7), pan)).toBe(false);
  });

  test.prop([fc.stringMatching(/^[0-9]{4,12}$/), fc.stringMatching(/^[0-9]{13,19}$/)])(
    'any PIN and PAN: the block is format 0 and gives the PIN back',
    (pin, pan) => {
      const block = clearPinBlockOf(pin, pan);
      expect(isFormat0PinBlock(block, pan)).toBe(true);
      expect(pinOfFormat0Block(block, pan)).toBe(pin);
    },
  );

  it('validates PIN and PAN shapes', () => {
    expect(isValidPin('1234')).toBe(true);
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('1234567890123')).toBe(false);
    expect(isValidPin('12a4')).toBe(false);
    expect(isValidPan('4111111111111111')).toBe(true);
    expect(isValidPan('411111111111')).toBe(false);
    expect(isValidPan('41111111111111111111')).toBe(false);
    expect(isValidPan('4111 1111 1111 1111')).toBe(false);
  });
});
