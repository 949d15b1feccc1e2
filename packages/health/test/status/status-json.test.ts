import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOperationMonitor } from '@otelkit/core';
import { type StatusModel, startHealth } from '../../src';
import { fetchText, startTestTelemetry } from '../helpers';

describe('/health/status.json', () => {
  it('reports service, checks, breakers, per-operation rates and quantiles, runtime and history', async () => {
    const { telemetry, url } = await startTestTelemetry();
    const health = startHealth(telemetry, { sampleIntervalMs: 0, statusRefreshMs: 750 });
    try {
      health.markReady();
      health.registerCheck('db:ping', () => ({
        status: 'warn',
        output: 'slow <b>',
        observedValue: 120,
        observedUnit: 'ms',
      }));
      const monitor = createOperationMonitor({ namespace: 'sync', meter: telemetry.getMeter('test') });
      for (let i = 0; i < 8; i++) monitor.track('cycle', () => i);
      for (let i = 0; i < 2; i++) {
        try {
          monitor.track('cycle', () => {
            throw new Error('x');
          });
        } catch {
          // counted as a failure
        }
      }
      const breakers = telemetry.getMeter('breaker-test').createGauge('otelkit.circuit_breaker.state');
      for (const state of ['closed', 'open', 'half_open']) {
        breakers.record(state === 'open' ? 1 : 0, { name: 'payments', state });
      }
      const reply = await fetchText(`${url}/health/status.json`);
      assert.equal(reply.status, 200);
      assert.match(reply.headers['content-type'] ?? '', /^application\/json/);
      const model = JSON.parse(reply.body) as StatusModel;
      assert.equal(model.service.name, 'health-test');
      assert.equal(model.service.version, '1.2.3');
      assert.equal(model.service.pid, process.pid);
      assert.equal(model.status, 'warn');
      assert.equal(model.lifecycle, 'ready');
      assert.equal(model.refreshMs, 750);
      const db = model.checks.find((c) => c.name === 'db:ping');
      assert.deepEqual(
        { status: db?.status, output: db?.output, observedValue: db?.observedValue },
        { status: 'warn', output: 'slow <b>', observedValue: 120 },
      );
      assert.deepEqual(model.breakers, [{ name: 'payments', state: 'open' }]);
      const cycle = model.operations.find((o) => o.namespace === 'sync' && o.operation === 'cycle');
      assert.ok(cycle !== undefined);
      assert.equal(cycle.total, 10);
      assert.ok(Math.abs(cycle.errorRatio - 0.2) < 1e-9);
      assert.ok(cycle.ratePerSecond > 0);
      assert.equal(typeof cycle.p50Ms, 'number');
      assert.ok(cycle.p50Ms! <= cycle.p95Ms! && cycle.p95Ms! <= cycle.p99Ms!);
      assert.ok(
        model.runtime.heapUsedBytes > 0 && model.runtime.heapLimitBytes > model.runtime.heapUsedBytes,
      );
      assert.deepEqual(model.history, { intervalMs: 0, points: [] });
    } finally {
      health.close();
      await telemetry.shutdown();
    }
  });
});
