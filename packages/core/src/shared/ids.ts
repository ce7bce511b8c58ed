// Id port: UUID v7 (time-ordered) for rows; business numbers (RRN, auth code) are made elsewhere.
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';
import type { Clock } from './clock.ts';
import type { Random } from './random.ts';

export interface Ids {
  /** A new UUID v7. */
  next(): string;
}

/** UUID v7 from the given clock; with a seeded `random` every run gives the same ids. */
export function createIds(clock: Clock, random?: Random): Ids {
  return {
    next: () =>
      v7({ msecs: clock.now().getTime(), random: random ? random.bytes(16) : systemBytes16() }),
  };
}

// The system's randomness, drawn 4 KiB at a time: one system call per 256 ids instead of one
// per id (as node:crypto's own randomUUID caches its entropy).
const pool = new Uint8Array(4096);
let used = pool.length;

function systemBytes16(): Uint8Array {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}
