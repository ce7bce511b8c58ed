// Track data (type z) as nibbles: digits, `=` for the separator nibble D, and A–F for the other
// nibbles that encrypted tracks may hold. Left-aligned; an odd count gets a `0` pad nibble.

const NIBBLE_TEXT = '0123456789ABC=EF';

/** Text of both nibbles of each byte. */
const BYTE_TEXT: readonly string[] = Array.from(
  { length: 256 },
  (_, byte) => NIBBLE_TEXT.charAt(byte >> 4) + NIBBLE_TEXT.charAt(byte & 0x0f),
);

/** Nibble value of each character code accepted on write; -1 for the rest. */
const NIBBLE_OF: readonly number[] = Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  if (char === 'D') return 0x0d;
  return NIBBLE_TEXT.indexOf(char);
});

export function readTrack(bytes: Uint8Array, start: number, nibbleCount: number): string {
  let text = '';
  const end = start + (nibbleCount >> 1);
  for (let index = start; index < end; index++) text += BYTE_TEXT[bytes[index] ?? 0] ?? '';
  if ((nibbleCount & 1) === 1) text += NIBBLE_TEXT.charAt((bytes[end] ?? 0) >> 4);
  return text;
}

/** Writes track text (`=` or `D` for the separator); false when a character is not a nibble. */
export function writeTrack(target: Uint8Array, start: number, text: string): boolean {
  let valid = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let nibble = code < 128 ? (NIBBLE_OF[code] ?? -1) : -1;
    if (nibble < 0) {
      valid = false;
      nibble = 0;
    }
    const at = start + (index >> 1);
    if ((index & 1) === 0) target[at] = nibble << 4;
    else target[at] = (target[at] ?? 0) | nibble;
  }
  return valid;
}
