// Money as integer fen (bigint). The only module that rounds: fees half-up and capped,
// allocation by weights.
import { assert } from './assert.ts';

/** Basis points in a whole: 10,000 bps = 100 %. */
const BPS_WHOLE = 10_000n;

/**
 * Fee for `amountFen` at `rateBps` basis points, rounded half-up to the fen, then limited to
 * `capFen` when a cap is set. Amount and rate must be non-negative.
 */
export function feeFen(amountFen: bigint, rateBps: number, capFen?: bigint | null): bigint {
  assert(amountFen >= 0n, 'fee of a negative amount');
  assert(Number.isInteger(rateBps) && rateBps >= 0, 'fee rate must be whole basis points ≥ 0');
  const fee = (amountFen * BigInt(rateBps) + BPS_WHOLE / 2n) / BPS_WHOLE;
  if (capFen === undefined || capFen === null) return fee;
  assert(capFen >= 0n, 'fee cap must be ≥ 0');
  return fee < capFen ? fee : capFen;
}

/**
 * Splits `totalFen` into parts proportional to `weights` (largest remainder), so the parts always
 * add up to the total exactly.
 */
export function allocate(totalFen: bigint, weights: readonly bigint[]): bigint[] {
  assert(weights.length > 0, 'allocate needs at least one weight');
  assert(
    weights.every((w) => w >= 0n),
    'allocate weights must be ≥ 0',
  );
  const sum = weights.reduce((a, b) => a + b, 0n);
  assert(sum > 0n, 'allocate weights must not all be zero');
  const parts = weights.map((w) => (totalFen * w) / sum);
  let rest = totalFen - parts.reduce((a, b) => a + b, 0n);
  // Largest remainder by size: for a negative total the remainders are negative too, and the
  // fen still due go to the parts furthest from their exact share (never to a zero weight).
  const order = weights
    .map((w, i) => ({ i, rem: abs((totalFen * w) % sum) }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (rest === 0n) break;
    parts[i] = (parts[i] ?? 0n) + (rest > 0n ? 1n : -1n);
    rest += rest > 0n ? -1n : 1n;
  }
  return parts;
}

/**
 * The share `part / whole` of `amountFen`, rounded half-up to the fen (a prepaid fee's unused
 * days, say). Needs 0 ≤ part ≤ whole, whole > 0 and a non-negative amount.
 */
export function proRataFen(amountFen: bigint, part: bigint, whole: bigint): bigint {
  assert(amountFen >= 0n, 'pro rata share of a negative amount');
  assert(whole > 0n && part >= 0n && part <= whole, 'pro rata part out of range');
  return (amountFen * part * 2n + whole) / (whole * 2n);
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** Formats fen as yuan with two decimals: 123456n → "1234.56", -5n → "-0.05". */
export function formatYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${sign}${abs / 100n}.${cents}`;
}

/** Parses a decimal yuan string ("12.3", "0.05") into fen; rejects more than two decimals. */
export function parseYuan(text: string): bigint | undefined {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const fen = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] === '-' ? -fen : fen;
}
