import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Attributes, metrics, trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { startTracing } from '@otelkit/tracing';
import { runs } from './helpers/profile';
import { Passes, recordResult, round1 } from './helpers/results';
import { hasMetric, sumOf, timedGet } from './helpers/scrape';

const EXPLOSION = 1_000_000;
const LIMIT = 2_000;
const figures: Record<string, unknown> = {};
const passes = new Passes();
const TESTS = runs('record-drops-counted') ? 5 : 4;
let telemetry: Telemetry;
let metricsUrl: string;
const started = Date.now();

before(async () => {
  telemetry = startTelemetry({
    serviceName: 'record-time',
    host: '127.0.0.1',
    port: 0,
    runtimeMetrics: false,
    cardinalityLimit: LIMIT,
    logLevel: 'none',
  });
  startTracing(telemetry, { exporters: ['none'] });
  metricsUrl = `${(await telemetry.ready)!.url}/metrics`;
});
after(async () => {
  await telemetry.shutdown();
  if (passes.count !== TESTS) return;
  recordResult({
    id: 'hostile-record',
    what: 'record-time input: NaN, ±Infinity, negative counter increments, non-primitive attributes, 1 MB strings, 1,000,000 distinct attribute values',
    durationS: round1((Date.now() - started) / 1000),
    load: `${EXPLOSION.toLocaleString('en-US')} distinct values on one counter; cardinality limit ${LIMIT}`,
    dropsCounted: Number(figures.overflowCounted ?? 0),
    held: 'nothing thrown into the app; series bounded by the cardinality limit; overflow measurements counted exactly; heap bounded',
    dataLost: 0,
    details: figures,
  });
});

const scrape = async () => (await timedGet(metricsUrl, 10_000)).text;
const hostileValues: unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '5',
  undefined,
  null,
  {},
  10n,
];

describe('record-time input never throws into the app', () => {
  it(
    'drops non-finite, non-numeric and negative counter values; valid values still add up',
    passes.wrap(async () => {
      const meter = metrics.getMeter('reliability');
      const counter = meter.createCounter('rt.bad_values');
      const histogram = meter.createHistogram('rt.bad_histogram');
      const updown = meter.createUpDownCounter('rt.bad_updown');
      const gauge = meter.createGauge('rt.bad_gauge');
      for (const value of [...hostileValues, -1, -0.5]) {
        assert.doesNotThrow(() => counter.add(value as number), String(value));
        assert.doesNotThrow(() => histogram.record(value as number), String(value));
        assert.doesNotThrow(() => updown.add(value as number), String(value));
        assert.doesNotThrow(() => gauge.record(value as number), String(value));
      }
      counter.add(2);
      histogram.record(3);
      updown.add(-4);
      const text = await scrape();
      assert.equal(sumOf(text, 'rt_bad_values_total'), 2);
      assert.equal(sumOf(text, 'rt_bad_histogram_count'), 1);
      assert.equal(sumOf(text, 'rt_bad_histogram_sum'), 3);
      assert.equal(
        sumOf(text, 'rt_bad_updown'),
        -5.5,
        'an up-down counter takes the negative values (-1, -0.5), not the rest',
      );
    }),
  );

  it(
    'drops non-primitive attribute values and clips very long strings; the measurement is kept',
    passes.wrap(async () => {
      const counter = metrics.getMeter('reliability').createCounter('rt.bad_attributes');
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const bad: unknown[] = [
        { a: 1 },
        [{ a: 1 }],
        () => 1,
        Symbol('s'),
        new Map(),
        cyclic,
        10n,
        [1, 'mixed'],
      ];
      for (const value of bad)
        assert.doesNotThrow(() => counter.add(1, { kind: 'bad', v: value } as unknown as Attributes));
      assert.doesNotThrow(() => counter.add(1, { kind: 'long', v: 'x'.repeat(1024 * 1024) }));
      const text = await scrape();
      assert.equal(sumOf(text, 'rt_bad_attributes_total', { kind: 'bad' }), bad.length);
      const longLine = text.split('\n').find((l) => l.includes('kind="long"'))!;
      assert.ok(longLine.length < 4_096, `the 1 MB value is clipped on /metrics (${longLine.length} chars)`);
      figures.longAttributeLineChars = longLine.length;
    }),
  );

  it(
    'keeps spans working with hostile attribute values and names',
    passes.wrap(() => {
      const tracer = trace.getTracer('reliability');
      assert.doesNotThrow(() => {
        const span = tracer.startSpan('x'.repeat(100_000));
        for (const value of [...hostileValues, { a: 1 }, () => 1, 'y'.repeat(1024 * 1024)])
          span.setAttribute('hostile', value as string);
        span.setAttributes({ nested: { deep: true } } as unknown as Attributes);
        span.addEvent('e', { v: Symbol('s') } as unknown as Attributes);
        span.end();
        span.end();
      });
    }),
  );

  it(
    `bounds series and memory under an explosion of ${EXPLOSION.toLocaleString('en-US')} distinct values, counting every overflow`,
    passes.wrap(async () => {
      const counter = metrics.getMeter('reliability').createCounter('rt.explosion');
      const heapBefore = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      for (let i = 0; i < EXPLOSION; i++) counter.add(1, { user_id: `user-${i}` });
      const recordMs = performance.now() - t0;
      const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
      const scraped = await timedGet(metricsUrl, 30_000);
      const series = scraped.text.split('\n').filter((l) => l.startsWith('rt_explosion_total{'));
      const overflowed = sumOf(scraped.text, 'otelkit_metric_overflow_measurements_total', {
        instrument: 'rt.explosion',
      });
      Object.assign(figures, {
        explosionRecordMs: round1(recordMs),
        nsPerRecord: round1((recordMs * 1e6) / EXPLOSION),
        heapGrowthMb: round1(heapGrowthMb),
        series: series.length,
        scrapeMs: round1(scraped.ms),
        scrapeBytes: scraped.text.length,
        overflowCounted: overflowed,
      });
      assert.equal(series.length, LIMIT + 1, 'the limit plus one overflow series');
      assert.equal(overflowed, EXPLOSION - LIMIT, 'every overflowed measurement counted');
      assert.equal(
        sumOf(scraped.text, 'rt_explosion_total'),
        EXPLOSION,
        'no measurement lost: the overflow series has the rest',
      );
      assert.ok(heapGrowthMb < 100, `heap grew ${heapGrowthMb} MiB`);
      assert.ok(scraped.text.length < 2_000_000, `/metrics is ${scraped.text.length} bytes`);
    }),
  );

  if (runs('record-drops-counted'))
    it(
      'counts every dropped measurement and attribute on /metrics (not only in a one-off diag.warn)',
      passes.wrap(async () => {
        const meter = metrics.getMeter('reliability');
        const counter = meter.createCounter('rt.counted_drops');
        for (const value of [Number.NaN, Number.POSITIVE_INFINITY, -1]) counter.add(value);
        counter.add(1, { v: { not: 'primitive' } } as unknown as Attributes);
        const text = await scrape();
        assert.equal(
          sumOf(text, 'otelkit_metric_invalid_measurements_total', { instrument: 'rt.counted_drops' }),
          3,
          'three measurements dropped for their value',
        );
        assert.equal(
          sumOf(text, 'otelkit_metric_dropped_attributes_total', { instrument: 'rt.counted_drops' }),
          1,
          'one attribute dropped for its value',
        );
        assert.ok(hasMetric(text, 'otelkit_metric_invalid_measurements_total'));
      }),
    );
});
