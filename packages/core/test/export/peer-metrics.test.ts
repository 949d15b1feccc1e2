import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import { gaugeMetrics } from '../../src/export/gauge-metrics';
import { fromMetricsData, toMetricsData } from '../../src/export/metrics-data';
import { withAttributes } from '../../src/export/with-attributes';
import { serializeMetrics } from '../../src/prometheus/serializer';
import { collect, promtoolAvailable, promtoolCheck } from '../prometheus/helpers';

const prometheus = { format: 'prometheus' } as const;

/** What a cluster worker records: a series with no attributes, one with, a gauge and a histogram. */
function workerRecords(value: number) {
  return (provider: MeterProvider) => {
    const meter = provider.getMeter('app');
    meter.createCounter('app.started', { description: 'Starts.' }).add(value);
    meter.createCounter('app.handled').add(value, { kind: 'startup' });
    meter.createGauge('app.queue').record(value);
    meter
      .createHistogram('app.duration', { unit: 's', advice: { explicitBucketBoundaries: [0.1, 0.25] } })
      .record(value / 10);
  };
}

/** A worker's collection as the primary receives it over the IPC channel (JSON both ways). */
async function overTheWire(value: number) {
  const own = await collect(workerRecords(value), {
    resource: resourceFromAttributes({ 'service.name': 'app', 'process.pid': 100 + value }),
  });
  const received = fromMetricsData(JSON.parse(JSON.stringify(toMetricsData(own))));
  assert.ok(received !== undefined);
  return received;
}

describe('cluster /metrics as data (withAttributes, toMetricsData, serializeMetrics of a list)', () => {
  it('gives every sample, with attributes or none, the label of its process', async () => {
    const merged = serializeMetrics(
      [
        withAttributes(await overTheWire(1), { cluster_worker: '1' }),
        withAttributes(await overTheWire(2), { cluster_worker: '2' }),
      ],
      prometheus,
    );
    const samples = merged.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    assert.deepEqual(
      samples.filter((l) => !/^[^ ]*\{cluster_worker="(1|2)"[,}]/.test(l)),
      [],
      merged,
    );
    assert.deepEqual(
      samples.filter((l) => l.startsWith('app_started_total')),
      [
        'app_started_total{cluster_worker="1",otel_scope_name="app"} 1',
        'app_started_total{cluster_worker="2",otel_scope_name="app"} 2',
      ],
    );
    assert.ok(
      samples.includes('app_handled_total{cluster_worker="2",kind="startup",otel_scope_name="app"} 2'),
    );
    assert.ok(samples.includes('app_queue{cluster_worker="1",otel_scope_name="app"} 1'));
    assert.ok(
      samples.includes('app_duration_seconds_bucket{cluster_worker="2",otel_scope_name="app",le="0.25"} 1'),
    );
    assert.equal(merged.split('\n').filter((l) => l === '# TYPE app_started_total counter').length, 1);
    assert.equal(merged.split('\n').filter((l) => l === '# TYPE target_info gauge').length, 1);
    assert.match(merged, /^target_info\{cluster_worker="1",process_pid="101",service_name="app"\} 1$/m);
    assert.match(merged, /^target_info\{cluster_worker="2",process_pid="102",service_name="app"\} 1$/m);
  });

  it('keeps the process label when a series already has an attribute of that name', async () => {
    const own = await collect((p) =>
      p.getMeter('app').createCounter('app.c').add(1, { cluster_worker: 'app' }),
    );
    const text = serializeMetrics(withAttributes(own, { cluster_worker: '3' }), prometheus);
    assert.match(text, /^app_c_total\{cluster_worker="3",otel_scope_name="app"\} 1$/m);
  });

  it('leaves the collection it labels unchanged (it is shared with /metrics/json)', async () => {
    const own = await collect(workerRecords(1));
    const before = serializeMetrics(own, prometheus);
    withAttributes(own, { cluster_worker: 'primary' });
    assert.equal(serializeMetrics(own, prometheus), before);
  });

  it('carries non-finite values and exemplars through JSON', async () => {
    const own = await collect((p) => {
      p.getMeter('app').createGauge('app.ratio').record(Number.NaN);
      p.getMeter('app').createCounter('app.handled').add(1);
    });
    const counter = own.scopeMetrics[0]!.metrics[1]!.dataPoints[0]! as { exemplars?: unknown };
    counter.exemplars = [
      {
        filteredAttributes: {},
        value: 1,
        timestamp: [1, 0],
        traceId: 'a'.repeat(32),
        spanId: 'b'.repeat(16),
      },
    ];
    const received = fromMetricsData(JSON.parse(JSON.stringify(toMetricsData(own))));
    assert.ok(received !== undefined);
    const openMetrics = serializeMetrics(received, { format: 'openmetrics' });
    assert.equal(openMetrics, serializeMetrics(own, { format: 'openmetrics' }));
    assert.match(openMetrics, /^app_ratio\{otel_scope_name="app"\} NaN$/m);
    assert.match(
      openMetrics,
      /^app_handled_total\{otel_scope_name="app"\} 1 # \{trace_id="a{32}",span_id="b{16}"\} 1 1\.000$/m,
    );
  });

  it('refuses data of another shape', () => {
    assert.equal(
      fromMetricsData({ resource: { attributes: {} }, scopeMetrics: [{ metrics: 1 }] }),
      undefined,
    );
    assert.equal(fromMetricsData('text'), undefined);
  });

  it('writes an unscoped gauge without scope labels or target_info', () => {
    const text = serializeMetrics(
      gaugeMetrics({
        name: 'x.workers',
        description: 'Workers.',
        points: [{ attributes: { state: 'a' }, value: 2 }],
      }),
      prometheus,
    );
    assert.equal(text, '# HELP x_workers Workers.\n# TYPE x_workers gauge\nx_workers{state="a"} 2\n');
  });

  it('passes promtool check metrics on the merged exposition', {
    skip: !promtoolAvailable() && 'no promtool',
  }, async () => {
    const own = await collect(workerRecords(5));
    const text = serializeMetrics(
      [
        withAttributes(own, { cluster_worker: 'primary' }),
        withAttributes(await overTheWire(1), { cluster_worker: '1' }),
        gaugeMetrics({ name: 'x.workers', description: 'Workers.', points: [{ attributes: {}, value: 1 }] }),
      ],
      prometheus,
    );
    assert.deepEqual(promtoolCheck(text), { status: 0, output: '' });
  });
});
