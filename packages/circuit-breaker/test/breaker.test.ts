import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createCircuitBreaker } from '../src/breaker';
import { isCircuitOpenError, isCircuitTimeoutError } from '../src/errors';
import type { StateChange } from '../src/events';
import { deferred, flush, type InstalledClock, installClock, rejection } from './helpers';

const boom = (): Promise<never> => Promise.reject(new Error('boom'));
const ok = (): Promise<string> => Promise.resolve('ok');

async function failTimes(breaker: ReturnType<typeof createCircuitBreaker>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await breaker.execute(boom).catch(() => undefined);
}

describe('CircuitBreaker', () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = installClock();
  });
  afterEach(() => clock.uninstall());

  it('returns the function value and stays closed on success', async () => {
    const breaker = createCircuitBreaker('svc', { metrics: false });
    assert.equal(await breaker.execute(ok), 'ok');
    assert.equal(breaker.state, 'closed');
    assert.deepEqual(breaker.counts, { success: 1, failure: 0, timeout: 0, rejected: 0, fallback: 0 });
  });

  it('opens after consecutiveFailures failures in a row and fails fast without calling the function', async () => {
    const breaker = createCircuitBreaker('tmdb', { consecutiveFailures: 3, metrics: false });
    await failTimes(breaker, 2);
    await breaker.execute(ok);
    await failTimes(breaker, 2);
    assert.equal(breaker.state, 'closed', 'a success resets the run of failures');
    await failTimes(breaker, 1);
    assert.equal(breaker.state, 'open');
    let called = false;
    const err = await rejection(
      breaker.execute(() => {
        called = true;
        return ok();
      }),
    );
    assert.equal(called, false);
    assert.ok(isCircuitOpenError(err));
    assert.equal(err.code, 'OTELKIT_ERR_CIRCUIT_OPEN');
    assert.equal(err.retryAt, Date.now() + 30_000);
  });

  it('rethrows the function error while closed', async () => {
    const breaker = createCircuitBreaker('svc', { metrics: false });
    const err = await rejection(breaker.execute(boom));
    assert.equal((err as Error).message, 'boom');
  });

  it('becomes half-open after openDurationMs without any timer, and a probe success closes it', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 5_000,
      metrics: false,
    });
    await failTimes(breaker, 1);
    assert.equal(clock.countTimers(), 0, 'no timer is armed to leave the open state');
    clock.tick(4_999);
    assert.equal(breaker.state, 'open');
    clock.tick(1);
    assert.equal(breaker.state, 'half-open');
    assert.equal(await breaker.execute(ok), 'ok');
    assert.equal(breaker.state, 'closed');
  });

  it('needs halfOpenSuccesses probe successes to close', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 1_000,
      halfOpenSuccesses: 3,
      metrics: false,
    });
    await failTimes(breaker, 1);
    clock.tick(1_000);
    await breaker.execute(ok);
    await breaker.execute(ok);
    assert.equal(breaker.state, 'half-open');
    await breaker.execute(ok);
    assert.equal(breaker.state, 'closed');
  });

  it('reopens on a failed probe, with the open duration growing by the backoff up to its cap', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 1_000,
      openBackoff: { multiplier: 2, maxDurationMs: 3_000 },
      metrics: false,
    });
    await failTimes(breaker, 1);
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      const snapshot = breaker.toJSON();
      assert.equal(snapshot.state, 'open');
      seen.push((snapshot.until ?? 0) - (snapshot.openedAt ?? 0));
      clock.tick(seen[i]);
      await failTimes(breaker, 1);
    }
    assert.deepEqual(seen, [1_000, 2_000, 3_000, 3_000]);
    clock.tick(3_000);
    await breaker.execute(ok);
    await failTimes(breaker, 1);
    assert.equal(breaker.toJSON().until, Date.now() + 1_000, 'closing resets the backoff');
  });

  it('opens on the failure rate over the window once minimumCalls are seen', async () => {
    const breaker = createCircuitBreaker('svc', {
      failureRate: { threshold: 0.5, windowMs: 10_000, minimumCalls: 10 },
      metrics: false,
    });
    for (let i = 0; i < 4; i++) {
      await breaker.execute(ok);
      await failTimes(breaker, 1);
    }
    assert.equal(breaker.state, 'closed', '8 calls are fewer than minimumCalls');
    await breaker.execute(ok);
    await failTimes(breaker, 1);
    assert.equal(breaker.state, 'open', '5 of 10 failed');
  });

  it('forgets failures that fall out of the window', async () => {
    const breaker = createCircuitBreaker('svc', {
      failureRate: { threshold: 0.5, windowMs: 10_000, minimumCalls: 4 },
      metrics: false,
    });
    await failTimes(breaker, 3);
    clock.tick(11_000);
    await breaker.execute(ok);
    await breaker.execute(ok);
    await breaker.execute(ok);
    await failTimes(breaker, 1);
    assert.equal(breaker.state, 'closed', 'only 1 of 4 calls in the window failed');
  });

  it('counts slow calls toward opening even when they succeed', async () => {
    const breaker = createCircuitBreaker('svc', {
      slowCall: { durationMs: 200, rateThreshold: 0.8, minimumCalls: 5 },
      metrics: false,
    });
    const slow = async (): Promise<string> => {
      const d = deferred<string>();
      setTimeout(() => d.resolve('late'), 250);
      return d.promise;
    };
    for (let i = 0; i < 4; i++) {
      const call = breaker.execute(slow);
      await clock.tickAsync(250);
      assert.equal(await call, 'late');
    }
    assert.equal(breaker.state, 'closed');
    const call = breaker.execute(slow);
    await clock.tickAsync(250);
    await call;
    assert.equal(breaker.state, 'open');
  });

  it('does not count errors that isFailure rejects, but still rethrows them', async () => {
    const notFound = Object.assign(new Error('404'), { status: 404 });
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      isFailure: (err) => (err as { status?: number }).status !== 404,
      metrics: false,
    });
    assert.equal(await rejection(breaker.execute(() => Promise.reject(notFound))), notFound);
    assert.equal(breaker.state, 'closed');
    assert.equal(breaker.counts.failure, 0);
    assert.equal(breaker.counts.success, 1);
  });

  it('serves failures and rejections from the fallback and counts them', async () => {
    const reasons: unknown[] = [];
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      fallback: (err) => {
        reasons.push(err);
        return 'cached';
      },
      metrics: false,
    });
    assert.equal(await breaker.execute(boom), 'cached');
    assert.equal(await breaker.execute(ok), 'cached');
    assert.equal((reasons[0] as Error).message, 'boom');
    assert.ok(isCircuitOpenError(reasons[1]));
    assert.deepEqual(breaker.counts, { success: 0, failure: 1, timeout: 0, rejected: 1, fallback: 2 });
  });

  it('times out a call, aborts its signal with the timeout error, and counts a timeout', async () => {
    const breaker = createCircuitBreaker('svc', { timeoutMs: 1_000, consecutiveFailures: 1, metrics: false });
    let seen: AbortSignal | undefined;
    const call = breaker.execute((signal) => {
      seen = signal;
      return new Promise<never>(() => undefined);
    });
    const outcome = rejection(call);
    await clock.tickAsync(999);
    assert.equal(seen?.aborted, false);
    await clock.tickAsync(1);
    const err = await outcome;
    assert.ok(isCircuitTimeoutError(err));
    assert.equal(err.code, 'OTELKIT_ERR_CIRCUIT_TIMEOUT');
    assert.equal(seen?.aborted, true);
    assert.equal(seen?.reason, err);
    assert.equal(breaker.counts.timeout, 1);
    assert.equal(breaker.state, 'open');
  });

  it('does not time out a call that settles in time', async () => {
    const breaker = createCircuitBreaker('svc', { timeoutMs: 1_000, metrics: false });
    const call = breaker.execute(async (signal) => {
      await new Promise((r) => setTimeout(r, 500));
      return signal.aborted;
    });
    await clock.tickAsync(500);
    assert.equal(await call, false);
    await clock.tickAsync(5_000);
    assert.equal(breaker.counts.timeout, 0);
    assert.equal(breaker.counts.success, 1);
  });

  it('passes the caller signal to the function and forwards its abort', async () => {
    const breaker = createCircuitBreaker('svc', { timeoutMs: 1_000, metrics: false });
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    const call = breaker.execute((signal) => {
      seen = signal;
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    }, caller.signal);
    caller.abort(new Error('user left'));
    assert.equal(((await rejection(call)) as Error).message, 'user left');
    assert.equal(seen?.aborted, true);
  });

  it('isolate() holds it open until reset(), and disable() lets everything through', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 10,
      metrics: false,
    });
    breaker.isolate();
    clock.tick(60_000);
    assert.equal(breaker.state, 'isolated');
    assert.ok(isCircuitOpenError(await rejection(breaker.execute(ok))));
    breaker.reset();
    assert.equal(breaker.state, 'closed');
    breaker.disable();
    await failTimes(breaker, 5);
    assert.equal(breaker.state, 'disabled');
    assert.equal(await breaker.execute(ok), 'ok');
    breaker.reset();
    assert.equal(breaker.state, 'closed');
  });

  it('emits stateChange and per-outcome events, and survives a throwing listener', async () => {
    const changes: StateChange[] = [];
    const outcomes: string[] = [];
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 100,
      onStateChange: (c) => changes.push(c),
      fallback: () => 'fb',
      metrics: false,
    });
    breaker.on('stateChange', () => {
      throw new Error('listener bug');
    });
    for (const event of ['success', 'failure', 'rejected', 'fallback'] as const) {
      breaker.on(event, () => outcomes.push(event));
    }
    await breaker.execute(ok);
    await breaker.execute(boom);
    await breaker.execute(ok);
    clock.tick(100);
    await breaker.execute(ok);
    assert.deepEqual(outcomes, ['success', 'failure', 'fallback', 'rejected', 'fallback', 'success']);
    assert.deepEqual(
      changes.map((c) => `${c.from}>${c.to}`),
      ['closed>open', 'open>half-open', 'half-open>closed'],
    );
    assert.equal(changes[1].at, changes[0].at + 100, 'half-open is dated when the open period ended');
  });

  it('restores an open state from toJSON() in a new breaker', async () => {
    const first = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 1_000,
      metrics: false,
    });
    await failTimes(first, 1);
    const snapshot = JSON.parse(JSON.stringify(first.toJSON()));
    const second = createCircuitBreaker('svc', { initialState: snapshot, metrics: false });
    assert.equal(second.state, 'open');
    assert.ok(isCircuitOpenError(await rejection(second.execute(ok))));
    clock.tick(1_000);
    assert.equal(second.state, 'half-open');
  });

  it('calls a synchronous function and turns its throw into a rejection', async () => {
    const breaker = createCircuitBreaker('svc', { metrics: false });
    assert.equal(await breaker.execute(() => 7), 7);
    const err = await rejection(
      breaker.execute(() => {
        throw new Error('sync');
      }),
    );
    assert.equal((err as Error).message, 'sync');
    await flush();
    assert.equal(breaker.counts.failure, 1);
  });
});
