import type { ExponentialHistogram, Histogram } from '@opentelemetry/sdk-metrics';

/** Explicit buckets: `counts[i]` counts values in `(boundaries[i-1], boundaries[i]]`, plus one +Inf bucket. */
export type ExplicitBuckets = Histogram['buckets'];

/**
 * Converts an exponential histogram to explicit buckets with the same counts, so it can be written as a
 * classic Prometheus histogram and its quantiles estimated the same way. Bucket `i` of the positive range
 * covers `(base^i, base^(i+1)]` with `base = 2^(2^-scale)`; negative buckets mirror it; the zero bucket
 * becomes a bucket with upper bound 0. The last (+Inf) bucket is always empty.
 *
 * @see https://opentelemetry.io/docs/specs/otel/metrics/data-model/#exponentialhistogram
 */
export function exponentialToExplicit(histogram: ExponentialHistogram): ExplicitBuckets {
  const factor = 2 ** -histogram.scale;
  const boundaries: number[] = [];
  const counts: number[] = [];
  const negative = histogram.negative;
  // Negative buckets, most negative first: bucket index j covers [-base^(j+1), -base^j).
  for (let i = negative.bucketCounts.length - 1; i >= 0; i--) {
    boundaries.push(-(2 ** ((negative.offset + i) * factor)));
    counts.push(negative.bucketCounts[i] ?? 0);
  }
  if (histogram.zeroCount > 0 || negative.bucketCounts.length > 0) {
    boundaries.push(0);
    counts.push(histogram.zeroCount);
  }
  const positive = histogram.positive;
  for (let i = 0; i < positive.bucketCounts.length; i++) {
    boundaries.push(2 ** ((positive.offset + i + 1) * factor));
    counts.push(positive.bucketCounts[i] ?? 0);
  }
  counts.push(0);
  return { boundaries, counts };
}
