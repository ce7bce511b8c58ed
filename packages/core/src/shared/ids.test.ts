// Goal: ids are UUID v7 stamped by the injected clock, unique, and repeatable when seeded.
import { describe, expect, it } from 'vitest';
import { FakeClock } from './clock.ts';
import { createIds } from './ids.ts';
import { seededRandom } from './random.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The millisecond a UUID v7 carries in its first 48 bits. */
function msOf(id: string): number {
  return Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
}

describe('createIds', () => {
  it('gives unique v7 ids from the system randomness, across many pool refills', () => {
    const clock = new FakeClock('2026-11-25T02:00:00Z');
    const ids = createIds(clock);
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) seen.add(ids.next());
    expect(seen.size).toBe(5_000);
    for (const id of seen) expect(id).toMatch(UUID_V7);
  });

  it('stamps each id with the clock, so ids of later instants sort after', () => {
    const clock = new FakeClock('2026-11-25T02:00:00Z');
    const ids = createIds(clock);
    const first = ids.next();
    clock.advance(1);
    const second = ids.next();
    expect(msOf(first)).toBe(clock.now().getTime() - 1);
    expect(msOf(second)).toBe(clock.now().getTime());
    expect(second > first).toBe(true);
  });

  it('repeats exactly with the same seed', () => {
    const run = () => {
      const ids = createIds(new FakeClock('2026-11-25T02:00:00Z'), seededRandom(7));
      return [ids.next(), ids.next(), ids.next()];
    };
    expect(run()).toEqual(run());
  });
});
