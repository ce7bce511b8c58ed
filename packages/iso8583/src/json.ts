// The JSON form of a message (test vectors, fixtures, the simulator): text as is, amounts as
// decimal text, bytes as uppercase hex. `fromJsonMessage` checks every property.
import { type CodecError, fail, type Result, succeed } from './codec-error.ts';
import { fromHex, toHex } from './encoding/hex.ts';
import { cupProperties } from './spec/cup.ts';
import type { CupMessage } from './spec/cup-message.ts';

export type JsonMessage = { readonly [K in keyof CupMessage]?: string } & { readonly mti: string };

function isProperty(key: string): key is keyof CupMessage {
  return Object.hasOwn(cupProperties, key);
}

/** The JSON form: every present property as a string. Unknown properties are dropped. */
export function toJsonMessage(message: CupMessage): JsonMessage {
  const json: Record<string, string> = { mti: message.mti };
  for (const [key, value] of Object.entries(message)) {
    if (value === undefined || !isProperty(key)) continue;
    if (value instanceof Uint8Array) json[key] = toHex(value);
    else if (typeof value === 'bigint' || typeof value === 'string') json[key] = String(value);
  }
  return json as JsonMessage;
}

function invalid(key: string, detail: string): CodecError {
  return { fieldPath: [key], reason: 'invalid_value', detail };
}

function convert(key: keyof CupMessage, text: string): Result<unknown> {
  switch (cupProperties[key].kind) {
    case 'text':
      return succeed(text);
    case 'amount':
      return /^[0-9]+$/.test(text) ? succeed(BigInt(text)) : fail(invalid(key, 'not decimal'));
    case 'bytes': {
      const bytes = fromHex(text);
      return bytes === undefined ? fail(invalid(key, 'not hex')) : succeed(bytes);
    }
    default: {
      const unreachable: never = cupProperties[key].kind;
      return unreachable;
    }
  }
}

/** Builds a message from its JSON form. Errors: `unknown_property`, `invalid_value`. */
export function fromJsonMessage(json: JsonMessage): Result<CupMessage> {
  if (typeof json !== 'object' || json === null) return fail(invalid('message', 'not an object'));
  const message: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (!isProperty(key)) {
      return fail({ fieldPath: [key], reason: 'unknown_property', detail: `${key} is unknown` });
    }
    if (typeof value !== 'string') return fail(invalid(key, 'expected a string'));
    const converted = convert(key, value);
    if (!converted.ok) return converted;
    message[key] = converted.value;
  }
  if (typeof message['mti'] !== 'string') return fail(invalid('mti', 'mti is required'));
  return succeed(message as unknown as CupMessage);
}
