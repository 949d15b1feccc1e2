/** Input of {@link histogramQuantile}: explicit buckets as sdk-metrics reports them, plus min/max if recorded. */
export interface QuantileInput {
  /** Finite upper bounds (inclusive), increasing; a trailing `Infinity` is ignored. */
  readonly boundaries: readonly number[];
  /** Per-bucket (not cumulative) counts, one more than the finite boundaries (the last is the +Inf bucket). */
  readonly counts: readonly number[];
  readonly min?: number;
  readonly max?: number;
}

/**
 * Estimates the `q` quantile (0..1) of a histogram the way Prometheus's `histogram_quantile` does: find
 * the bucket holding rank `q * count` and interpolate linearly inside it, the first bucket starting at 0
 * (or ending there when its bound is <= 0); when the rank falls in the +Inf bucket, return the highest
 * finite bound. Recorded `min`/`max` tighten the bucket being interpolated (so the first bucket starts at
 * `min`, and the +Inf bucket ends at `max` instead of being clamped). Returns `NaN` for an empty
 * histogram, `-Infinity`/`Infinity` for `q` below 0 / above 1.
 *
 * @see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile
 * @example
 * histogramQuantile(0.5, { boundaries: [1, 2, 5], counts: [2, 3, 4, 1] }); // 2
 */
export function histogramQuantile(q: number, input: QuantileInput): number {
  if (Number.isNaN(q)) return Number.NaN;
  if (q < 0) return Number.NEGATIVE_INFINITY;
  if (q > 1) return Number.POSITIVE_INFINITY;
  const { boundaries, counts, min, max } = input;
  let finite = boundaries.length;
  if (finite > 0 && boundaries[finite - 1] === Number.POSITIVE_INFINITY) finite--;
  let total = 0;
  for (const count of counts) total += count;
  if (total === 0 || Number.isNaN(total)) return Number.NaN;

  const rank = q * total;
  let below = 0;
  let bucket = 0;
  // The first bucket whose cumulative count reaches the rank (finite buckets only; else +Inf).
  while (bucket < finite && below + (counts[bucket] ?? 0) < rank) {
    below += counts[bucket] ?? 0;
    bucket++;
  }

  let lower: number;
  let upper: number;
  if (bucket === finite) {
    // The rank falls in the +Inf bucket.
    const highest = finite > 0 ? boundaries[finite - 1]! : Number.NEGATIVE_INFINITY;
    if (max === undefined || !(max > highest)) return finite > 0 ? highest : Number.NaN;
    lower = min !== undefined && min > highest ? min : highest;
    upper = max;
    if (finite === 0 && min === undefined) return max;
  } else {
    upper = boundaries[bucket]!;
    if (bucket > 0) lower = boundaries[bucket - 1]!;
    else if (min !== undefined) lower = min;
    else if (upper <= 0) return upper;
    else lower = 0;
    if (min !== undefined && min > lower) lower = min;
    if (max !== undefined && max < upper) upper = max;
  }
  const inBucket = counts[bucket] ?? 0;
  if (inBucket === 0 || upper <= lower) return upper;
  return lower + (upper - lower) * ((rank - below) / inBucket);
}
