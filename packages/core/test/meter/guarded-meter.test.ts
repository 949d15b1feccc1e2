import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Histogram } from '@opentelemetry/sdk-metrics';
import { GuardedMeterProvider, SECONDS_BUCKETS } from '@otelkit/core/internal';
import { invalidMeasurements } from '../../src/meter/values';
import { collectMetric, histogramValue, pointValue, testProvider } from '../helpers/reader';

function setup(limit = 2000) {
  const { provider, reader } = testProvider();
  const guarded = new GuardedMeterProvider(provider, limit);
  return { guarded, reader, meter: guarded.getMeter('test') };
}

describe('GuardedMeter', () => {
  it('records through the SDK like a plain meter', async () => {
    const { meter, reader } = setup();
    const counter = meter.createCounter('jobs');
    counter.add(2, { kind: 'a' });
    counter.add(3, { kind: 'a' });
    assert.equal(pointValue(await collectMetric(reader, 'jobs'), { kind: 'a' }), 5);
  });

  it('returns the same instrument for the same name and kind', () => {
    const { meter } = setup();
    assert.equal(meter.createCounter('x'), meter.createCounter('x'));
  });

  it('routes attribute sets past the limit to the overflow series and counts them', async () => {
    const { meter, reader, guarded } = setup(3);
    const counter = meter.createCounter('requests');
    for (let i = 0; i < 10; i++) counter.add(1, { user: `u${i}` });
    counter.add(1, { user: 'u0' });
    const metric = await collectMetric(reader, 'requests');
    assert.equal(metric.dataPoints.length, 4, 'three sets plus overflow');
    assert.equal(pointValue(metric, { user: 'u0' }), 2, 'an admitted set keeps recording');
    assert.equal(pointValue(metric, { 'otel.metric.overflow': true }), 7);
    assert.equal(guarded.guards().find((g) => g.instrument === 'requests')?.overflowed, 7);
  });

  it('treats the same attributes in another order as the same set', async () => {
    const { meter, reader } = setup(1);
    const counter = meter.createCounter('c');
    counter.add(1, { a: '1', b: '2' });
    counter.add(1, { b: '2', a: '1' });
    const metric = await collectMetric(reader, 'c');
    assert.equal(metric.dataPoints.length, 1);
    assert.equal(pointValue(metric, { a: '1', b: '2' }), 2);
  });

  it('stays bounded under an attribute explosion', async () => {
    const { meter, reader, guarded } = setup(100);
    const histogram = meter.createHistogram('latency', { unit: 's' });
    for (let i = 0; i < 50_000; i++) histogram.record(0.01, { id: String(i) });
    const metric = await collectMetric(reader, 'latency');
    assert.equal(metric.dataPoints.length, 101);
    assert.equal(guarded.guards()[0]?.overflowed, 49_900);
  });

  it('drops invalid values without throwing', async () => {
    const { meter, reader } = setup();
    const counter = meter.createCounter('n');
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -1,
      '3' as unknown as number,
      undefined as unknown as number,
    ]) {
      assert.doesNotThrow(() => counter.add(bad, { k: 'v' }));
    }
    counter.add(1, { k: 'v' });
    assert.equal(pointValue(await collectMetric(reader, 'n'), { k: 'v' }), 1);
  });

  it('drops attributes that are not attribute values and clips huge strings', async () => {
    const { meter, reader } = setup();
    const counter = meter.createCounter('a');
    const attrs = {
      ok: 'yes',
      obj: { nested: true },
      fn: () => 1,
      long: 'x'.repeat(5000),
    } as unknown as Record<string, string>;
    assert.doesNotThrow(() => counter.add(1, attrs));
    const metric = await collectMetric(reader, 'a');
    const point = metric.dataPoints[0]!;
    assert.deepEqual(Object.keys(point.attributes).sort(), ['long', 'ok']);
    assert.ok((point.attributes.long as string).length <= 1024);
  });

  it('gives histograms in seconds seconds-scale buckets unless advised otherwise', async () => {
    const { meter, reader } = setup();
    meter.createHistogram('d', { unit: 's' }).record(0.2);
    meter.createHistogram('e', { unit: 's', advice: { explicitBucketBoundaries: [1, 2] } }).record(0.2);
    meter.createHistogram('f', { unit: 'ms' }).record(20);
    const d = histogramValue(await collectMetric(reader, 'd'), {}) as Histogram;
    assert.deepEqual(d.buckets.boundaries, [...SECONDS_BUCKETS]);
    assert.deepEqual(
      (histogramValue(await collectMetric(reader, 'e'), {}) as Histogram).buckets.boundaries,
      [1, 2],
    );
    assert.ok(
      (histogramValue(await collectMetric(reader, 'f'), {}) as Histogram).buckets.boundaries.includes(1000),
    );
  });
});

describe('bound instruments', () => {
  it('export the bound sum at collection, combined with unbound adds to the same series', async () => {
    const { meter, reader } = setup();
    const counter = meter.createCounter('repos');
    const bound = counter.bind({ type: 'repo' });
    for (let i = 0; i < 1000; i++) bound.add(1);
    counter.add(5, { type: 'repo' });
    assert.equal(pointValue(await collectMetric(reader, 'repos'), { type: 'repo' }), 1005);
    bound.add(2);
    assert.equal(pointValue(await collectMetric(reader, 'repos'), { type: 'repo' }), 1007, 'cumulative');
  });

  it('show a bound series at 0 before its first add', async () => {
    const { meter, reader } = setup();
    meter.createCounter('failures').bind({ op: 'x' });
    assert.equal(pointValue(await collectMetric(reader, 'failures'), { op: 'x' }), 0);
  });

  it('report the last value of a bound gauge and the net of a bound up-down counter', async () => {
    const { meter, reader } = setup();
    const gauge = meter.createGauge('depth').bind({ queue: 'q' });
    gauge.record(5);
    gauge.record(3);
    const active = meter.createUpDownCounter('active').bind();
    active.add(1);
    active.add(1);
    active.add(-1);
    assert.equal(pointValue(await collectMetric(reader, 'depth'), { queue: 'q' }), 3);
    assert.equal(pointValue(await collectMetric(reader, 'active'), {}), 1);
  });

  it('drop invalid values and never throw', async () => {
    const { meter, reader } = setup();
    const bound = meter.createCounter('b').bind();
    for (const bad of [Number.NaN, -1, Number.POSITIVE_INFINITY, '1' as unknown as number]) bound.add(bad);
    bound.add(1);
    assert.equal(pointValue(await collectMetric(reader, 'b'), {}), 1);
  });

  it('record bound histograms with their attributes', async () => {
    const { meter, reader } = setup();
    const h = meter.createHistogram('h', { unit: 's' }).bind({ op: 'a' });
    h.record(0.5);
    h.record(1.5);
    const value = histogramValue(await collectMetric(reader, 'h'), { op: 'a' }) as Histogram;
    assert.equal(value.count, 2);
    assert.equal(value.sum, 2);
  });
});

describe('bound instruments: drops, zero series and unrecorded gauges', () => {
  it('count every dropped value of a bound instrument, once per drop', () => {
    const { meter } = setup();
    const bad = [Number.NaN, Number.POSITIVE_INFINITY, '1' as unknown as number];
    const counter = meter.createCounter('sdk.drops.counter').bind();
    const upDown = meter.createUpDownCounter('sdk.drops.updown').bind();
    const gauge = meter.createGauge('sdk.drops.gauge').bind();
    const histogram = meter.createHistogram('sdk.drops.histogram').bind();
    for (const value of [...bad, -1]) {
      counter.add(value);
      histogram.record(value);
    }
    for (const value of [...bad, Number.NEGATIVE_INFINITY]) {
      upDown.add(value);
      gauge.record(value);
    }
    for (const name of ['counter', 'updown', 'gauge', 'histogram']) {
      assert.equal(invalidMeasurements.get(`sdk.drops.${name}`), 4, name);
    }
  });

  it('show a bound up-down counter at 0 before its first add, and no point for a gauge never recorded', async () => {
    const { meter, reader } = setup();
    meter.createUpDownCounter('sdk.active').bind({ pool: 'p' });
    const gauge = meter.createGauge('sdk.depth');
    gauge.bind({ queue: 'never' });
    gauge.record(4, { queue: 'set' });
    assert.equal(pointValue(await collectMetric(reader, 'sdk.active'), { pool: 'p' }), 0);
    const depth = await collectMetric(reader, 'sdk.depth');
    assert.equal(pointValue(depth, { queue: 'set' }), 4);
    assert.equal(pointValue(depth, { queue: 'never' }), undefined);
  });

  it('hand a bound gauge’s value to the SDK once per change, and nothing while unchanged', async () => {
    const { meter, reader } = setup();
    const gauge = meter.createGauge('sdk.level').bind();
    gauge.record(2);
    assert.equal(pointValue(await collectMetric(reader, 'sdk.level'), {}), 2);
    meter.createGauge('sdk.level').record(9);
    assert.equal(
      pointValue(await collectMetric(reader, 'sdk.level'), {}),
      9,
      'an unbound record wins until the bound one changes',
    );
    gauge.record(3);
    assert.equal(pointValue(await collectMetric(reader, 'sdk.level'), {}), 3);
  });
});
