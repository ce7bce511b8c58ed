// Loads the hand-written CUP test vectors (test-vectors/cup/<name>.hex + <name>.json) for tests.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CupHeader, Frame, JsonMessage, Tpdu } from '../src/index.ts';
import { fromHex, fromJsonMessage } from '../src/index.ts';

export const vectorDirectory = fileURLToPath(new URL('../test-vectors/cup/', import.meta.url));

export interface Vector {
  readonly name: string;
  readonly description: string;
  readonly bytes: Uint8Array;
  readonly frame: Frame;
  readonly json: JsonMessage;
}

interface VectorFile {
  readonly description: string;
  readonly tpdu: Tpdu;
  readonly header: CupHeader;
  readonly message: JsonMessage;
}

/** Hex text of a .hex file: whitespace between bytes and lines is ignored. */
export function parseHexFile(text: string): Uint8Array {
  const bytes = fromHex(text.replace(/\s+/g, ''));
  if (bytes === undefined) throw new Error('not a hex file');
  return bytes;
}

export function loadVector(name: string): Vector {
  const bytes = parseHexFile(readFileSync(`${vectorDirectory}${name}.hex`, 'utf8'));
  const file = JSON.parse(readFileSync(`${vectorDirectory}${name}.json`, 'utf8')) as VectorFile;
  const message = fromJsonMessage(file.message);
  if (!message.ok) throw new Error(`${name}.json: ${message.error.detail}`);
  const frame = { tpdu: file.tpdu, header: file.header, message: message.value };
  return { name, description: file.description, bytes, frame, json: file.message };
}

export function vectorNames(): string[] {
  return readdirSync(vectorDirectory)
    .filter((file) => file.endsWith('.hex'))
    .map((file) => file.slice(0, -'.hex'.length))
    .sort();
}

export function loadVectors(): Vector[] {
  return vectorNames().map(loadVector);
}

/** A copy of `bytes` whose 2-byte length states the length of what follows it. */
export function withFixedLength(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  const length = Math.max(0, copy.length - 2);
  if (copy.length >= 2) {
    copy[0] = (length >> 8) & 0xff;
    copy[1] = length & 0xff;
  }
  return copy;
}
