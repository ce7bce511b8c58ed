// GBK text (field 63 carries Chinese answer texts): ASCII stays one byte, other characters take the
// two-byte GBK code. The encoder is the inverse of the platform's GBK decoder, built on first use.
import { TextDecoder } from 'node:util';

// Built on first use: a Node without full ICU has no GBK decoder, and then only non-ASCII text
// in field 63 fails, not the import.
let decoder: TextDecoder | undefined;
let encodeTable: Map<number, number> | undefined;

function gbkDecoder(): TextDecoder {
  decoder ??= new TextDecoder('gbk', { fatal: true });
  return decoder;
}

function buildEncodeTable(): Map<number, number> {
  const decoder = gbkDecoder();
  const table = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      let char: string;
      try {
        char = decoder.decode(pair);
      } catch {
        continue;
      }
      const code = char.length === 1 ? char.charCodeAt(0) : -1;
      // The first code wins, so every character has exactly one encoding.
      if (code >= 0x80 && !table.has(code)) table.set(code, (lead << 8) | trail);
    }
  }
  return table;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

/** Byte length of `text` in GBK, or undefined when a character has no GBK code. */
export function gbkByteLength(text: string): number | undefined {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) length += 1;
    else if (lookup(code) === undefined) return undefined;
    else length += 2;
  }
  return length;
}

function lookup(code: number): number | undefined {
  encodeTable ??= buildEncodeTable();
  return encodeTable.get(code);
}

/** Writes `text` as GBK at `start`; the caller has checked it with `gbkByteLength`. */
export function writeGbk(target: Uint8Array, start: number, text: string): void {
  let out = start;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      target[out++] = code;
      continue;
    }
    const gbk = lookup(code) ?? 0x3f3f;
    target[out++] = gbk >> 8;
    target[out++] = gbk & 0xff;
  }
}

/**
 * Decodes GBK bytes; undefined when they are not GBK, or when writing the text back would not
 * give the same bytes (so every text read is written back byte-exact).
 */
export function readGbk(bytes: Uint8Array, start: number, count: number): string | undefined {
  const slice = bytes.subarray(start, start + count);
  if (isAscii(slice)) {
    let text = '';
    for (const byte of slice) text += String.fromCharCode(byte);
    return text;
  }
  let text: string;
  try {
    text = gbkDecoder().decode(slice);
  } catch {
    return undefined;
  }
  if (gbkByteLength(text) !== count) return undefined;
  const again = new Uint8Array(count);
  writeGbk(again, 0, text);
  for (let index = 0; index < count; index++) if (again[index] !== slice[index]) return undefined;
  return text;
}
