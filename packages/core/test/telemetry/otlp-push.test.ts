import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createOperationMonitor, startTelemetry, type Telemetry } from '@otelkit/core';
import { OtlpReceiver, type Received } from '../helpers/otlp-receiver';

interface OtlpMetric {
  name: string;
  unit?: string;
  sum?: { dataPoints: OtlpPoint[]; isMonotonic?: boolean };
  histogram?: {
    dataPoints: Array<OtlpPoint & { count: string | number; sum: number; explicitBounds: number[] }>;
  };
}
interface OtlpPoint {
  attributes: Array<{ key: string; value: { stringValue?: string } }>;
  asInt?: string | number;
  asDouble?: number;
}
interface OtlpBody {
  resourceMetrics: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeMetrics: Array<{ metrics: OtlpMetric[] }>;
  }>;
}

function allMetrics(received: readonly Received[]): OtlpMetric[] {
  return received.flatMap((r) =>
    (r.body as OtlpBody).resourceMetrics.flatMap((rm) => rm.scopeMetrics.flatMap((s) => s.metrics)),
  );
}

function attr(point: OtlpPoint, key: string): string | undefined {
  return point.attributes.find((a) => a.key === key)?.value.stringValue;
}

let telemetry: Telemetry | undefined;
let receiver: OtlpReceiver | undefined;
afterEach(async () => {
  await telemetry?.shutdown();
  await receiver?.stop();
  telemetry = undefined;
});

describe('OTLP/HTTP metrics push', () => {
  it('sends names, units, values and the resource to the endpoint', async () => {
    receiver = new OtlpReceiver();
    const url = await receiver.start();
    telemetry = startTelemetry({
      serviceName: 'push-test',
      server: false,
      runtimeMetrics: false,
      logLevel: 'none',
      metricsExporters: ['otlp'],
      otlp: { endpoint: `${url}/v1/metrics`, headers: { 'x-api-key': 'k1' } },
      exportIntervalMs: 200,
    });
    const monitor = createOperationMonitor({ namespace: 'push' });
    await monitor.track('cycle', async () => {});
    monitor.recordItems('cycle', 'file', 'updated', 4);
    await receiver.waitFor((r) => allMetrics(r).some((m) => m.name === 'push.items'));
    const first = receiver.received[0]!;
    assert.equal(first.path, '/v1/metrics');
    assert.equal(first.headers['x-api-key'], 'k1');
    const resource = (first.body as OtlpBody).resourceMetrics[0]!.resource.attributes;
    assert.equal(resource.find((a) => a.key === 'service.name')?.value.stringValue, 'push-test');
    const metrics = allMetrics(receiver.received);
    const items = metrics.find((m) => m.name === 'push.items')!;
    assert.equal(items.sum?.isMonotonic, true);
    const point = items.sum!.dataPoints.find((p) => attr(p, 'item.action') === 'updated')!;
    assert.equal(Number(point.asInt ?? point.asDouble), 4);
    const duration = metrics.find((m) => m.name === 'push.operation.duration')!;
    assert.equal(duration.unit, 's');
    const h = duration.histogram!.dataPoints.find((p) => attr(p, 'status') === 'success')!;
    assert.equal(Number(h.count), 1);
    assert.equal(h.explicitBounds[0], 0.005);
  });

  it('flushes pending metrics on shutdown', async () => {
    receiver = new OtlpReceiver();
    const url = await receiver.start();
    telemetry = startTelemetry({
      server: false,
      runtimeMetrics: false,
      logLevel: 'none',
      metricsExporters: ['otlp'],
      otlp: { endpoint: `${url}/v1/metrics` },
      exportIntervalMs: 600_000,
    });
    createOperationMonitor({ namespace: 'flush' }).recordItems('a', 'b', 'c', 9);
    await telemetry.shutdown();
    assert.ok(allMetrics(receiver.received).some((m) => m.name === 'flush.items'));
  });

  it('shows failed exports on /metrics when the backend answers 500', async () => {
    receiver = new OtlpReceiver();
    receiver.mode = 'error500';
    const url = await receiver.start();
    telemetry = startTelemetry({
      host: '127.0.0.1',
      port: 0,
      runtimeMetrics: false,
      logLevel: 'none',
      metricsExporters: ['prometheus', 'otlp'],
      otlp: { endpoint: `${url}/v1/metrics` },
      exportIntervalMs: 100,
    });
    const address = await telemetry.ready;
    createOperationMonitor({ namespace: 'f' }).recordItems('a', 'b', 'c');
    let text = '';
    for (let i = 0; i < 50 && !/outcome="failure"[^}]*\} [1-9]/.test(text); i++) {
      await new Promise((r) => setTimeout(r, 100));
      text = await (await fetch(`${address!.url}/metrics`)).text();
    }
    assert.match(
      text,
      /otelkit_exporter_exports_total\{signal="metrics",exporter="otlp",outcome="failure"[^}]*\} [1-9]/,
    );
    assert.match(text, /otelkit_exporter_dropped_total\{signal="metrics",exporter="otlp"[^}]*\} [1-9]/);
    assert.doesNotMatch(text, /otelkit_exporter_last_success_timestamp_seconds\{signal="metrics"/);
  });
});
