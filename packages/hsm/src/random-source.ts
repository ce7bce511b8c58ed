// The randomness port: key and IV generation draw from it, so tests inject a seeded source and
// repeat exactly. Production uses node:crypto's CSPRNG.
import { randomBytes } from 'node:crypto';

export interface RandomSource {
  /** `count` bytes from a cryptographically secure generator (in production). */
  bytes(count: number): Uint8Array;
}

export const systemRandom: RandomSource = { bytes: (count) => randomBytes(count) };
