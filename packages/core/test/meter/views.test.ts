import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  AggregationTemporality,
  AggregationType,
  createAllowListAttributesProcessor,
  createDenyListAttributesProcessor,
  type Histogram,
  InstrumentType,
  MeterProvider,
  type ViewOptions,
} from '@opentelemetry/sdk-metrics';
import {
  createOperationMonitor,
  GuardedMeterProvider,
  isOtelkitError,
  LocalInstrumentRegistry,
  LocalMetricProducer,
  startTelemetry,
  type Telemetry,
} from '@otelkit/core/internal';
import { sdkViews } from '../../src/views/sdk-views';
import { collectMetric, histogramValue, pointValue, TestReader } from '../helpers/reader';

/** otelkit's engine with `views`, wired as startTelemetry() wires it. */
function engine(views: ViewOptions[], limit = 2000) {
  const local = new LocalInstrumentRegistry();
  const reader = new TestReader({
    metricProducers: [new LocalMetricProducer(local, AggregationTemporality.CUMULATIVE)],
  });
  const sdk = new MeterProvider({ readers: [reader], views: sdkViews(views, limit) });
  return { provider: new GuardedMeterProvider(sdk, limit, local, views), reader };
}

let telemetry: Telemetry | undefined;
afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
});

describe('views on in-process instruments', () => {
  it('use the sorted view boundaries without the infinities, as sdk-metrics does', async () => {
    const { provider, reader } = engine([
      {
        instrumentName: 'latency',
        aggregation: {
          type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
          options: { boundaries: [10, 1, Number.NEGATIVE_INFINITY, 5, Number.POSITIVE_INFINITY] },
        },
      },
    ]);
    const histogram = provider.getMeter('app').createHistogram('latency');
    for (const v of [0, 1, 3, 5, 7, 10, 11]) histogram.record(v);
    const value = histogramValue(await collectMetric(reader, 'latency'), {}) as Histogram;
    assert.deepEqual(value.buckets, { boundaries: [1, 5, 10], counts: [2, 2, 2, 1] });
  });

  it('select by name wildcards `*` and `?`, type and meter, and rename one instrument', async () => {
    const { provider, reader } = engine([
      { instrumentName: 'jobs.?one', instrumentType: InstrumentType.COUNTER, description: 'Done.' },
      { instrumentName: 'jobs.failed', name: 'jobs.errors' },
      { instrumentName: 'queue.*.depth', meterName: 'lib', description: 'Per queue.' },
    ]);
    provider.getMeter('app').createCounter('jobs.done').add(2);
    provider.getMeter('lib').createGauge('queue.inbox.depth').record(4);
    provider.getMeter('app').createGauge('queue.outbox.depth').record(1);
    provider.getMeter('app').createCounter('jobs.failed').add(1);
    assert.equal((await collectMetric(reader, 'jobs.done')).descriptor.description, 'Done.');
    assert.equal(pointValue(await collectMetric(reader, 'jobs.errors'), {}), 1);
    assert.equal((await collectMetric(reader, 'queue.inbox.depth')).descriptor.description, 'Per queue.');
    assert.equal((await collectMetric(reader, 'queue.outbox.depth')).descriptor.description, '');
  });

  it('keep or drop attributes, bound series included, and drop instruments', async () => {
    const { provider, reader } = engine([
      { instrumentName: 'requests', attributesProcessors: [createDenyListAttributesProcessor(['user.id'])] },
      { instrumentName: 'noise', aggregation: { type: AggregationType.DROP } },
    ]);
    const meter = provider.getMeter('app');
    const requests = meter.createCounter('requests');
    requests.add(1, { route: '/a', 'user.id': '1' });
    requests.add(1, { 'user.id': '2', route: '/a' });
    requests.bind({ route: '/a', 'user.id': '3' }).add(1);
    meter.createCounter('noise').add(5);
    const metric = await collectMetric(reader, 'requests');
    assert.equal(metric.dataPoints.length, 1);
    assert.equal(pointValue(metric, { route: '/a' }), 3);
    await assert.rejects(collectMetric(reader, 'noise'), /not collected/);
  });

  it('apply a per-view cardinality limit (the overflow series counted in it)', async () => {
    const { provider, reader } = engine([{ instrumentName: 'tenants', aggregationCardinalityLimit: 3 }]);
    const counter = provider.getMeter('app').createCounter('tenants');
    for (const tenant of ['a', 'b', 'c', 'd']) counter.add(1, { tenant });
    const metric = await collectMetric(reader, 'tenants');
    assert.equal(pointValue(metric, { tenant: 'b' }), 1);
    assert.equal(pointValue(metric, { 'otel.metric.overflow': true }), 2);
  });

  it('hand an exponential-histogram view to the SDK, which applies it', async () => {
    const { provider, reader } = engine([
      { instrumentName: 'sizes', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } },
    ]);
    provider.getMeter('app').createHistogram('sizes').record(3, { kind: 'x' });
    const metric = await collectMetric(reader, 'sizes');
    assert.equal(metric.dataPoints.length, 1);
    assert.equal((metric.dataPoints[0]!.value as { count: number }).count, 1);
    assert.ok('scale' in (metric.dataPoints[0]!.value as object), 'an exponential histogram point');
  });

  it('stop start-up with one line naming a malformed view', () => {
    assert.throws(
      () => engine([{ name: 'renamed', instrumentName: 'http.*' }]),
      (e: unknown) => isOtelkitError(e) && /views\[0\]\.name/.test(e.message) && !e.message.includes('\n'),
    );
    assert.throws(
      () => engine([{ description: 'no selector' }]),
      (e: unknown) => isOtelkitError(e) && /views\[0\]/.test(e.message),
    );
  });
});

describe('startTelemetry({ views })', () => {
  it('renames and drops an attribute of an operation-monitor metric on /metrics', async () => {
    telemetry = startTelemetry({
      host: '127.0.0.1',
      port: 0,
      logLevel: 'none',
      runtimeMetrics: false,
      views: [
        {
          instrumentName: 'vw.operations',
          name: 'vw.runs',
          attributesProcessors: [createAllowListAttributesProcessor(['status'])],
        },
      ],
    });
    const monitor = createOperationMonitor({ namespace: 'vw' });
    await monitor.track('sync', async () => {});
    await monitor.track('copy', async () => {});
    const address = await telemetry.ready;
    const text = await (await fetch(`${address!.url}/metrics`)).text();
    assert.match(text, /^vw_runs_total\{status="success",otel_scope_name="@otelkit\/core"\} 2$/m);
    assert.doesNotMatch(text, /vw_operations_total/);
  });

  it("keeps otelkit's cardinality limit on observable instruments no user view selects", async () => {
    telemetry = startTelemetry({
      host: '127.0.0.1',
      port: 0,
      logLevel: 'none',
      runtimeMetrics: false,
      cardinalityLimit: 5,
      views: [{ instrumentName: 'unrelated', name: 'renamed' }],
    });
    telemetry
      .getMeter('app')
      .createObservableGauge('queue.size')
      .addCallback((result) => {
        for (let i = 0; i < 20; i++) result.observe(i, { queue: `q${i}` });
      });
    const address = await telemetry.ready;
    const text = await (await fetch(`${address!.url}/metrics`)).text();
    const series = text.split('\n').filter((line) => line.startsWith('queue_size{'));
    // The limit's worth of series plus the overflow series, as the synchronous instruments get.
    assert.equal(series.length, 6, text);
    assert.equal(series.filter((line) => line.includes('otel_metric_overflow="true"')).length, 1);
  });
});
