import { histogramQuantile } from '@otelkit/core/internal';

/** Cumulative bucket counts by upper bound, the last bound being `Infinity`. */
export interface Buckets {
  readonly bounds: readonly number[];
  readonly counts: readonly number[];
}

/**
 * Estimates quantile `q` from cumulative buckets with core's `histogramQuantile` (the PromQL
 * function's rules). `undefined` when there are no observations.
 */
export function quantile(q: number, buckets: Buckets): number | undefined {
  const { bounds, counts } = buckets;
  const perBucket = counts.map((count, i) => count - (i === 0 ? 0 : counts[i - 1]!));
  const value = histogramQuantile(q, { boundaries: bounds, counts: perBucket });
  return Number.isNaN(value) ? undefined : value;
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
