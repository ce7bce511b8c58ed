// Goal: the shifted clock flows with the system time, jumps only forward, and moves its wall and
// monotonic readings together. Method: readings before and after an advance.
import { describe, expect, it } from 'vitest';
import { ShiftedClock } from './clock.ts';

describe('ShiftedClock', () => {
  it('reads the system time until it is moved', () => {
    const clock = new ShiftedClock();
    const before = Date.now();
    const read = clock.now().getTime();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThan(before + 1_000);
  });

  it('jumps forward by the given milliseconds, wall and monotonic alike', () => {
    const clock = new ShiftedClock();
    const wall = clock.now().getTime();
    const mono = clock.monotonicMs();
    clock.advance(86_400_000);
    expect(clock.now().getTime() - wall).toBeGreaterThanOrEqual(86_400_000);
    expect(clock.now().getTime() - wall).toBeLessThan(86_400_000 + 1_000);
    expect(clock.monotonicMs() - mono).toBeGreaterThanOrEqual(86_400_000);
  });

  it('refuses to go back', () => {
    const clock = new ShiftedClock();
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});
