// The breaker's state machine at its edges, as a caller sees it: which calls go through, which are
// rejected, what counts, when it opens and closes, and what the events carry.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { createCircuitBreaker } from '../src/breaker';
import { isCircuitOpenError, isInvalidBreakerOptionError } from '../src/errors';
import type { StateChange } from '../src/events';
import { deferred, flush, type InstalledClock, installClock, rejection } from './helpers';

const boom = (): Promise<never> => Promise.reject(new Error('boom'));
const ok = (): Promise<string> => Promise.resolve('ok');

/** A call that settles after `ms` of (fake) time: resolves, or rejects with `boom` when `fail`. */
function lasting(ms: number, fail = false): () => Promise<string> {
  return () =>
    new Promise<string>((resolve, reject) =>
      setTimeout(() => (fail ? reject(new Error('boom')) : resolve('done')), ms),
    );
}

describe('CircuitBreaker state machine', () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = installClock();
  });
  afterEach(() => clock.uninstall());

  /** Runs one call lasting `ms` to its end (its outcome ignored). */
  async function run(breaker: ReturnType<typeof createCircuitBreaker>, ms: number, fail = false) {
    const call = breaker.execute(lasting(ms, fail)).catch(() => undefined);
    await clock.tickAsync(ms);
    await call;
  }

  it('lets at most halfOpenMaxCalls probes run at once, and another when one ends', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 100,
      halfOpenMaxCalls: 2,
      halfOpenSuccesses: 3,
      metrics: false,
    });
    await breaker.execute(boom).catch(() => undefined);
    clock.tick(100);
    const first = deferred<string>();
    const second = deferred<string>();
    const calls = [breaker.execute(() => first.promise), breaker.execute(() => second.promise)];
    const third = await rejection(breaker.execute(ok));
    assert.ok(isCircuitOpenError(third));
    assert.match((third as Error).message, /is half-open/);
    first.resolve('a');
    await flush();
    assert.equal(breaker.state, 'half-open', 'one success of three');
    assert.equal(await breaker.execute(ok), 'ok', 'a probe slot was freed');
    second.resolve('b');
    await Promise.all(calls);
    assert.equal(breaker.state, 'closed');
  });

  it('passes the caller signal itself to the function when there is no timeout', async () => {
    const breaker = createCircuitBreaker('svc', { metrics: false });
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    await breaker.execute((signal) => {
      seen = signal;
      return ok();
    }, caller.signal);
    assert.equal(seen, caller.signal);
  });

  it('reports each call’s own duration and the details in its events', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 2,
      fallback: () => 'fb',
      metrics: false,
    });
    const events: unknown[] = [];
    for (const name of ['success', 'failure', 'rejected', 'fallback'] as const) {
      breaker.on(name, (e) => events.push({ [name]: e }));
    }
    clock.tick(5_000); // performance.now() is far from 0: a duration is not the end time
    await run(breaker, 40);
    await run(breaker, 30, true);
    await run(breaker, 20, true);
    assert.equal(await breaker.execute(ok), 'fb');
    const [failure] = events.filter((e) => 'failure' in (e as object)) as { failure: { error: Error } }[];
    assert.equal(failure.failure.error.message, 'boom');
    assert.deepEqual(
      events.map((e) => JSON.parse(JSON.stringify(e, (k, v) => (k === 'error' ? v.message : v)))),
      [
        { success: { name: 'svc', durationMs: 40 } },
        { failure: { name: 'svc', durationMs: 30, error: 'boom' } },
        { fallback: { name: 'svc', error: 'boom' } },
        { failure: { name: 'svc', durationMs: 20, error: 'boom' } },
        { fallback: { name: 'svc', error: 'boom' } },
        { rejected: { name: 'svc', state: 'open' } },
        {
          fallback: {
            name: 'svc',
            error: "circuit breaker 'svc' is open: call rejected without being attempted",
          },
        },
      ],
    );
  });

  it('does not count a success that started before the circuit opened as a probe', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 100,
      metrics: false,
    });
    const early = deferred<string>();
    const call = breaker.execute(() => early.promise);
    await breaker.execute(boom).catch(() => undefined);
    clock.tick(100);
    assert.equal(breaker.state, 'half-open');
    early.resolve('late');
    assert.equal(await call, 'late');
    assert.equal(breaker.state, 'half-open');
    assert.equal(breaker.counts.success, 1);
  });

  it('does not count a failure that started before the circuit opened against the probes', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 100,
      metrics: false,
    });
    const early = deferred<string>();
    const call = breaker.execute(() => early.promise);
    await breaker.execute(boom).catch(() => undefined);
    clock.tick(100);
    assert.equal(breaker.state, 'half-open');
    early.reject(new Error('late'));
    await call.catch(() => undefined);
    assert.equal(breaker.state, 'half-open', 'not reopened');
    assert.equal(breaker.counts.failure, 2);
  });

  it('emits a timeout event, not a failure event, for a call that times out', async () => {
    const breaker = createCircuitBreaker('svc', { timeoutMs: 50, metrics: false });
    const events: string[] = [];
    breaker.on('timeout', (e) => events.push(`timeout ${e.durationMs}`));
    breaker.on('failure', () => events.push('failure'));
    const call = breaker.execute(() => new Promise<never>(() => undefined)).catch(() => undefined);
    await clock.tickAsync(50);
    await call;
    assert.deepEqual(events, ['timeout 50']);
  });

  it('counts failures and timeouts apart', async () => {
    const breaker = createCircuitBreaker('svc', { consecutiveFailures: 10, metrics: false });
    await breaker.execute(boom).catch(() => undefined);
    await breaker.execute(boom).catch(() => undefined);
    assert.deepEqual(breaker.counts, { success: 0, failure: 2, timeout: 0, rejected: 0, fallback: 0 });
  });

  describe('slow calls', () => {
    const slowCall = { durationMs: 100, rateThreshold: 0.5, minimumCalls: 2 };

    it('a call lasting exactly durationMs is slow, failing or not', async () => {
      const succeeding = createCircuitBreaker('a', { consecutiveFailures: 100, slowCall, metrics: false });
      await run(succeeding, 100);
      await run(succeeding, 100);
      assert.equal(succeeding.state, 'open');
      const failing = createCircuitBreaker('b', { consecutiveFailures: 100, slowCall, metrics: false });
      await run(failing, 100, true);
      await run(failing, 100, true);
      assert.equal(failing.state, 'open');
    });

    it('calls a little faster are not slow, failing or not', async () => {
      const breaker = createCircuitBreaker('svc', { consecutiveFailures: 100, slowCall, metrics: false });
      for (let i = 0; i < 3; i++) {
        await run(breaker, 99);
        await run(breaker, 99, true);
      }
      assert.equal(breaker.state, 'closed');
    });

    it('opens when the slow share reaches rateThreshold, not below it', async () => {
      const below = createCircuitBreaker('a', { consecutiveFailures: 100, slowCall, metrics: false });
      for (let i = 0; i < 3; i++) await run(below, 10);
      await run(below, 100);
      assert.equal(below.state, 'closed', '1 slow call of 4');
      const at = createCircuitBreaker('b', { consecutiveFailures: 100, slowCall, metrics: false });
      await run(at, 10);
      await run(at, 100);
      assert.equal(at.state, 'open', '1 slow call of 2');
    });
  });

  it('never opens on a success, even when it brings the window to minimumCalls', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 100,
      failureRate: { threshold: 0.5, windowMs: 10_000, minimumCalls: 4 },
      metrics: false,
    });
    for (let i = 0; i < 3; i++) await breaker.execute(boom).catch(() => undefined);
    await breaker.execute(ok);
    assert.equal(breaker.state, 'closed');
    await breaker.execute(boom).catch(() => undefined);
    assert.equal(breaker.state, 'open', '4 failures of 5');
  });

  it('counts the error as a failure, with one warning, when isFailure throws', async () => {
    const warnings: string[] = [];
    const logger: DiagLogger = {
      error() {},
      warn: (message: string) => warnings.push(message),
      info() {},
      debug() {},
      verbose() {},
    };
    diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
    try {
      const breaker = createCircuitBreaker('svc', {
        consecutiveFailures: 1,
        isFailure: () => {
          throw new Error('predicate bug');
        },
        metrics: false,
      });
      await breaker.execute(boom).catch(() => undefined);
      assert.equal(breaker.state, 'open');
      assert.equal(breaker.counts.failure, 1);
      assert.deepEqual(warnings, ["@otelkit/circuit-breaker 'svc': isFailure threw; counting the error"]);
    } finally {
      diag.disable();
    }
  });

  it('makes no transition to the state it is already in', () => {
    const changes: StateChange[] = [];
    const breaker = createCircuitBreaker('svc', { onStateChange: (c) => changes.push(c), metrics: false });
    breaker.reset();
    breaker.isolate();
    breaker.isolate();
    breaker.disable();
    breaker.disable();
    breaker.reset();
    breaker.reset();
    assert.deepEqual(
      changes.map((c) => `${c.from}>${c.to}`),
      ['closed>isolated', 'isolated>disabled', 'disabled>closed'],
    );
  });

  it('forgets the failures that opened it once it closes again', async () => {
    const breaker = createCircuitBreaker('svc', {
      consecutiveFailures: 2,
      openDurationMs: 100,
      metrics: false,
    });
    await breaker.execute(boom).catch(() => undefined);
    await breaker.execute(boom).catch(() => undefined);
    assert.equal(breaker.state, 'open');
    clock.tick(100);
    await breaker.execute(ok);
    assert.equal(breaker.state, 'closed');
    await breaker.execute(boom).catch(() => undefined);
    assert.equal(breaker.state, 'closed', 'one failure after closing');
  });

  it('restores every state from toJSON(), and refuses an unknown one naming the setting', async () => {
    const source = createCircuitBreaker('svc', {
      consecutiveFailures: 1,
      openDurationMs: 100,
      metrics: false,
    });
    const restored = (): string =>
      createCircuitBreaker('copy', {
        initialState: JSON.parse(JSON.stringify(source.toJSON())),
        metrics: false,
      }).state;
    assert.equal(restored(), 'closed');
    await source.execute(boom).catch(() => undefined);
    clock.tick(100);
    assert.equal(restored(), 'half-open');
    source.isolate();
    assert.equal(restored(), 'isolated');
    source.disable();
    assert.equal(restored(), 'disabled');
    const bogus = { ...source.toJSON(), state: 'bogus' } as unknown as ReturnType<typeof source.toJSON>;
    assert.throws(
      () => createCircuitBreaker('bad', { initialState: bogus, metrics: false }),
      (err: unknown) =>
        isInvalidBreakerOptionError(err) && /initialState\.state/.test((err as Error).message),
    );
  });
});
