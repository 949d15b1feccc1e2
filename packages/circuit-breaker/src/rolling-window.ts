/** Number of buckets a window is split into; memory is fixed whatever the call rate. */
const BUCKETS = 10;

/** Totals of the calls in the window. */
export interface WindowTotals {
  calls: number;
  failures: number;
  slow: number;
}

/**
 * A time-based sliding window of call outcomes in ten fixed buckets (typed arrays allocated once),
 * so memory does not grow with the number of calls. A bucket is reused once it falls out of the window.
 */
export class RollingWindow {
  private readonly bucketMs: number;
  private readonly stamp = new Float64Array(BUCKETS).fill(-1);
  private readonly calls = new Uint32Array(BUCKETS);
  private readonly failures = new Uint32Array(BUCKETS);
  private readonly slow = new Uint32Array(BUCKETS);

  constructor(windowMs: number) {
    this.bucketMs = Math.max(windowMs / BUCKETS, 1e-3);
  }

  /** Counts one call that ended at `now` (epoch ms). */
  record(now: number, failed: boolean, slow: boolean): void {
    const index = Math.floor(now / this.bucketMs);
    const slot = index % BUCKETS;
    if (this.stamp[slot] !== index) {
      this.stamp[slot] = index;
      this.calls[slot] = 0;
      this.failures[slot] = 0;
      this.slow[slot] = 0;
    }
    this.calls[slot]++;
    if (failed) this.failures[slot]++;
    if (slow) this.slow[slot]++;
  }

  /** Sums the buckets still inside the window at `now`. */
  totals(now: number): WindowTotals {
    const oldest = Math.floor(now / this.bucketMs) - BUCKETS + 1;
    const totals: WindowTotals = { calls: 0, failures: 0, slow: 0 };
    for (let slot = 0; slot < BUCKETS; slot++) {
      if (this.stamp[slot] < oldest) continue;
      totals.calls += this.calls[slot];
      totals.failures += this.failures[slot];
      totals.slow += this.slow[slot];
    }
    return totals;
  }

  /** Forgets every call (on closing or reset). */
  clear(): void {
    this.stamp.fill(-1);
  }
}
