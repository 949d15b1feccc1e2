import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { metrics } from '@opentelemetry/api';
import { createOperationMonitor, isOtelkitError, startTelemetry, type Telemetry } from '@otelkit/core';
import { fetchJson, fetchText } from '../../../../test/helpers/http';
import { startTestTelemetry } from '../../../../test/helpers/telemetry';
import { promtoolCheckMetrics } from '../helpers/promtool';

let telemetry: Telemetry | undefined;
afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
});

async function start(options: Parameters<typeof startTelemetry>[0] = {}) {
  let url: string;
  ({ telemetry, url } = await startTestTelemetry({
    serviceName: 'scrape-test',
    logLevel: 'none',
    ...options,
  }));
  return url;
}

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('startTelemetry + /metrics', () => {
  it('serves what the operation monitor recorded, and promtool finds nothing to report', async () => {
    const url = await start();
    const monitor = createOperationMonitor({ namespace: 'sync' });
    await monitor.track('cycle', { source: 'gh' }, async () => {});
    await monitor
      .track('cycle', { source: 'gh' }, async () => {
        throw new RangeError('x');
      })
      .catch(() => {});
    monitor.recordItems('cycle', 'repo', 'created', 3);
    monitor.setQueueDepth('pending', 7);
    // The event-loop delay gauges appear once the delay histogram has a sample: its timer (10 ms
    // resolution) fires before this one.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await fetchText(`${url}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers['content-type'] ?? '', /^text\/plain; version=0\.0\.4/);
    const text = response.body;
    const scope = 'otel_scope_name="@otelkit/core"';
    assert.equal(
      sample(text, `sync_operations_total{source="gh",operation="cycle",status="success",${scope}}`),
      1,
    );
    assert.equal(
      sample(text, `sync_operations_total{source="gh",operation="cycle",status="failure",${scope}}`),
      1,
    );
    assert.equal(
      sample(text, `sync_errors_total{error_type="RangeError",operation="cycle",source="gh",${scope}}`),
      1,
    );
    assert.equal(
      sample(text, `sync_items_total{item_action="created",item_type="repo",operation="cycle",${scope}}`),
      3,
    );
    assert.equal(sample(text, `sync_queue_depth{queue="pending",${scope}}`), 7);
    assert.equal(
      sample(
        text,
        `sync_operation_duration_seconds_count{source="gh",operation="cycle",status="success",${scope}}`,
      ),
      1,
    );
    assert.match(text, /sync_operation_duration_seconds_bucket\{[^}]*le="0\.005"\}/);
    assert.match(text, /^# TYPE sync_operations_total counter$/m);
    assert.match(text, /^# TYPE sync_last_success_timestamp_seconds gauge$/m);
    assert.match(text, /^target_info\{.*service_name="scrape-test".*\} 1$/m);
    assert.match(text, /^nodejs_eventloop_delay_p99_seconds/m, 'runtime metrics on by default');
    assert.equal(promtoolCheckMetrics(text), '');
  });

  it('answers OpenMetrics when the scraper asks for it', async () => {
    const url = await start({ runtimeMetrics: false });
    createOperationMonitor({ namespace: 'om' }).recordItems('a', 'b', 'c');
    const response = await fetchText(`${url}/metrics`, {
      headers: { accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5' },
    });
    assert.match(response.headers['content-type'] ?? '', /^application\/openmetrics-text; version=1\.0\.0/);
    const text = response.body;
    assert.match(text, /^# TYPE om_items counter$/m);
    assert.ok(text.endsWith('# EOF\n'));
  });

  it('serves a JSON snapshot with histogram quantiles', async () => {
    const url = await start({ runtimeMetrics: false });
    const monitor = createOperationMonitor({ namespace: 'js' });
    for (let i = 0; i < 20; i++) monitor.track('op', () => i);
    const { body: snapshot } = await fetchJson<{
      resource: Record<string, unknown>;
      metrics: Array<{ name: string; prometheusName: string; points: Array<Record<string, unknown>> }>;
    }>(`${url}/metrics/json`);
    assert.equal(snapshot.resource['service.name'], 'scrape-test');
    const duration = snapshot.metrics.find((m) => m.name === 'js.operation.duration');
    assert.equal(duration?.prometheusName, 'js_operation_duration_seconds');
    const point = duration?.points.find((p) => (p.attributes as Record<string, string>).status === 'success');
    assert.equal(point?.count, 20);
    assert.equal(typeof point?.p99, 'number');
  });

  it('keeps memory bounded and the overflow visible under 300,000 distinct label sets', async () => {
    const url = await start({ runtimeMetrics: false, cardinalityLimit: 1000 });
    const counter = metrics.getMeter('explosion').createCounter('user.requests');
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 300_000; i++) counter.add(1, { user: `user-${i}` });
    const text = (await fetchText(`${url}/metrics`)).body;
    const grownMb = (process.memoryUsage().heapUsed - before) / 1e6;
    assert.ok(grownMb < 60, `heap grew ${grownMb.toFixed(1)} MB`);
    assert.equal(text.split('\n').filter((l) => l.startsWith('user_requests_total{')).length, 1001);
    assert.equal(
      sample(
        text,
        'otelkit_metric_overflow_measurements_total{instrument="user.requests",otel_scope_name="@otelkit/core"}',
      ),
      299_000,
    );
    assert.match(
      text,
      /user_requests_total\{otel_metric_overflow="true",otel_scope_name="explosion"\} 299000/,
    );
  });

  it('counts every measurement and attribute it drops at record time', async () => {
    const url = await start({ runtimeMetrics: false });
    const counter = metrics.getMeter('drops').createCounter('drops.requests');
    for (const bad of [Number.NaN, -1, Number.POSITIVE_INFINITY]) counter.add(bad, { ok: 'yes' });
    counter.add(1, { ok: 'yes', bad: { nested: true } as unknown as string });
    counter.add(1, { ok: 'yes', fn: (() => 1) as unknown as string });
    const text = (await fetchText(`${url}/metrics`)).body;
    assert.match(text, /otelkit_metric_invalid_measurements_total\{instrument="drops\.requests"[^}]*\} 3/);
    assert.match(text, /otelkit_metric_dropped_attributes_total\{instrument="drops\.requests"[^}]*\} 2/);
    assert.match(text, /drops_requests_total\{ok="yes"[^}]*\} 2/);
  });

  it('is idempotent on shutdown and closes the server', async () => {
    const url = await start({ runtimeMetrics: false });
    const t = telemetry!;
    await Promise.all([t.shutdown(), t.shutdown()]);
    await assert.rejects(fetch(`${url}/metrics`));
    assert.equal(metrics.getMeterProvider().constructor.name, 'NoopMeterProvider');
  });

  it('refuses bad configuration before starting anything', () => {
    assert.throws(
      () => startTelemetry({ env: { OTELKIT_PORT: 'abc' } }),
      (e: unknown) => isOtelkitError(e) && /OTELKIT_PORT="abc"/.test(e.message),
    );
    assert.equal(metrics.getMeterProvider().constructor.name, 'NoopMeterProvider', 'no provider registered');
  });

  it('runs on without the server when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    telemetry = startTelemetry({ host: '127.0.0.1', port, logLevel: 'none', runtimeMetrics: false });
    assert.equal(await telemetry.ready, undefined);
    createOperationMonitor({ namespace: 'still' }).recordItems('a', 'b', 'c');
    assert.ok(await telemetry.collect(), 'metrics still collected');
    blocker.close();
  });

  it('does nothing when OTEL_SDK_DISABLED=true', async () => {
    telemetry = startTelemetry({ env: { OTEL_SDK_DISABLED: 'true' }, port: 0 });
    assert.equal(telemetry.server, undefined);
    assert.equal(await telemetry.ready, undefined);
    assert.doesNotThrow(() => telemetry!.getMeter('x').createCounter('c').bind().add(1));
  });
});
