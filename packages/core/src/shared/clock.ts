// Clock port: wall time for records, monotonic time for timeouts. Tests use FakeClock.

export interface Clock {
  /** Wall-clock instant, for records. */
  now(): Date;
  /** Monotonic milliseconds, for measuring durations and timeouts only. */
  monotonicMs(): number;
}

/** The real clock: the only place in the code base that reads the system time. */
export const systemClock: Clock = {
  now: () => new Date(Date.now()),
  monotonicMs: () => performance.now(),
};

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  private wallMs: number;
  private monoMs = 0;

  constructor(start: Date | string) {
    this.wallMs = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.wallMs);
  }

  monotonicMs(): number {
    return this.monoMs;
  }

  advance(ms: number): void {
    this.wallMs += ms;
    this.monoMs += ms;
  }

  set(at: Date | string): void {
    const next = new Date(at).getTime();
    if (next > this.wallMs) this.monoMs += next - this.wallMs;
    this.wallMs = next;
  }
}

/**
 * The system time moved forward by an offset that only grows: time flows as usual (timeouts,
 * sessions), and a demonstration or a browser test can jump to past a cutoff.
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  monotonicMs(): number {
    return performance.now() + this.offsetMs;
  }

  /** Jumps forward; never back, so durations measured on this clock stay positive. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`a clock only moves forward: ${ms} ms`);
    this.offsetMs += ms;
  }
}
