// Holding sales back a moment for company: while a group's commit is under way, the terminals it
// is about to answer come right back, and a sale that waits for them shares the next round trip
// instead of paying one alone. Used by both kinds of group commit (`sale-groups.ts`,
// `expected-payments.ts`).

/** Longest a sale waits for company while a commit is under way. */
export const HOLD_MS_MAX = 5;

export class Hold {
  private readonly wake: () => void;
  /** Since when sales wait, and the timer that ends the wait. */
  private held: { readonly since: number; readonly timer: NodeJS.Timeout } | undefined;

  /** `wake` is called when a hold may have ended (its owner then looks again). */
  constructor(wake: () => void) {
    this.wake = wake;
  }

  /**
   * Whether the sales waiting wait on: fewer than `enough` of them wait, and they have waited less
   * than HOLD_MS_MAX. While they do, a timer is set for the end of the hold: a timer may fire a
   * little before its time (libuv counts from the start of the loop's turn), so each call during
   * the hold sets it again for what is left, and the hold always ends by HOLD_MS_MAX.
   */
  holds(waiting: number, enough: number): boolean {
    if (waiting >= enough) return false;
    const now = performance.now();
    const since = this.held?.since ?? now;
    const left = HOLD_MS_MAX - (now - since);
    if (left <= 0) return false;
    if (this.held) clearTimeout(this.held.timer);
    const timer = setTimeout(this.wake, left);
    timer.unref();
    this.held = { since, timer };
    return true;
  }

  /** The sales waiting go now. */
  end(): void {
    if (this.held) clearTimeout(this.held.timer);
    this.held = undefined;
  }
}
