// ISO 9564 format 0 PIN blocks (ANSI X9.8, cup-8583.md §7): `0`, PIN length, PIN digits, `F`
// fill to 16 nibbles, XORed with `0000` + the 12 rightmost PAN digits excluding the check digit.
import { xorBytes } from './bytes.ts';

export const PIN_BLOCK_BYTES = 8;

const PAN_PATTERN = /^[0-9]{13,19}$/;
const PIN_PATTERN = /^[0-9]{4,12}$/;

export function isValidPan(pan: string): boolean {
  return typeof pan === 'string' && PAN_PATTERN.test(pan);
}

export function isValidPin(pin: string): boolean {
  return typeof pin === 'string' && PIN_PATTERN.test(pin);
}

/** `0000` + 12 rightmost PAN digits excluding the check digit, as 8 bytes. PAN must be valid. */
export function panBlockOf(pan: string): Buffer {
  const digits = pan.slice(0, -1).slice(-12);
  return Buffer.from(`0000${digits}`, 'hex');
}

/** The clear format 0 block. PIN and PAN must have been validated by the caller. */
export function clearPinBlockOf(pin: string, pan: string): Buffer {
  const pinField = `0${pin.length.toString(16)}${pin}`.padEnd(16, 'F');
  return xorBytes(Buffer.from(pinField, 'hex'), panBlockOf(pan));
}

/**
 * True when a decrypted block is format 0 for this PAN: first nibble 0, length 4–12, that many
 * decimal digits, then only `F`. Every nibble is examined whatever the outcome.
 */
export function isFormat0PinBlock(clearBlock: Uint8Array, pan: string): boolean {
  if (clearBlock.length !== PIN_BLOCK_BYTES || !isValidPan(pan)) return false;
  const pinField = xorBytes(clearBlock, panBlockOf(pan));
  const nibbles: number[] = [];
  for (const byte of pinField) nibbles.push(byte >> 4, byte & 0x0f);
  pinField.fill(0);
  const length = nibbles[1] ?? 0;
  let valid = nibbles[0] === 0 && length >= 4 && length <= 12;
  for (let i = 2; i < 16; i++) {
    const nibble = nibbles[i] ?? 0;
    valid = (i < 2 + length ? nibble <= 9 : nibble === 0x0f) && valid;
  }
  nibbles.fill(0);
  return valid;
}
