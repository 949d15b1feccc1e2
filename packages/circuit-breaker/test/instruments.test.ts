import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HistogramMetricData } from '@opentelemetry/sdk-metrics';

type HistogramDataPoint = HistogramMetricData['dataPoints'][number];

import { createCircuitBreaker } from '../src/breaker';
import { DURATION_BUFFER_SIZE } from '../src/breaker-metrics';
import { bindingFor } from '../src/instruments';
import { installClock, pointsOf, testMeter } from './helpers';

const fail = (): Promise<never> => Promise.reject(new Error('x'));

describe('breaker metrics', () => {
  it('reports calls by outcome, the state gauge and transitions through a real MeterProvider', async () => {
    const { meter, reader } = testMeter();
    const breaker = createCircuitBreaker('tmdb', { consecutiveFailures: 2, meter, fallback: () => 'fb' });
    await breaker.execute(() => 'ok');
    await breaker.execute(fail);
    await breaker.execute(fail);
    await breaker.execute(() => 'ok');
    const { resourceMetrics } = await reader.collect();

    const calls = pointsOf(resourceMetrics, 'otelkit.circuit_breaker.calls');
    const byOutcome = Object.fromEntries(calls.map((p) => [p.attributes.outcome, p.value]));
    assert.deepEqual(byOutcome, { success: 1, failure: 2, timeout: 0, rejected: 1, fallback: 3 });
    assert.ok(calls.every((p) => p.attributes.name === 'tmdb'));

    const state = pointsOf(resourceMetrics, 'otelkit.circuit_breaker.state');
    assert.deepEqual(Object.fromEntries(state.map((p) => [p.attributes.state, p.value])), {
      closed: 0,
      open: 1,
      'half-open': 0,
      isolated: 0,
      disabled: 0,
    });
    const transitions = pointsOf(resourceMetrics, 'otelkit.circuit_breaker.transitions');
    const sortKey = (p: { attributes: Record<string, unknown> }) => `${p.attributes.from}>${p.attributes.to}`;
    assert.deepEqual(
      [...transitions].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
      [
        { attributes: { name: 'tmdb', from: 'closed', to: 'open' }, value: 1 },
        // the other normal transitions are reported at 0 from the start
        { attributes: { name: 'tmdb', from: 'half-open', to: 'closed' }, value: 0 },
        { attributes: { name: 'tmdb', from: 'half-open', to: 'open' }, value: 0 },
        { attributes: { name: 'tmdb', from: 'open', to: 'half-open' }, value: 0 },
      ],
    );
    breaker.dispose();
  });

  it('counts every transition it went through by from and to, including isolate, disable and reset', async () => {
    const clock = installClock();
    try {
      const { meter, reader } = testMeter();
      const breaker = createCircuitBreaker('walk', { consecutiveFailures: 2, openDurationMs: 1_000, meter });
      const trip = async () => {
        await breaker.execute(fail).catch(() => undefined);
        await breaker.execute(fail).catch(() => undefined);
      };
      await trip(); // closed → open
      await clock.tickAsync(60_000);
      await breaker.execute(fail).catch(() => undefined); // open → half-open → open
      await clock.tickAsync(60_000);
      await breaker.execute(() => 'ok'); // open → half-open → closed
      breaker.isolate(); // closed → isolated
      breaker.reset(); // isolated → closed
      await trip(); // closed → open
      breaker.isolate(); // open → isolated
      breaker.disable(); // isolated → disabled
      breaker.reset(); // disabled → closed
      breaker.disable(); // closed → disabled
      breaker.reset(); // disabled → closed
      assert.equal(breaker.state, 'closed');

      const { resourceMetrics } = await reader.collect();
      const counted = Object.fromEntries(
        pointsOf(resourceMetrics, 'otelkit.circuit_breaker.transitions').map((p) => {
          assert.equal(p.attributes.name, 'walk');
          return [`${p.attributes.from}>${p.attributes.to}`, p.value];
        }),
      );
      assert.deepEqual(counted, {
        'closed>open': 2,
        'open>half-open': 2,
        'half-open>open': 1,
        'half-open>closed': 1,
        'closed>isolated': 1,
        'isolated>closed': 1,
        'open>isolated': 1,
        'isolated>disabled': 1,
        'disabled>closed': 2,
        'closed>disabled': 1,
      });
      breaker.dispose();
    } finally {
      clock.uninstall();
    }
  });

  it('records buffered call durations, in seconds, in the same collection', async () => {
    const clock = installClock();
    try {
      const { meter, reader } = testMeter();
      const breaker = createCircuitBreaker('slow', { meter });
      const call = breaker.execute(() => new Promise((r) => setTimeout(r, 250)));
      await clock.tickAsync(250);
      await call;
      await breaker.execute(fail).catch(() => undefined);
      const { resourceMetrics } = await reader.collect();
      const metric = resourceMetrics.scopeMetrics
        .flatMap((s) => s.metrics)
        .find((m) => m.descriptor.name === 'otelkit.circuit_breaker.call.duration') as HistogramMetricData;
      assert.equal(metric.descriptor.unit, 's');
      const success = metric.dataPoints.find((p) => p.attributes.outcome === 'success') as HistogramDataPoint;
      assert.equal(success.value.count, 1);
      assert.ok(Math.abs((success.value.sum ?? 0) - 0.25) < 1e-6, `sum ${success.value.sum}`);
      assert.equal(metric.dataPoints.find((p) => p.attributes.outcome === 'failure')?.value.count, 1);
      breaker.dispose();
    } finally {
      clock.uninstall();
    }
  });

  it('flushes durations when the buffer fills, so none are lost between collections', async () => {
    const { meter, reader } = testMeter();
    const breaker = createCircuitBreaker('busy', { meter });
    const n = DURATION_BUFFER_SIZE * 3 + 7;
    for (let i = 0; i < n; i++) await breaker.execute(() => i);
    const { resourceMetrics } = await reader.collect();
    const [point] = pointsOf(resourceMetrics, 'otelkit.circuit_breaker.call.duration');
    assert.equal((point.value as { count: number }).count, n);
    breaker.dispose();
  });

  it('stops reporting a disposed breaker but keeps reporting live ones', async () => {
    const { meter, reader } = testMeter();
    const gone = createCircuitBreaker('gone', { meter });
    const kept = createCircuitBreaker('kept', { meter });
    gone.dispose();
    const { resourceMetrics } = await reader.collect();
    const names = new Set(
      pointsOf(resourceMetrics, 'otelkit.circuit_breaker.state').map((p) => p.attributes.name),
    );
    assert.deepEqual([...names], ['kept']);
    kept.dispose();
  });

  it('lets garbage-collected breakers leave the registry', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { meter } = testMeter();
    const binding = bindingFor(meter);
    (() => {
      for (let i = 0; i < 100; i++) createCircuitBreaker(`request-${i}`, { meter });
    })();
    assert.equal(binding.size, 100);
    for (let i = 0; i < 50 && binding.size > 0; i++) {
      gc();
      await tick();
    }
    assert.equal(binding.size, 0);
  });

  it('registers one batch callback per meter, however many breakers', () => {
    const { meter } = testMeter();
    let callbacks = 0;
    const counting = new Proxy(meter, {
      get(target, prop, receiver) {
        if (prop === 'addBatchObservableCallback') {
          return (...args: Parameters<typeof meter.addBatchObservableCallback>) => {
            callbacks++;
            return target.addBatchObservableCallback(...args);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const breakers = Array.from({ length: 10 }, (_, i) => createCircuitBreaker(`b${i}`, { meter: counting }));
    assert.equal(callbacks, 1);
    for (const b of breakers) b.dispose();
  });
});
