import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ring } from '../../src/status/history';
import { quantile, subtractBuckets } from '../../src/status/quantile';

describe('quantile', () => {
  const buckets = { bounds: [0.1, 0.5, 1, Number.POSITIVE_INFINITY], counts: [50, 90, 100, 100] };

  it('interpolates inside the bucket like histogram_quantile', () => {
    assert.equal(quantile(0.5, buckets), 0.1);
    assert.ok(Math.abs(quantile(0.7, buckets)! - 0.3) < 1e-9);
    assert.equal(quantile(0.95, buckets), 0.75);
    assert.equal(quantile(0.5, { bounds: [1, Number.POSITIVE_INFINITY], counts: [0, 0] }), undefined);
  });

  it('subtracts an earlier cumulative histogram to get a window', () => {
    const earlier = { bounds: buckets.bounds, counts: [50, 50, 50, 50] };
    const window = subtractBuckets(buckets, earlier);
    assert.deepEqual(window.counts, [0, 40, 50, 50]);
    assert.ok(Math.abs(quantile(0.5, window)! - 0.35) < 1e-9);
  });
});

describe('Ring', () => {
  it('keeps at most capacity items, oldest first', () => {
    const ring = new Ring<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    assert.equal(ring.size, 3);
    assert.deepEqual(ring.toArray(), [3, 4, 5]);
  });
});
