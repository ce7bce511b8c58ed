// Id port: UUID v7 (time-ordered) for rows; business numbers (RRN, auth code) are made elsewhere.
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
      random
        ? v7({ msecs: clock.now().getTime(), random: random.bytes(16) })
        : v7({ msecs: clock.now().getTime() }),
  };
}
