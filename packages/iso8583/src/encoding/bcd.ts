// BCD digit strings: two decimal digits per byte, left- or right-aligned, with one pad nibble
// when the count is odd. Reading ignores the pad nibble's value (terminals send `0` or `F`).

export type Alignment = 'left' | 'right';

/** Two-digit text of each byte whose nibbles are both decimal; '' for every other byte. */
const PAIRS: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  byte >> 4 <= 9 && (byte & 0x0f) <= 9 ? String(byte >> 4) + String(byte & 0x0f) : '',
);

export function bcdByteCount(digitCount: number): number {
  return (digitCount + 1) >> 1;
}

/**
 * Reads `digitCount` decimal digits from `bcdByteCount(digitCount)` bytes at `start`.
 * Returns undefined when a digit nibble is not 0–9.
 */
export function readBcd(
  bytes: Uint8Array,
  start: number,
  digitCount: number,
  align: Alignment,
): string | undefined {
  const odd = (digitCount & 1) === 1;
  let text = '';
  let index = start;
  let end = start + (digitCount >> 1);
  if (odd && align === 'right') {
    const low = (bytes[index] ?? 0xff) & 0x0f;
    if (low > 9) return undefined;
    text = String(low);
    index += 1;
    end += 1;
  }
  for (; index < end; index++) {
    const pair = PAIRS[bytes[index] ?? 0xff] ?? '';
    if (pair === '') return undefined;
    text += pair;
  }
  if (odd && align === 'left') {
    const high = (bytes[index] ?? 0xff) >> 4;
    if (high > 9) return undefined;
    text += String(high);
  }
  return text;
}

/**
 * Writes the decimal digits of `digits` at `start` with a `0` pad nibble when the count is odd.
 * Returns false (having written garbage) when a character is not 0–9.
 */
export function writeBcd(
  target: Uint8Array,
  start: number,
  digits: string,
  align: Alignment,
): boolean {
  const count = digits.length;
  let valid = true;
  let out = start;
  let index = 0;
  if ((count & 1) === 1 && align === 'right') {
    const digit = digits.charCodeAt(0) - 48;
    valid = digit >= 0 && digit <= 9;
    target[out++] = digit;
    index = 1;
  }
  for (; index + 1 < count; index += 2) {
    const high = digits.charCodeAt(index) - 48;
    const low = digits.charCodeAt(index + 1) - 48;
    if (high < 0 || high > 9 || low < 0 || low > 9) valid = false;
    target[out++] = (high << 4) | low;
  }
  if (index < count) {
    const digit = digits.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) valid = false;
    target[out] = digit << 4;
  }
  return valid;
}
