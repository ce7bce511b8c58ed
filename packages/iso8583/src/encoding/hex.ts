// Hexadecimal text of bytes (uppercase), for JSON forms, TPDU addresses and descriptions.

const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).toUpperCase().padStart(2, '0'),
);

export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += BYTE_HEX[byte] ?? '';
  return text;
}

/** Parses hex text (either case, no separators); undefined when odd-length or not hex. */
export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let index = 0; index < bytes.length; index++) {
    bytes[index] = Number.parseInt(text.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}
