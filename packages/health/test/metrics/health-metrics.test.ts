import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startHealth } from '../../src';
import { fetchText, startTestTelemetry } from '../helpers';

function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const matches = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('health metrics', () => {
  it('reports otelkit.health.status per check and overall, and check durations, on /metrics', async () => {
    const { telemetry, url } = await startTestTelemetry();
    const health = startHealth(telemetry, { sampleIntervalMs: 0 });
    try {
      health.markReady();
      health.registerCheck('db:ping', () => true);
      health.registerCheck('disk:free', () => ({ status: 'warn' }), { kind: 'liveness' });
      health.registerCheck('cache:ping', () => false, { critical: false });
      await fetchText(`${url}/healthz`);
      const text = (await fetchText(`${url}/metrics`)).body;
      assert.equal(sample(text, 'otelkit_health_status', { check: 'db:ping', kind: 'readiness' }), 1);
      assert.equal(sample(text, 'otelkit_health_status', { check: 'disk:free', kind: 'liveness' }), 0.5);
      assert.equal(sample(text, 'otelkit_health_status', { check: 'cache:ping', kind: 'readiness' }), 0);
      assert.equal(sample(text, 'otelkit_health_status', { check: 'overall', kind: 'liveness' }), 0.5);
      assert.equal(sample(text, 'otelkit_health_status', { check: 'overall', kind: 'readiness' }), 0.5);
      assert.equal(
        sample(text, 'otelkit_health_check_duration_seconds_count', { check: 'db:ping', kind: 'readiness' }),
        1,
      );

      health.registerCheck('db:ping', () => false);
      await fetchText(`${url}/readyz`);
      const after = (await fetchText(`${url}/metrics`)).body;
      assert.equal(sample(after, 'otelkit_health_status', { check: 'db:ping', kind: 'readiness' }), 0);
      assert.equal(sample(after, 'otelkit_health_status', { check: 'overall', kind: 'readiness' }), 0);
    } finally {
      health.close();
      await telemetry.shutdown();
    }
  });

  it('reports overall readiness 0 before markReady()', async () => {
    const { telemetry, url } = await startTestTelemetry();
    const health = startHealth(telemetry, { sampleIntervalMs: 0 });
    try {
      const text = (await fetchText(`${url}/metrics`)).body;
      assert.equal(sample(text, 'otelkit_health_status', { check: 'overall', kind: 'readiness' }), 0);
      assert.equal(sample(text, 'otelkit_health_status', { check: 'overall', kind: 'liveness' }), 1);
    } finally {
      health.close();
      await telemetry.shutdown();
    }
  });
});
