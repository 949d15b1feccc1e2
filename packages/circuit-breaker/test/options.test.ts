import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCircuitBreaker } from '../src/breaker';
import { isInvalidBreakerOptionError } from '../src/errors';
import { openDurationFor, resolveBreakerOptions } from '../src/options';

describe('breaker options', () => {
  it('defaults to opening after 5 consecutive failures for 30 s, one probe, no timeout', () => {
    const o = resolveBreakerOptions('svc');
    assert.equal(o.consecutiveFailures, 5);
    assert.equal(o.openDurationMs, 30_000);
    assert.equal(o.halfOpenMaxCalls, 1);
    assert.equal(o.halfOpenSuccesses, 1);
    assert.equal(o.timeoutMs, 0);
  });

  it('uses only the rate when a failure rate is given without consecutiveFailures', () => {
    const o = resolveBreakerOptions('svc', { failureRate: { threshold: 0.5 } });
    assert.equal(o.consecutiveFailures, Number.POSITIVE_INFINITY);
    assert.deepEqual(o.failureRate, { threshold: 0.5, windowMs: 10_000, minimumCalls: 20 });
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['consecutiveFailures', { consecutiveFailures: 0 }, 'consecutiveFailures=0'],
    ['failureRate.threshold', { failureRate: { threshold: 1.5 } }, 'failureRate.threshold=1.5'],
    ['failureRate.minimumCalls', { failureRate: { threshold: 0.5, minimumCalls: 2.5 } }, 'minimumCalls=2.5'],
    ['slowCall.durationMs', { slowCall: { durationMs: -1, rateThreshold: 0.5 } }, 'slowCall.durationMs=-1'],
    ['openDurationMs', { openDurationMs: Number.NaN }, 'openDurationMs=NaN'],
    [
      'openBackoff.maxDurationMs',
      { openDurationMs: 10, openBackoff: { maxDurationMs: 5 } },
      'maxDurationMs=5',
    ],
    ['halfOpenMaxCalls', { halfOpenMaxCalls: 0 }, 'halfOpenMaxCalls=0'],
    ['timeoutMs', { timeoutMs: -1 }, 'timeoutMs=-1'],
    ['isFailure', { isFailure: 'yes' }, 'isFailure="yes"'],
    ['initialState.state', { initialState: { state: 'ajar' } }, 'initialState.state="ajar"'],
  ];
  for (const [option, options, text] of bad) {
    it(`throws OTELKIT_ERR_INVALID_BREAKER_OPTION at creation for a bad ${option}`, () => {
      assert.throws(
        () => createCircuitBreaker('svc', { ...options, metrics: false }),
        (err) => isInvalidBreakerOptionError(err) && err.option === option && err.message.includes(text),
      );
    });
  }

  it('rejects an empty name', () => {
    assert.throws(
      () => createCircuitBreaker(''),
      (err) => isInvalidBreakerOptionError(err) && err.option === 'name',
    );
  });

  it('grows the open duration geometrically up to its cap', () => {
    const o = resolveBreakerOptions('svc', {
      openDurationMs: 100,
      openBackoff: { multiplier: 3, maxDurationMs: 1_000 },
    });
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => openDurationFor(o, n)),
      [100, 300, 900, 1_000],
    );
  });
});
