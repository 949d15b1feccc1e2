import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCircuitBreaker } from '../src/breaker';
import { isInvalidBreakerOptionError } from '../src/errors';

describe('breaker.healthCheck', () => {
  it('passes while closed or disabled', () => {
    const breaker = createCircuitBreaker('tmdb', { metrics: false });
    const check = breaker.healthCheck();
    assert.deepEqual(check(), { status: 'pass', observedValue: 'closed' });
    breaker.disable();
    assert.equal(check().status, 'pass');
  });

  it('warns while open by default and fails when configured to', async () => {
    const breaker = createCircuitBreaker('tmdb', { consecutiveFailures: 1, metrics: false });
    await breaker.execute(() => Promise.reject(new Error('x'))).catch(() => undefined);
    const warn = breaker.healthCheck()();
    assert.equal(warn.status, 'warn');
    assert.equal(warn.observedValue, 'open');
    assert.match(warn.output ?? '', /tmdb' is open until \d{4}-/);
    assert.equal(breaker.healthCheck({ whenOpen: 'fail' })().status, 'fail');
  });

  it('treats isolated as open', () => {
    const breaker = createCircuitBreaker('tmdb', { metrics: false });
    breaker.isolate();
    assert.equal(breaker.healthCheck({ whenOpen: 'fail' })().status, 'fail');
  });

  it('rejects an unknown whenOpen at creation', () => {
    const breaker = createCircuitBreaker('tmdb', { metrics: false });
    assert.throws(
      () => breaker.healthCheck({ whenOpen: 'panic' as 'fail' }),
      (err) => isInvalidBreakerOptionError(err) && /whenOpen="panic"/.test(err.message),
    );
  });
});
