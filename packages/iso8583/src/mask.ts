// Masking of card data for logs: a PAN shows its first 6 and last 4 digits, nothing more.

const VISIBLE_HEAD = 6;
const VISIBLE_TAIL = 4;

/** `6222021234567890123` → `622202*********0123`; shorter than 13 digits → all `*`. */
export function maskPan(pan: string): string {
  if (pan.length < VISIBLE_HEAD + VISIBLE_TAIL + 3) return '*'.repeat(pan.length);
  const hidden = pan.length - VISIBLE_HEAD - VISIBLE_TAIL;
  return pan.slice(0, VISIBLE_HEAD) + '*'.repeat(hidden) + pan.slice(-VISIBLE_TAIL);
}

/** A PAN right-aligned and zero-filled (batch upload records): masks the significant digits. */
export function maskPaddedPan(digits: string): string {
  const significant = digits.replace(/^0+/, '');
  return digits.slice(0, digits.length - significant.length) + maskPan(significant);
}
