// Known failure modes of popular circuit breakers, each pinned by a test.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createCircuitBreaker } from '../src/breaker';
import { isCircuitOpenError } from '../src/errors';
import { bindingFor } from '../src/instruments';
import type { TimeoutScheduler } from '../src/timeout';
import { type Deferred, deferred, flush, type InstalledClock, installClock, testMeter } from './helpers';

describe('known failure modes', () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = installClock();
  });
  afterEach(() => clock.uninstall());

  it('reaches half-open on time even when failures already in flight land after the circuit opened', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 1_000,
      metrics: false,
    });
    const pending: Deferred<never>[] = [];
    const calls = Array.from({ length: 20 }, () => {
      const d = deferred<never>();
      pending.push(d);
      return breaker.execute(() => d.promise).catch(() => undefined);
    });
    pending[0].reject(new Error('first'));
    await flush();
    assert.equal(breaker.state, 'open');
    // The other 19 fail over the next 900 ms; a breaker that re-arms its open period on each of them
    // would stay open until 1 900 ms, or forever under a steady stream of late failures.
    for (let i = 1; i < pending.length; i++) {
      clock.tick(45);
      pending[i].reject(new Error('late'));
      await flush();
    }
    await Promise.all(calls);
    clock.tick(1_000 - 45 * 19);
    assert.equal(breaker.state, 'half-open');
    assert.equal(breaker.counts.failure, 20);
  });

  it('lets only halfOpenMaxCalls probes through a flood of concurrent calls in half-open', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 1_000,
      halfOpenMaxCalls: 2,
      metrics: false,
    });
    await breaker.execute(() => Promise.reject(new Error('x'))).catch(() => undefined);
    clock.tick(1_000);
    let invoked = 0;
    const gate = deferred<string>();
    const flood = Array.from({ length: 500 }, () =>
      breaker.execute(() => {
        invoked++;
        return gate.promise;
      }),
    );
    const settled = await Promise.allSettled([...flood.slice(2)]);
    assert.equal(invoked, 2);
    assert.ok(settled.every((r) => r.status === 'rejected' && isCircuitOpenError(r.reason)));
    gate.resolve('ok');
    assert.deepEqual(await Promise.all(flood.slice(0, 2)), ['ok', 'ok']);
    assert.equal(breaker.state, 'closed');
    assert.deepEqual(breaker.counts, { success: 2, failure: 1, timeout: 0, rejected: 498, fallback: 0 });
  });

  it('does not let a call that started while closed count as a half-open probe', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 1_000,
      metrics: false,
    });
    const slow = deferred<string>();
    const early = breaker.execute(() => slow.promise);
    await breaker.execute(() => Promise.reject(new Error('x'))).catch(() => undefined);
    clock.tick(1_000);
    assert.equal(breaker.state, 'half-open');
    slow.resolve('late success');
    await early;
    assert.equal(breaker.state, 'half-open', 'only a probe may close the circuit');
  });

  it('keeps memory flat over many calls: fixed window, no timer or listener left per call', async () => {
    const breaker = createCircuitBreaker('svc', {
      failureRate: { threshold: 0.9, windowMs: 1_000, minimumCalls: 10 },
      timeoutMs: 5_000,
      metrics: false,
    });
    const caller = new AbortController();
    for (let i = 0; i < 20_000; i++) {
      await breaker.execute((signal) => (signal.aborted ? 'aborted' : 'ok'), caller.signal);
      if (i % 1_000 === 0) clock.tick(100);
    }
    const scheduler = (breaker as unknown as { scheduler: TimeoutScheduler }).scheduler;
    const queue = (scheduler as unknown as { queue: unknown[] }).queue;
    assert.equal(scheduler.pending, 0);
    assert.equal(queue.length, 0, 'settled calls leave the timeout queue');
    assert.equal(
      getEventListeners(caller.signal, 'abort').length,
      0,
      'no abort listener left on the caller signal',
    );
    assert.ok(clock.countTimers() <= 1, 'one timer per breaker at most, never one per call');
    assert.equal(breaker.counts.success, 20_000);
  });

  it('leaks no timers and no metric registrations when a breaker is created per request', async () => {
    const { meter } = testMeter();
    const binding = bindingFor(meter);
    for (let i = 0; i < 1_000; i++) {
      const breaker = createCircuitBreaker(`req-${i}`, { consecutiveFailures: 1, timeoutMs: 2_000, meter });
      await breaker
        .execute(() => (i % 2 === 0 ? 'ok' : Promise.reject(new Error('x'))))
        .catch(() => undefined);
      if (i % 2 === 1) assert.equal(breaker.state, 'open');
      breaker.dispose();
    }
    assert.equal(clock.countTimers(), 0, 'disposed breakers keep no timer; open ones never had one');
    assert.equal(binding.size, 0, 'disposed breakers leave the metrics registry');

    const undisposed = createCircuitBreaker('forgotten', { timeoutMs: 2_000, metrics: false });
    await undisposed.execute(() => 'ok');
    clock.tick(2_000);
    assert.equal(
      clock.countTimers(),
      0,
      'an idle breaker disarms its timer within timeoutMs even without dispose()',
    );
  });
});
