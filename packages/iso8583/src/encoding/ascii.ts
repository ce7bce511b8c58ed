// ASCII text of fixed and variable an/ans fields: printable characters 0x20–0x7E only.

export function readAscii(bytes: Uint8Array, start: number, count: number): string | undefined {
  let text = '';
  const end = start + count;
  for (let index = start; index < end; index++) {
    const code = bytes[index] ?? 0;
    if (code < 0x20 || code > 0x7e) return undefined;
    text += String.fromCharCode(code);
  }
  return text;
}

/** Writes `text` at `start`; false when a character is not printable ASCII. */
export function writeAscii(target: Uint8Array, start: number, text: string): boolean {
  let valid = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) valid = false;
    target[start + index] = code;
  }
  return valid;
}

export function isPrintableAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}
