/** Cumulative bucket counts by upper bound, the last bound being `Infinity`. */
export interface Buckets {
  readonly bounds: readonly number[];
  readonly counts: readonly number[];
}

/**
 * Estimates quantile `q` from cumulative buckets the way Prometheus's `histogram_quantile` does
 * (linear interpolation inside the bucket; the upper bound of the last finite bucket when the rank
 * falls in `+Inf`). `undefined` when there are no observations.
 */
export function quantile(q: number, buckets: Buckets): number | undefined {
  const { bounds, counts } = buckets;
  const total = counts[counts.length - 1] ?? 0;
  if (total <= 0) return undefined;
  const rank = q * total;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (count < rank) continue;
    const upper = bounds[i]!;
    if (upper === Number.POSITIVE_INFINITY) return i > 0 ? bounds[i - 1] : undefined;
    const lower = i === 0 ? Math.min(0, upper) : bounds[i - 1]!;
    const below = i === 0 ? 0 : counts[i - 1]!;
    const inBucket = count - below;
    return inBucket <= 0 ? upper : lower + (upper - lower) * ((rank - below) / inBucket);
  }
  return undefined;
}

/** `current - previous` per bucket (for a window of cumulative histograms); `current` when shapes differ. */
export function subtractBuckets(current: Buckets, previous: Buckets | undefined): Buckets {
  if (previous === undefined || previous.bounds.length !== current.bounds.length) return current;
  return {
    bounds: current.bounds,
    counts: current.counts.map((c, i) => Math.max(0, c - (previous.counts[i] ?? 0))),
  };
}

/** Adds cumulative buckets with equal bounds (series of one operation with different statuses). */
export function addBuckets(a: Buckets | undefined, b: Buckets): Buckets {
  if (a === undefined) return b;
  if (a.bounds.length !== b.bounds.length)
    return a.counts[a.counts.length - 1]! >= b.counts[b.counts.length - 1]! ? a : b;
  return { bounds: a.bounds, counts: a.counts.map((c, i) => c + (b.counts[i] ?? 0)) };
}
