// PAN handling: the only form that leaves a request is the masked one (first 6, last 4).
import { assert } from './assert.ts';

export function isPan(text: string): boolean {
  return /^\d{13,19}$/.test(text);
}

/** `6222021234567890` → `622202******7890`. */
export function maskPan(pan: string): string {
  assert(isPan(pan), 'not a PAN');
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
