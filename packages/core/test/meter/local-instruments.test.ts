import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  type Histogram,
  MeterProvider,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { GuardedMeterProvider, LocalInstrumentRegistry, LocalMetricProducer } from '@otelkit/core/internal';
import FakeTimers from '@sinonjs/fake-timers';
import { exemplars } from '../../src/exemplars/store';
import { invalidMeasurements } from '../../src/meter/values';
import { byName, TestReader } from '../helpers/reader';

/** An otelkit provider as startTelemetry() builds it, with one cumulative and one delta reader. */
function setup(limit = 2000) {
  const local = new LocalInstrumentRegistry();
  const cumulative = new TestReader({
    metricProducers: [new LocalMetricProducer(local, AggregationTemporality.CUMULATIVE)],
  });
  const delta = new TestReader({
    metricProducers: [new LocalMetricProducer(local, AggregationTemporality.DELTA)],
  });
  const sdk = new MeterProvider({ readers: [cumulative, delta] });
  const provider = new GuardedMeterProvider(sdk, limit, local);
  const meter = provider.getMeter('local-test', '1.0.0');
  return { meter, cumulative, delta, provider };
}

async function metric(reader: TestReader, name: string): Promise<MetricData> {
  const found = byName((await reader.collect()).resourceMetrics).get(name);
  assert.ok(found, `${name} collected`);
  return found;
}

function value(data: MetricData, attributes: Record<string, string>): unknown {
  const point = data.dataPoints.find((p) => JSON.stringify(p.attributes) === JSON.stringify(attributes));
  return point?.value;
}

describe('in-process instruments', () => {
  it('export a counter as a monotonic cumulative sum, bound and unbound adds combined', async () => {
    const { meter, cumulative } = setup();
    const counter = meter.createCounter('jobs', { description: 'Jobs.', unit: '{job}' });
    const bound = counter.bind({ kind: 'a' });
    bound.add(2);
    counter.add(3, { kind: 'a' });
    counter.add(1, { kind: 'b' });
    const data = await metric(cumulative, 'jobs');
    assert.equal(data.dataPointType, DataPointType.SUM);
    assert.equal(data.aggregationTemporality, AggregationTemporality.CUMULATIVE);
    assert.equal((data as { isMonotonic: boolean }).isMonotonic, true);
    assert.equal(data.descriptor.description, 'Jobs.');
    assert.equal(data.descriptor.unit, '{job}');
    assert.equal(value(data, { kind: 'a' }), 5);
    assert.equal(value(data, { kind: 'b' }), 1);
  });

  it('give a delta reader the increase since its own previous collection', async () => {
    const { meter, cumulative, delta } = setup();
    const counter = meter.createCounter('events');
    counter.add(5, { k: 'v' });
    assert.equal(value(await metric(delta, 'events'), { k: 'v' }), 5);
    counter.add(2, { k: 'v' });
    await metric(cumulative, 'events'); // another reader's collection does not move this reader's baseline
    const second = await metric(delta, 'events');
    assert.equal(second.aggregationTemporality, AggregationTemporality.DELTA);
    assert.equal(value(second, { k: 'v' }), 2);
    assert.equal(value(await metric(cumulative, 'events'), { k: 'v' }), 7);
  });

  it('keep up-down counters cumulative even for a delta reader', async () => {
    const { meter, delta } = setup();
    const active = meter.createUpDownCounter('active');
    active.add(3);
    active.add(-1);
    await metric(delta, 'active');
    const data = await metric(delta, 'active');
    assert.equal(data.aggregationTemporality, AggregationTemporality.CUMULATIVE);
    assert.equal((data as { isMonotonic: boolean }).isMonotonic, false);
    assert.equal(value(data, {}), 2);
  });

  it('report the last gauge value, and no point for a bound gauge never recorded', async () => {
    const { meter, cumulative } = setup();
    const gauge = meter.createGauge('depth');
    gauge.bind({ queue: 'never' });
    gauge.record(4, { queue: 'q' });
    gauge.record(9, { queue: 'q' });
    const data = await metric(cumulative, 'depth');
    assert.equal(data.dataPointType, DataPointType.GAUGE);
    assert.equal(data.dataPoints.length, 1);
    assert.equal(value(data, { queue: 'q' }), 9);
  });

  it('bucket histograms like the SDK (upper-inclusive), with sum, count, min and max', async () => {
    const { meter, cumulative, delta } = setup();
    const histogram = meter.createHistogram('size', { advice: { explicitBucketBoundaries: [10, 20, 30] } });
    for (const v of [5, 30, 5, 40, 5, 15, 15, 15, 25]) histogram.record(v);
    const h = value(await metric(cumulative, 'size'), {}) as Histogram;
    assert.deepEqual(h.buckets, { boundaries: [10, 20, 30], counts: [3, 3, 2, 1] });
    assert.equal(h.count, 9);
    assert.equal(h.sum, 155);
    assert.equal(h.min, 5);
    assert.equal(h.max, 40);
    await metric(delta, 'size');
    histogram.record(12);
    const d = value(await metric(delta, 'size'), {}) as Histogram;
    assert.deepEqual(d.buckets.counts, [0, 1, 0, 0]);
    assert.equal(d.count, 1);
    assert.equal(d.sum, 12);
  });

  it('apply the cardinality guard: past the limit, one overflow series', async () => {
    const { meter, cumulative } = setup(2);
    const counter = meter.createCounter('users');
    for (let i = 0; i < 10; i++) counter.add(1, { user: `u${i}` });
    const data = await metric(cumulative, 'users');
    assert.equal(data.dataPoints.length, 3);
    assert.equal(value(data, { 'otel.metric.overflow': true } as unknown as Record<string, string>), 8);
  });

  it('export under the meter’s instrumentation scope', async () => {
    const { meter, cumulative } = setup();
    meter.createCounter('scoped').add(1);
    const { resourceMetrics } = await cumulative.collect();
    const scope = resourceMetrics.scopeMetrics.find((s) =>
      s.metrics.some((m) => m.descriptor.name === 'scoped'),
    )?.scope;
    assert.deepEqual(
      { name: scope?.name, version: scope?.version },
      { name: 'local-test', version: '1.0.0' },
    );
  });

  it('drop invalid values without throwing', async () => {
    const { meter, cumulative } = setup();
    const counter = meter.createCounter('n');
    const bound = counter.bind();
    for (const bad of [Number.NaN, -1, Number.POSITIVE_INFINITY, '2' as unknown as number]) {
      assert.doesNotThrow(() => counter.add(bad));
      assert.doesNotThrow(() => bound.add(bad));
    }
    bound.add(1);
    assert.equal(value(await metric(cumulative, 'n'), {}), 1);
  });
});

describe('in-process instruments: timestamps, defaults and edges', () => {
  let clock: ReturnType<typeof FakeTimers.install>;
  beforeEach(() => {
    clock = FakeTimers.install({ now: 1_700_000_000_250, toFake: ['Date'] });
  });
  afterEach(() => clock.uninstall());

  it('start a series when it is created and end each point at collection; deltas start at the last one', async () => {
    const { meter, cumulative, delta } = setup();
    const counter = meter.createCounter('ticks');
    const histogram = meter.createHistogram('lat');
    counter.add(1);
    histogram.record(3);
    clock.tick(1_500);
    const [point] = (await metric(cumulative, 'ticks')).dataPoints;
    assert.deepEqual(
      [point!.startTime, point!.endTime],
      [
        [1_700_000_000, 250_000_000],
        [1_700_000_001, 750_000_000],
      ],
    );
    const [h] = (await metric(cumulative, 'lat')).dataPoints;
    assert.deepEqual(
      [h!.startTime, h!.endTime],
      [
        [1_700_000_000, 250_000_000],
        [1_700_000_001, 750_000_000],
      ],
    );
    await delta.collect();
    clock.tick(2_000);
    const second = byName((await delta.collect()).resourceMetrics);
    for (const name of ['ticks', 'lat']) {
      const [d] = second.get(name)!.dataPoints;
      assert.deepEqual(
        [d!.startTime, d!.endTime],
        [
          [1_700_000_001, 750_000_000],
          [1_700_000_003, 750_000_000],
        ],
        name,
      );
    }
  });

  it('stamp a gauge point at collection time', async () => {
    const { meter, cumulative } = setup();
    meter.createGauge('g').record(1);
    clock.tick(10);
    const [point] = (await metric(cumulative, 'g')).dataPoints;
    assert.deepEqual(
      [point!.startTime, point!.endTime],
      [
        [1_700_000_000, 260_000_000],
        [1_700_000_000, 260_000_000],
      ],
    );
  });

  it('add 1 by default to bound counters and up-down counters; a bound up-down counter may go negative', async () => {
    const { meter, cumulative } = setup();
    const counter = meter.createCounter('c').bind({ k: 'v' });
    counter.add();
    counter.add();
    counter.add(-1);
    const upDown = meter.createUpDownCounter('u').bind();
    upDown.add();
    upDown.add(-3);
    upDown.add(Number.NaN);
    meter.createUpDownCounter('u').add(Number.POSITIVE_INFINITY);
    meter.createUpDownCounter('u').add(-0.5);
    assert.equal(value(await metric(cumulative, 'c'), { k: 'v' }), 2);
    assert.equal(value(await metric(cumulative, 'u'), {}), -2.5);
  });

  it('drop invalid gauge and histogram values, bound or not, and negative histogram values', async () => {
    const { meter, cumulative } = setup();
    const gauge = meter.createGauge('gg');
    const boundGauge = gauge.bind({ b: '1' });
    gauge.record(2);
    boundGauge.record(7);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number]) {
      gauge.record(bad);
      boundGauge.record(bad);
    }
    const gg = await metric(cumulative, 'gg');
    assert.equal(value(gg, {}), 2);
    assert.equal(value(gg, { b: '1' }), 7);
    const histogram = meter.createHistogram('hh', { advice: { explicitBucketBoundaries: [1] } });
    const bound = histogram.bind();
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number]) {
      histogram.record(bad);
      bound.record(bad);
    }
    bound.record(0);
    bound.record(2);
    const h = value(await metric(cumulative, 'hh'), {}) as Histogram;
    assert.deepEqual(h.buckets.counts, [1, 1]);
    assert.deepEqual([h.count, h.sum, h.min, h.max], [2, 2, 0, 2]);
  });

  it('leave min and max out of an empty histogram point and out of delta points', async () => {
    const { meter, cumulative, delta } = setup();
    const histogram = meter.createHistogram('empty', { advice: { explicitBucketBoundaries: [1] } });
    histogram.bind({ op: 'idle' });
    const h = value(await metric(cumulative, 'empty'), { op: 'idle' }) as Histogram;
    assert.deepEqual(h, { buckets: { boundaries: [1], counts: [0, 0] }, sum: 0, count: 0 });
    histogram.record(4, { op: 'busy' });
    histogram.record(0.5, { op: 'busy' });
    const d = await metric(delta, 'empty');
    assert.equal(d.aggregationTemporality, AggregationTemporality.DELTA);
    assert.deepEqual(value(d, { op: 'busy' }), {
      buckets: { boundaries: [1], counts: [1, 1] },
      sum: 4.5,
      count: 2,
    });
  });

  it('export an instrument only once it has a series, and a scope only with such an instrument', async () => {
    const { meter, cumulative } = setup();
    meter.createCounter('unused');
    meter.createHistogram('unused.h');
    meter.createGauge('unused.g');
    const { resourceMetrics } = await cumulative.collect();
    const names = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.descriptor.name));
    assert.deepEqual(
      names.filter((n) => n.startsWith('unused')),
      [],
    );
    assert.equal(
      resourceMetrics.scopeMetrics.some((s) => s.scope.name === 'local-test'),
      false,
    );
  });

  it('export meters of one name and another version or schema URL under their own scopes', async () => {
    const { provider, cumulative } = setup();
    provider.getMeter('svc', '1.0.0').createCounter('a').add(1);
    provider.getMeter('svc', '2.0.0').createCounter('b').add(1);
    provider.getMeter('svc', '2.0.0', { schemaUrl: 'https://example.com/s' }).createCounter('c').add(1);
    provider.getMeter('svc', '1.0.0').createCounter('d').add(1);
    const { resourceMetrics } = await cumulative.collect();
    const scopes = resourceMetrics.scopeMetrics
      .filter((s) => s.scope.name === 'svc')
      .map((s) => [s.scope.version, s.scope.schemaUrl, s.metrics.map((m) => m.descriptor.name)]);
    assert.deepEqual(scopes, [
      ['1.0.0', undefined, ['a', 'd']],
      ['2.0.0', undefined, ['b']],
      ['2.0.0', 'https://example.com/s', ['c']],
    ]);
  });

  it('offer histogram measurements made inside a sampled span as exemplars, not others', async () => {
    const { meter, cumulative } = setup();
    const histogram = meter.createHistogram('with.exemplars');
    const span = (flags: number) =>
      trace.setSpanContext(ROOT_CONTEXT, {
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
        traceFlags: flags,
      });
    histogram.record(7, { op: 'x' }, span(TraceFlags.SAMPLED));
    histogram.record(8, { op: 'x' }, span(TraceFlags.NONE));
    histogram.record(9, { op: 'x' }, ROOT_CONTEXT);
    histogram.record(10, { op: 'x' });
    const { resourceMetrics } = await cumulative.collect();
    exemplars.attach(resourceMetrics);
    const point = byName(resourceMetrics)
      .get('with.exemplars')
      ?.dataPoints.find((p) => p.attributes.op === 'x') as {
      exemplars?: { value: number; traceId: string }[];
    };
    assert.deepEqual(
      point.exemplars?.map((e) => [e.value, e.traceId]),
      [[7, '0af7651916cd43dd8448eb211c80319c']],
    );
  });
});

describe('in-process instruments: what the known gaps of the mutation run left open', () => {
  it('count every dropped value, bound or not, per instrument', () => {
    const { meter } = setup();
    const counter = meter.createCounter('drops.counter');
    const upDown = meter.createUpDownCounter('drops.updown');
    const gauge = meter.createGauge('drops.gauge');
    const histogram = meter.createHistogram('drops.histogram');
    const bad = [Number.NaN, Number.POSITIVE_INFINITY, '1' as unknown as number];
    for (const value of [...bad, -1]) {
      counter.add(value);
      counter.bind({ b: '1' }).add(value);
      histogram.record(value);
      histogram.bind({ b: '1' }).record(value);
    }
    for (const value of [...bad, Number.NEGATIVE_INFINITY]) {
      upDown.add(value);
      upDown.bind({ b: '1' }).add(value);
      gauge.record(value);
      gauge.bind({ b: '1' }).record(value);
    }
    for (const name of ['counter', 'updown', 'gauge', 'histogram']) {
      assert.equal(invalidMeasurements.get(`drops.${name}`), 8, name);
    }
  });

  it('create a series at 0 on add(0), and record 0 in a histogram', async () => {
    const { meter, cumulative } = setup();
    meter.createCounter('zero.counter').add(0, { k: 'z' });
    meter.createUpDownCounter('zero.updown').add(0, { k: 'z' });
    meter.createHistogram('zero.histogram', { advice: { explicitBucketBoundaries: [0, 1] } }).record(0);
    assert.equal(value(await metric(cumulative, 'zero.counter'), { k: 'z' }), 0);
    assert.equal(value(await metric(cumulative, 'zero.updown'), { k: 'z' }), 0);
    const h = value(await metric(cumulative, 'zero.histogram'), {}) as Histogram;
    assert.deepEqual([h.count, h.buckets.counts], [1, [1, 0, 0]]);
  });

  it('give a histogram neither in seconds nor advised the SDK’s default boundaries', async () => {
    const { meter, cumulative } = setup();
    meter.createHistogram('plain.ms', { unit: 'ms' }).record(3);
    const h = value(await metric(cumulative, 'plain.ms'), {}) as Histogram;
    assert.deepEqual(
      h.buckets.boundaries,
      [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000],
    );
  });

  it('report no collection errors', async () => {
    const local = new LocalInstrumentRegistry();
    const producer = new LocalMetricProducer(local, AggregationTemporality.CUMULATIVE);
    const provider = new GuardedMeterProvider(new MeterProvider(), 2000, local);
    provider.getMeter('errors').createCounter('ok').add(1);
    const result = await producer.collect();
    assert.deepEqual(result.errors, []);
    assert.equal(result.resourceMetrics.scopeMetrics.length, 1);
  });
});
