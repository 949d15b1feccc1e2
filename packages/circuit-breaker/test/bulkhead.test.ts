import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCircuitBreaker } from '../src/breaker';
import { bulkhead } from '../src/bulkhead';
import { isBulkheadRejectedError, isInvalidBreakerOptionError } from '../src/errors';
import { deferred, flush, rejection } from './helpers';

describe('bulkhead', () => {
  it('runs maxConcurrent calls, queues maxQueue more in order, and fails fast past that', async () => {
    const limit = bulkhead({ maxConcurrent: 2, maxQueue: 1, name: 'db' });
    const gates = [deferred<number>(), deferred<number>(), deferred<number>()];
    const started: number[] = [];
    const calls = gates.map((g, i) =>
      limit.execute(() => {
        started.push(i);
        return g.promise;
      }),
    );
    const full = await rejection(limit.execute(() => 99));
    assert.ok(isBulkheadRejectedError(full));
    assert.equal(full.code, 'OTELKIT_ERR_BULKHEAD_FULL');
    assert.deepEqual(started, [0, 1]);
    assert.equal(limit.running, 2);
    assert.equal(limit.queued, 1);
    gates[0].resolve(0);
    await flush();
    assert.deepEqual(started, [0, 1, 2]);
    gates[1].resolve(1);
    gates[2].resolve(2);
    assert.deepEqual(await Promise.all(calls), [0, 1, 2]);
    assert.equal(limit.running, 0);
  });

  it('frees the slot when a call throws', async () => {
    const limit = bulkhead({ maxConcurrent: 1 });
    await limit
      .execute(() => {
        throw new Error('x');
      })
      .catch(() => undefined);
    assert.equal(await limit.execute(() => 'next'), 'next');
  });

  it('removes a waiting call whose signal aborts', async () => {
    const limit = bulkhead({ maxConcurrent: 1, maxQueue: 5 });
    const gate = deferred<void>();
    const first = limit.execute(() => gate.promise);
    const caller = new AbortController();
    const waiting = limit.execute(() => 'never', caller.signal);
    caller.abort(new Error('gave up'));
    assert.equal(((await rejection(waiting)) as Error).message, 'gave up');
    assert.equal(limit.queued, 0);
    gate.resolve();
    await first;
  });

  it('composes with a breaker without a full bulkhead counting as a dependency failure', async () => {
    const breaker = createCircuitBreaker('svc', { consecutiveFailures: 1, metrics: false });
    const limit = bulkhead({ maxConcurrent: 1 });
    const gate = deferred<string>();
    const first = breaker.execute((signal) => limit.execute(() => gate.promise, signal));
    const second = await rejection(breaker.execute((signal) => limit.execute(() => 'x', signal)));
    assert.ok(isBulkheadRejectedError(second));
    assert.equal(breaker.state, 'closed');
    gate.resolve('done');
    assert.equal(await first, 'done');
  });

  it('rejects bad limits at creation, naming the option', () => {
    assert.throws(
      () => bulkhead({ maxConcurrent: 0 }),
      (err) => isInvalidBreakerOptionError(err) && err.option === 'maxConcurrent',
    );
    assert.throws(
      () => bulkhead({ maxConcurrent: 1, maxQueue: -1 }),
      (err) => isInvalidBreakerOptionError(err) && err.option === 'maxQueue',
    );
  });
});
