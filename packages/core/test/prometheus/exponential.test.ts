import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exponentialToExplicit } from '../../src/prometheus/exponential';

describe('exponentialToExplicit', () => {
  it('maps positive buckets (base^i, base^(i+1)] to upper bounds, with an empty +Inf bucket', () => {
    // Scale 0: base 2. Offset 0 -> buckets (1, 2] and (2, 4].
    const buckets = exponentialToExplicit({
      count: 3,
      scale: 0,
      zeroCount: 0,
      positive: { offset: 0, bucketCounts: [1, 2] },
      negative: { offset: 0, bucketCounts: [] },
    });
    assert.deepEqual(buckets, { boundaries: [2, 4], counts: [1, 2, 0] });
  });

  it('puts negative buckets first, then the zero bucket', () => {
    // Negative offset 0 at scale 0: [-2, -1) -> upper bound -1; then zero count 1 -> bound 0.
    const buckets = exponentialToExplicit({
      count: 7,
      scale: 0,
      zeroCount: 1,
      positive: { offset: 0, bucketCounts: [1, 2] },
      negative: { offset: 0, bucketCounts: [3] },
    });
    assert.deepEqual(buckets, { boundaries: [-1, 0, 2, 4], counts: [3, 1, 1, 2, 0] });
  });

  it('uses base 2^(2^-scale) for finer scales', () => {
    // Scale 1: base sqrt(2). Offset 2 -> bucket (2, 2*sqrt(2)].
    const { boundaries } = exponentialToExplicit({
      count: 1,
      scale: 1,
      zeroCount: 0,
      positive: { offset: 2, bucketCounts: [1] },
      negative: { offset: 0, bucketCounts: [] },
    });
    assert.ok(Math.abs(boundaries[0]! - 2 * Math.SQRT2) < 1e-12);
  });
});
