/** At most `limit` sends in any span of `ms` milliseconds. */
export interface RateWindow {
  limit: number;
  ms: number;
}

/**
 * Sliding-window pacing that reserves send times, so that several sends in flight at once
 * still keep to every window. A reservation is never earlier than the key's last one.
 */
export class RateLimiter {
  private readonly reserved = new Map<string, number[]>();
  private readonly longest: number;
  private readonly deepest: number;

  /**
   * `marginMs` keeps a little clear of each window's edge: a send is timed here but counted
   * by Teams when it arrives, a moment later.
   */
  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly marginMs = 0,
  ) {
    this.longest = Math.max(0, ...windows.map((w) => w.ms));
    this.deepest = Math.max(0, ...windows.map((w) => w.limit));
  }

  /** The earliest time at or after `now` a send under this key may go. */
  earliest(key: string, now: number): number {
    const times = this.reserved.get(key) ?? [];
    let at = Math.max(now, times.at(-1) ?? now);
    for (const window of this.windows) {
      const blocking = times[times.length - window.limit];
      if (blocking !== undefined) at = Math.max(at, blocking + window.ms + this.marginMs);
    }
    return at;
  }

  reserve(key: string, at: number): void {
    const times = this.reserved.get(key) ?? [];
    times.push(at);
    // Keep what the windows can still see (each widened by the margin), and never more
    // than the deepest window needs.
    const horizon = at - this.longest - this.marginMs;
    // `at` itself is always inside the horizon, so findIndex finds at least it.
    const keepFrom = Math.max(
      times.findIndex((t) => t > horizon),
      times.length - this.deepest,
    );
    this.reserved.set(key, times.slice(keepFrom));
  }

  /** Pushes the key's next send back (after a 429, say). */
  holdUntil(key: string, at: number): void {
    const times = this.reserved.get(key) ?? [];
    if ((times.at(-1) ?? 0) < at) this.reserve(key, at);
  }
}
