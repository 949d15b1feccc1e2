import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AggregationTemporality,
  DataPointType,
  type Histogram,
  MeterProvider,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { GuardedMeterProvider, LocalInstrumentRegistry, LocalMetricProducer } from '@otelkit/core';
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
  const meter = new GuardedMeterProvider(sdk, limit, local).getMeter('local-test', '1.0.0');
  return { meter, cumulative, delta };
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
