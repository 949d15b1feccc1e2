import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCircuitBreaker, isInvalidBreakerOptionError } from '../src/index';

const fail = () => Promise.reject(new Error('down'));

describe('CircuitBreaker.prepareReconfigure', () => {
  it('applies new thresholds to a running breaker, keeping its state and counts', async () => {
    const breaker = createCircuitBreaker('reconf', { consecutiveFailures: 5, metrics: false });
    await breaker.execute(fail).catch(() => {});
    const apply = breaker.prepareReconfigure({ consecutiveFailures: 2 });
    assert.equal(breaker.state, 'closed', 'nothing changes before apply');
    apply();
    await breaker.execute(fail).catch(() => {});
    assert.equal(breaker.state, 'open', 'opened at the second failure in a row');
    assert.equal(breaker.counts.failure, 2);
    breaker.dispose();
  });

  it('refuses an invalid value or a setting that needs a restart, changing nothing', async () => {
    const breaker = createCircuitBreaker('reconf-bad', { consecutiveFailures: 2, metrics: false });
    assert.throws(
      () => breaker.prepareReconfigure({ consecutiveFailures: 0 }),
      (e: unknown) => isInvalidBreakerOptionError(e) && /consecutiveFailures/.test((e as Error).message),
    );
    assert.throws(
      () => breaker.prepareReconfigure({ metrics: true } as never),
      (e: unknown) => isInvalidBreakerOptionError(e) && /metrics/.test((e as Error).message),
    );
    await breaker.execute(fail).catch(() => {});
    await breaker.execute(fail).catch(() => {});
    assert.equal(breaker.state, 'open', 'still opens after 2');
    breaker.dispose();
  });

  it('gives new calls the new timeout', async () => {
    const breaker = createCircuitBreaker('reconf-timeout', { timeoutMs: 60_000, metrics: false });
    breaker.prepareReconfigure({ timeoutMs: 20 })();
    await assert.rejects(
      // a real pending call keeps the loop alive (the breaker's own timer is unref'd by design)
      breaker.execute(() => new Promise((r) => setTimeout(r, 500))),
      (e: unknown) => (e as { code?: string }).code === 'OTELKIT_ERR_CIRCUIT_TIMEOUT',
    );
    breaker.dispose();
  });
});
