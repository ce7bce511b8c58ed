// Safe views of a message for logs: `redactMessage` gives an object of display strings and
// `describe` a text block. PANs are masked (6 + 4); tracks, PIN block, MAC and keys are hidden.
import { isPrintableAscii } from './encoding/ascii.ts';
import { toHex } from './encoding/hex.ts';
import { maskPaddedPan, maskPan } from './mask.ts';
import { cupDialect, cupProperties, type MaskRule } from './spec/cup.ts';
import type { CupMessage } from './spec/cup-message.ts';
import { readTlv, type TlvItem } from './tlv.ts';

/** EMV tags that carry the PAN, track data or the cardholder's name. */
const HIDDEN_TAGS: ReadonlySet<string> = new Set(['56', '57', '5F20', '9F1F', '9F20', '9F6B']);
const PAN_TAG = '5A';
const UPLOAD_RECORD_DIGITS = 40;
const UPLOAD_COUNT_DIGITS = 2;

function sizeOf(value: unknown): string {
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (typeof value === 'string') return `${value.length} characters`;
  return 'value';
}

function showTlvItem(item: TlvItem): string {
  if (HIDDEN_TAGS.has(item.tag)) return `${item.tag}=(hidden, ${item.value.length} bytes)`;
  if (item.tag === PAN_TAG) return `${item.tag}=${maskPan(toHex(item.value).replace(/F+$/, ''))}`;
  return `${item.tag}=${toHex(item.value)}`;
}

function showChipData(value: Uint8Array): string {
  const items = readTlv(value);
  if (!items.ok) return `(${value.length} bytes, not TLV)`;
  return items.value.map(showTlvItem).join(' ');
}

/** Batch upload records (count n2 + records of 40 digits) carry PANs: mask each one. */
function showUploadData(digits: string): string {
  const count = Number(digits.slice(0, UPLOAD_COUNT_DIGITS));
  if (digits.length !== UPLOAD_COUNT_DIGITS + count * UPLOAD_RECORD_DIGITS || count === 0) {
    return digits.length <= 4 ? digits : `(hidden, ${digits.length} digits)`;
  }
  const records: string[] = [digits.slice(0, UPLOAD_COUNT_DIGITS)];
  for (let index = 0; index < count; index++) {
    const record = digits.slice(UPLOAD_COUNT_DIGITS + index * UPLOAD_RECORD_DIGITS);
    const pan = maskPaddedPan(record.slice(8, 28));
    records.push(record.slice(0, 2), record.slice(2, 8), pan, record.slice(28, 40));
  }
  return records.join(' ');
}

function showText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) {
    const text = String.fromCharCode(...value);
    return value.length > 0 && isPrintableAscii(text) ? JSON.stringify(text) : toHex(value);
  }
  return '(unexpected value)';
}

function show(rule: MaskRule, value: unknown, message: CupMessage): string {
  switch (rule) {
    case 'clear':
    case 'text-or-hex':
      return showText(value);
    case 'pan':
      return typeof value === 'string' ? maskPan(value) : '(hidden)';
    case 'hidden':
      return `(hidden, ${sizeOf(value)})`;
    case 'size-only':
      return `(${sizeOf(value)})`;
    case 'chip-data':
      return value instanceof Uint8Array ? showChipData(value) : '(hidden)';
    case 'private-data': {
      if (typeof value !== 'string') return '(hidden)';
      return message.mti.charAt(1) === '3' ? showUploadData(value) : value;
    }
    default: {
      const unreachable: never = rule;
      return unreachable;
    }
  }
}

function isProperty(key: string): key is keyof CupMessage {
  return Object.hasOwn(cupProperties, key);
}

/**
 * A copy of the message safe to log: each present property as a display string, card data
 * masked or hidden. Unknown properties are listed as `(unknown property)`.
 */
export function redactMessage(message: CupMessage): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [key, value] of Object.entries(message)) {
    if (value === undefined) continue;
    safe[key] = isProperty(key)
      ? show(cupProperties[key].mask, value, message)
      : '(unknown property)';
  }
  return safe;
}

/** A text block listing the message field by field, in field order, with card data masked. */
export function describe(message: CupMessage): string {
  const safe = redactMessage(message);
  const lines = [`${String(message.mti)} ${cupDialect.name} message`];
  for (const spec of cupDialect.fields) {
    for (const key of spec.keys) {
      const shown = safe[key];
      if (shown !== undefined) lines.push(`  [${spec.number}] ${key}: ${shown}`);
    }
  }
  for (const key of Object.keys(safe)) {
    if (key !== 'mti' && !cupDialect.numberOfKey.has(key)) lines.push(`  ${key}: ${safe[key]}`);
  }
  return lines.join('\n');
}
