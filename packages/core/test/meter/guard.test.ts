// The cardinality guard as a user sees it: which series reach the reader, what goes to the overflow
// series, the counts self-metrics report (`guards()`) and the one warning per instrument. Run through
// both recording paths: the SDK's instruments (`admit`) and otelkit's in-process ones (`seriesOf`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AggregationTemporality, MeterProvider, type MetricData } from '@opentelemetry/sdk-metrics';
import { GuardedMeterProvider, LocalInstrumentRegistry, LocalMetricProducer } from '@otelkit/core/internal';
import { captureWarnings } from '../../../../test/helpers/diag-warnings';
import { byName, TestReader } from '../helpers/reader';

const OVERFLOW = { 'otel.metric.overflow': true };

/** A guarded meter recording through the SDK (`local: false`) or otelkit's in-process instruments. */
function setup(limit: number, local: boolean) {
  const registry = local ? new LocalInstrumentRegistry() : undefined;
  const reader = new TestReader(
    registry === undefined
      ? undefined
      : { metricProducers: [new LocalMetricProducer(registry, AggregationTemporality.CUMULATIVE)] },
  );
  const guarded = new GuardedMeterProvider(new MeterProvider({ readers: [reader] }), limit, registry);
  return { guarded, reader, meter: guarded.getMeter('guard-test') };
}

async function collect(reader: TestReader, name: string): Promise<MetricData> {
  const found = byName((await reader.collect()).resourceMetrics).get(name);
  assert.ok(found, `${name} collected`);
  return found;
}

/** Every point as [attributes, value] (a histogram's value is its count), sorted for comparison. */
function points(metric: MetricData): [Record<string, unknown>, number][] {
  return metric.dataPoints
    .map((p): [Record<string, unknown>, number] => [
      { ...p.attributes },
      typeof p.value === 'number' ? p.value : p.value.count,
    ])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function sorted(expected: [Record<string, unknown>, number][]): [Record<string, unknown>, number][] {
  return [...expected].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

for (const local of [false, true]) {
  const path = local ? 'in-process instruments' : 'SDK instruments';

  describe(`the cardinality guard (${path})`, () => {
    const warnings = captureWarnings();
    it('admits up to the limit, then routes new sets to the overflow series, warning once', async () => {
      const { meter, reader, guarded } = setup(2, local);
      const counter = meter.createCounter('jobs');
      for (const user of ['a', 'b', 'c', 'd', 'a', 'c']) counter.add(1, { user });
      assert.deepEqual(
        points(await collect(reader, 'jobs')),
        sorted([
          [{ user: 'a' }, 2],
          [{ user: 'b' }, 1],
          [OVERFLOW, 3],
        ]),
      );
      const guard = guarded.guards()[0];
      assert.equal(guard.instrument, 'jobs');
      assert.equal(guard.series, 2);
      assert.equal(guard.overflowed, 3);
      assert.deepEqual(warnings, [
        'otelkit: instrument "jobs" reached its cardinality limit of 2 attribute sets; further sets are ' +
          'recorded in the otel.metric.overflow series (see otelkit_metric_overflow_measurements_total)',
      ]);
    });

    it('counts a set by its names and values: another name or a subset is another set', async () => {
      const { meter, reader, guarded } = setup(2, local);
      const counter = meter.createCounter('ops');
      counter.add(1, { a: '1', b: '2' });
      counter.add(1, { b: '1' }); // another name at the first position
      counter.add(1, { b: '1' });
      counter.add(1, { b: '2', a: '1' }); // the first set in another order
      counter.add(1, { a: '1' }); // a prefix of an admitted set: a new set, over the limit
      counter.add(1, { c: '1' }); // a third name at the first position, over the limit
      assert.deepEqual(
        points(await collect(reader, 'ops')),
        sorted([
          [{ a: '1', b: '2' }, 2],
          [{ b: '1' }, 2],
          [OVERFLOW, 2],
        ]),
      );
      assert.equal(guarded.guards()[0].series, 2);
    });

    it('records without attributes on the empty set, which counts toward the limit', async () => {
      const { meter, reader } = setup(1, local);
      const counter = meter.createCounter('plain');
      counter.add(2);
      counter.add(1, {});
      counter.add(1, { k: 'v' });
      assert.deepEqual(
        points(await collect(reader, 'plain')),
        sorted([
          [{}, 3],
          [OVERFLOW, 1],
        ]),
      );
    });

    it('keeps a 1024-character value and clips a longer one to 1023 characters and an ellipsis', async () => {
      const { meter, reader, guarded } = setup(10, local);
      const counter = meter.createCounter('long');
      const exact = 'e'.repeat(1024);
      const long = 'l'.repeat(1025);
      counter.add(1, { v: exact });
      counter.add(1, { v: exact });
      counter.add(1, { v: long });
      counter.add(1, { v: long, n: 1 });
      counter.add(1, { n: 1, v: long });
      counter.add(1, { v: exact, fn: () => 1 }); // cleaned on the slow path: kept as it is there too
      assert.deepEqual(
        points(await collect(reader, 'long')),
        sorted([
          [{ v: exact }, 3],
          [{ v: `${'l'.repeat(1023)}…` }, 1],
          [{ v: `${'l'.repeat(1023)}…`, n: 1 }, 2],
        ]),
      );
      assert.equal(guarded.guards()[0].series, 3);
      assert.equal(guarded.guards()[0].droppedAttributes, 1);
    });

    it('drops values that are not attribute values, counts them and warns once', async () => {
      const { meter, reader, guarded } = setup(10, local);
      const counter = meter.createCounter('bad');
      counter.add(1, { ok: true, obj: { nested: true }, fn: () => 1 });
      counter.add(1, { ok: true, arr: ['a', { no: 1 }] });
      counter.add(1, { ok: true, none: null, missing: undefined }); // absent values: dropped silently
      counter.add(1, { ok: true });
      assert.deepEqual(points(await collect(reader, 'bad')), [[{ ok: true }, 4]]);
      assert.equal(guarded.guards()[0].droppedAttributes, 3);
      assert.deepEqual(warnings, [
        'otelkit: dropped attribute "obj" of instrument "bad": not a string, number, boolean or array of ' +
          'them (warned once per instrument)',
      ]);
    });

    it('admits arrays of primitives as one set per content, within the limit', async () => {
      const { meter, reader, guarded } = setup(5, local);
      const counter = meter.createCounter('tags');
      const many = Array.from({ length: 1025 }, (_, i) => i); // long arrays are not clipped
      counter.add(1, { tags: ['a', 'b'] });
      counter.add(1, { tags: ['a', 'b'] }); // a new array, same content
      counter.add(1, { tags: ['a', null, 1, true] });
      counter.add(1, { kind: 'x', tags: ['a', 'b'] }); // an array beside a string
      counter.add(1, { tags: ['x', undefined] });
      counter.add(1, { tags: many });
      counter.add(1, { tags: ['a,b'] }); // not the set of ['a', 'b']: over the limit
      assert.deepEqual(
        points(await collect(reader, 'tags')),
        sorted([
          [{ tags: ['a', 'b'] }, 2],
          [{ tags: ['a', null, 1, true] }, 1],
          [{ kind: 'x', tags: ['a', 'b'] }, 1],
          [{ tags: ['x', undefined] }, 1],
          [{ tags: many }, 1],
          [OVERFLOW, 1],
        ]),
      );
      assert.equal(guarded.guards()[0].droppedAttributes, 0);
    });

    it('counts a set once however many property orders record it', async () => {
      const { meter, reader, guarded } = setup(1, local);
      const counter = meter.createCounter('orders');
      for (let i = 0; i < 3; i++) {
        counter.add(1, { a: '1', b: '2', c: '3' });
        counter.add(1, { b: '2', a: '1', c: '3' });
        counter.add(1, { c: '3', b: '2', a: '1' });
        counter.add(1, { c: '3', a: '1', b: '2' });
      }
      counter.add(1, { a: '1', b: '2', c: '4' });
      assert.deepEqual(
        points(await collect(reader, 'orders')),
        sorted([
          [{ a: '1', b: '2', c: '3' }, 12],
          [OVERFLOW, 1],
        ]),
      );
      assert.equal(guarded.guards()[0].series, 1);
    });
  });
}
