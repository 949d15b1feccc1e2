import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { createOperationMonitor, startTelemetry, type Telemetry } from '@otelkit/core';
import { freePort } from '../../../../test/helpers/wait';

let telemetry: Telemetry | undefined;
afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
  diag.disable();
});

/**
 * Warnings otelkit logs through the OpenTelemetry diag logger while `run` runs (set here, after
 * `startTelemetry`, which routes diag to stderr).
 */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const record = (message: string) => seen.push(message);
  const logger = { error: record, warn: record, info: () => {}, debug: () => {}, verbose: () => {} };
  diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  await run();
  return seen;
}

describe('telemetry shutdown', () => {
  it('gives each hook what is left of one deadline', async () => {
    telemetry = startTelemetry({ server: false, runtimeMetrics: false, shutdownTimeoutMs: 2_000 });
    const given: number[] = [];
    telemetry.onShutdown(async (remainingMs) => {
      given.push(remainingMs);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    telemetry.onShutdown((remainingMs) => {
      given.push(remainingMs);
    });
    await telemetry.shutdown();
    assert.ok(given[0]! > 1_900 && given[0]! <= 2_000, `first hook got ${given[0]} ms`);
    assert.ok(given[1]! <= 2_000 - 290, `second hook got ${given[1]} ms after the first took 300`);
  });

  it('does not wait out the deadline for an OTLP metrics endpoint that refuses connections', async () => {
    const port = await freePort();
    telemetry = startTelemetry({
      server: false,
      runtimeMetrics: false,
      metricsExporters: ['otlp'],
      otlp: { endpoint: `http://127.0.0.1:${port}/v1/metrics`, timeoutMs: 10_000 },
      exportIntervalMs: 600_000,
      shutdownTimeoutMs: 8_000,
    });
    createOperationMonitor({ namespace: 'gone' }).recordItems('a', 'b', 'c', 1);
    const started = Date.now();
    const seen = await warnings(() => telemetry!.shutdown());
    assert.ok(Date.now() - started < 2_000, `shutdown took ${Date.now() - started} ms`);
    assert.ok(
      seen.some((w) =>
        w.includes(`metrics flush failed: Error: nothing answers at http://127.0.0.1:${port}`),
      ),
      seen.join('\n'),
    );
  });
});
