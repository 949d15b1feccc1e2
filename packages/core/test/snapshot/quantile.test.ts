import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { histogramQuantile } from '../../src/snapshot/quantile';

// Bounds 1, 2, 5 with 2, 3, 4 and 1 (+Inf) values: cumulative 2, 5, 9, 10.
const buckets = { boundaries: [1, 2, 5], counts: [2, 3, 4, 1] };

describe('histogramQuantile', () => {
  it('interpolates linearly inside the bucket holding the rank', () => {
    // p50: rank 5 -> bucket (1, 2], 3 of 3 values in it -> 1 + 1 * 3/3 = 2.
    assert.equal(histogramQuantile(0.5, buckets), 2);
    // p30: rank 3 -> bucket (1, 2], 1 of 3 -> 1 + 1/3.
    assert.equal(histogramQuantile(0.3, buckets), 1 + 1 / 3);
    // p70: rank 7 -> bucket (2, 5], 2 of 4 -> 2 + 3 * 0.5 = 3.5.
    assert.equal(histogramQuantile(0.7, buckets), 3.5);
  });

  it('starts the first bucket at 0', () => {
    // p10: rank 1 -> bucket (0, 1], 1 of 2 -> 0.5.
    assert.equal(histogramQuantile(0.1, buckets), 0.5);
  });

  it('returns the first bound when it is not positive', () => {
    assert.equal(histogramQuantile(0.5, { boundaries: [-1, 0, 1], counts: [4, 0, 0, 0] }), -1);
  });

  it('clamps to the highest finite bound when the rank falls in +Inf', () => {
    // p95: rank 9.5 > 9 -> +Inf bucket -> 5.
    assert.equal(histogramQuantile(0.95, buckets), 5);
    assert.equal(histogramQuantile(0.99, buckets), 5);
  });

  it('uses a recorded max to interpolate inside the +Inf bucket', () => {
    // p95 with max 8: (5, 8], 0.5 of 1 -> 6.5; p99: 0.9 of 1 -> 7.7.
    assert.equal(histogramQuantile(0.95, { ...buckets, max: 8 }), 6.5);
    assert.ok(Math.abs(histogramQuantile(0.99, { ...buckets, max: 8 }) - 7.7) < 1e-12);
  });

  it('uses a recorded min to tighten the first bucket', () => {
    // p10 with min 0.6: (0.6, 1], 1 of 2 -> 0.8.
    assert.ok(Math.abs(histogramQuantile(0.1, { ...buckets, min: 0.6 }) - 0.8) < 1e-12);
  });

  it('uses a recorded max to tighten the bucket that holds it', () => {
    // All 4 values in (2, 5] but max 3: p50 rank 2 -> 2 + 1 * 2/4 = 2.5.
    assert.equal(histogramQuantile(0.5, { boundaries: [1, 2, 5], counts: [0, 0, 4, 0], max: 3 }), 2.5);
  });

  it('returns NaN for an empty histogram and infinities for q outside [0, 1]', () => {
    assert.ok(Number.isNaN(histogramQuantile(0.5, { boundaries: [1], counts: [0, 0] })));
    assert.equal(histogramQuantile(-0.1, buckets), Number.NEGATIVE_INFINITY);
    assert.equal(histogramQuantile(1.1, buckets), Number.POSITIVE_INFINITY);
  });

  it('ignores a trailing Infinity boundary', () => {
    assert.equal(
      histogramQuantile(0.5, { boundaries: [1, 2, 5, Number.POSITIVE_INFINITY], counts: [2, 3, 4, 1] }),
      2,
    );
  });
});
