import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, parseDuration } from '../src/duration';

describe('parseDuration / formatDuration', () => {
  it('reads Prometheus durations, compound ones included', () => {
    assert.equal(parseDuration('--x', '5m'), 300);
    assert.equal(parseDuration('--x', '1h30m'), 5400);
    assert.equal(parseDuration('--x', '250ms'), 0.25);
  });

  it('rejects what Prometheus rejects, naming the flag', () => {
    for (const bad of ['5', '1.5m', 'm', '5 m', '-1s'])
      assert.throws(() => parseDuration('--for', bad), /--for=".*" is invalid/);
  });

  it('formats seconds back', () => {
    assert.equal(formatDuration(3600), '1h');
    assert.equal(formatDuration(5400), '1h30m');
    assert.equal(formatDuration(0.2), '200ms');
    assert.equal(formatDuration(0), '0s');
  });
});
