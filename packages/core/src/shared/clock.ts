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
