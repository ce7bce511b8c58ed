// Byte helpers shared by the algorithms: strict hex parsing, XOR, zero checks.
// Hex output is always uppercase, the form terminals and key-ceremony sheets use.

const HEX_PATTERN = /^(?:[0-9A-Fa-f]{2})*$/;

/** Parses even-length hex; returns undefined for anything else. */
export function hexToBytes(hex: string): Buffer | undefined {
  if (typeof hex !== 'string' || !HEX_PATTERN.test(hex)) return undefined;
  return Buffer.from(hex, 'hex');
}

export function bytesToHex(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('hex').toUpperCase();
}

/** A Buffer view of any Uint8Array, without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  if (Buffer.isBuffer(bytes)) return bytes;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** XOR of two equally long byte strings, into a new buffer. */
export function xorBytes(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  return out;
}

export function isAllZero(bytes: Uint8Array): boolean {
  let acc = 0;
  for (const byte of bytes) acc |= byte;
  return acc === 0;
}

/** Overwrites secret bytes once they are no longer needed (best effort in a GC'd runtime). */
export function wipe(...buffers: Uint8Array[]): void {
  for (const buffer of buffers) buffer.fill(0);
}
