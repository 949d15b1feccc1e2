/**
 * Differential test: otelkit's in-process engine against the OpenTelemetry SDK as the oracle.
 *
 * fast-check generates a sequence of records (counters, up-down counters, gauges, histograms with
 * default, seconds and explicit buckets; integer and non-integer values; attribute sets including the
 * empty one, in shuffled key orders; several meters) with collection points in between. The sequence
 * runs through otelkit's engine (GuardedMeterProvider + LocalInstrumentRegistry + one
 * LocalMetricProducer per reader, wired as startTelemetry() wires them) and through a plain SDK
 * MeterProvider; at every collection point both must export the same data for a cumulative and a delta
 * reader: metrics, descriptors, temporality, monotonicity, points, attributes, sums, counts, bucket
 * boundaries and counts, min and max (timestamps aside).
 *
 * Where the two legitimately differ, `normalise()` below says so, narrowly (each one is also listed in
 * the core README, "How the in-process engine compares with the SDK"):
 * 1. otelkit exports every value as a double: the descriptor's valueType is not compared, and integer
 *    instruments (`valueType: INT`) only get integer values (the SDK would truncate fractions).
 * 2. Histograms in seconds (`unit: 's'`) get otelkit's seconds buckets: the oracle receives them as
 *    advice.
 * 3. Delta readers: otelkit keeps reporting a series with no new measurement as a zero delta (the SDK
 *    leaves it out; zero within the tolerance of 4), and reports delta histograms without min and max (the SDK reports the interval's):
 *    zero delta points and delta min/max are dropped on both sides.
 * 4. Floating-point sums are compared to 1e-7: otelkit adds every value to one running sum and derives
 *    deltas by subtraction, the SDK adds per interval, so the rounding differs.
 * 5. The cardinality limit: otelkit's guard counts attribute sets since start, the SDK per collection
 *    interval. Cases where an instrument sees more sets than the limit are collected once, at the end.
 * 6. Non-finite values (NaN, Infinity) are not generated: otelkit drops them, the SDK records them.
 * 7. Views: name patterns have at most one `*` and no `?` (sdk-metrics 3.1 expands only the first `*`
 *    and takes `?` literally; otelkit follows the specification). An instrument that goes to the SDK's
 *    path (exponential histogram, another kind's aggregation, several views) passes its raw attributes
 *    through otelkit's guard before the view's attribute processors: cases with processors use the
 *    default limit.
 *
 * `OTELKIT_DIFF_RUNS=100000` runs a longer search (default 1000 cases); `OTELKIT_DIFF_SEED=<seed>` replays
 * the seed a failure printed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Attributes, ValueType } from '@opentelemetry/api';
import {
  AggregationTemporality,
  type AggregationTemporalitySelector,
  AggregationType,
  createAllowListAttributesProcessor,
  createDenyListAttributesProcessor,
  DataPointType,
  type Histogram,
  InstrumentType,
  MeterProvider,
  type MetricData,
  type ResourceMetrics,
  type ViewOptions,
} from '@opentelemetry/sdk-metrics';
import { GuardedMeterProvider, LocalInstrumentRegistry, LocalMetricProducer } from '@otelkit/core/internal';
import fc from 'fast-check';
import { SECONDS_BUCKETS } from '../../src/meter/buckets';
import { sdkViews } from '../../src/views/sdk-views';
import { TestReader } from '../helpers/reader';

const RUNS = Number(process.env.OTELKIT_DIFF_RUNS ?? 1000);
/** Absolute tolerance of floating-point comparisons (difference 4). */
const TOLERANCE = 1e-7;

type Kind = 'counter' | 'updown' | 'gauge' | 'histogram';
type AttributeEntry = readonly [string, string | number | boolean];

interface InstrumentSpec {
  readonly kind: Kind;
  readonly name: string;
  readonly meter: number;
  readonly unit: string;
  readonly description: string;
  readonly integer: boolean;
  /** Advised explicit boundaries (histograms), unsorted as a caller might give them. */
  readonly boundaries: readonly number[] | undefined;
}

type Op =
  | {
      readonly op: 'record';
      readonly instrument: number;
      readonly value: number;
      /** Index into the case's attribute sets. */
      readonly set: number;
      /** Rotation of the set's keys: the same set in another property order. */
      readonly rotate: number;
      /** Pass `undefined` rather than `{}` for the empty set. */
      readonly undefinedWhenEmpty: boolean;
    }
  | { readonly op: 'collect' };

interface Case {
  readonly limit: number;
  readonly views: readonly ViewOptions[];
  readonly instruments: readonly InstrumentSpec[];
  readonly sets: readonly (readonly AttributeEntry[])[];
  readonly ops: readonly Op[];
}

const METERS: ReadonlyArray<readonly [string, string | undefined, string | undefined]> = [
  ['app', undefined, undefined],
  ['app', '2.0.0', undefined],
  ['lib', '1.0.0', 'https://opentelemetry.io/schemas/1.26.0'],
];

const NAMES = ['http.requests', 'http.duration', 'db.calls', 'db.pool.active', 'jobs', 'queue.depth', 'x'];

const kindArb = fc.constantFrom<Kind>('counter', 'updown', 'gauge', 'histogram');

const instrumentArb = (name: string): fc.Arbitrary<InstrumentSpec> =>
  fc.record({
    kind: kindArb,
    name: fc.constant(name),
    meter: fc.nat({ max: METERS.length - 1 }),
    unit: fc.constantFrom('', 's', 'ms', '{request}'),
    description: fc.constantFrom('', 'Some description.'),
    integer: fc.boolean(),
    boundaries: fc.option(
      fc.array(fc.oneof(fc.integer({ min: -2, max: 30 }), fc.double({ min: 0, max: 30, noNaN: true })), {
        maxLength: 6,
      }),
      {
        nil: undefined,
      },
    ),
  });

const attributeEntryArb: fc.Arbitrary<AttributeEntry> = fc.tuple(
  fc.constantFrom('a', 'b', 'c', 'status'),
  fc.oneof(fc.constantFrom('x', 'y', 'ok'), fc.constantFrom(1, 2.5, 0), fc.boolean()),
);

const setArb = fc.uniqueArray(attributeEntryArb, { maxLength: 3, selector: ([key]) => key });

const valueArb = fc.oneof(
  fc.integer({ min: -2, max: 30 }),
  fc.integer({ min: -1000, max: 12000 }),
  fc.double({ min: -100, max: 1000, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 0.005, 0.1, 1, 2.5, 5, 10, 25),
);

const processorsArb = fc.constantFrom(
  undefined,
  [createAllowListAttributesProcessor(['a', 'status'])],
  [createDenyListAttributesProcessor(['b'])],
  [createDenyListAttributesProcessor(['a']), createAllowListAttributesProcessor(['b', 'c'])],
  [createAllowListAttributesProcessor([])],
);

const aggregationArb = fc.constantFrom(
  undefined,
  { type: AggregationType.DEFAULT } as const,
  { type: AggregationType.DROP } as const,
  { type: AggregationType.SUM } as const,
  { type: AggregationType.LAST_VALUE } as const,
  { type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM } as const,
  {
    type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
    options: { boundaries: [10, 1, 5, Number.POSITIVE_INFINITY] },
  } as const,
  {
    type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
    options: { boundaries: [], recordMinMax: false },
  } as const,
  { type: AggregationType.EXPONENTIAL_HISTOGRAM, options: { maxSize: 20 } } as const,
);

const viewArb = (i: number): fc.Arbitrary<ViewOptions> =>
  fc
    .record(
      {
        instrumentName: fc.constantFrom(...NAMES, '*', 'http.*', 'db.*', '*.duration', 'j*s'),
        instrumentType: fc.constantFrom(
          InstrumentType.COUNTER,
          InstrumentType.UP_DOWN_COUNTER,
          InstrumentType.GAUGE,
          InstrumentType.HISTOGRAM,
        ),
        instrumentUnit: fc.constantFrom('', 's', 'ms'),
        meterName: fc.constantFrom('app', 'lib'),
        meterVersion: fc.constantFrom('2.0.0', '1.0.0'),
        rename: fc.boolean(),
        description: fc.constantFrom('View description.'),
        attributesProcessors: processorsArb,
        aggregation: aggregationArb,
        aggregationCardinalityLimit: fc.integer({ min: 1, max: 4 }),
      },
      { requiredKeys: ['instrumentName'] },
    )
    .map(({ rename, ...view }) => {
      const out: ViewOptions = Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined));
      return rename && !view.instrumentName.includes('*')
        ? { ...out, name: `v${i}.${view.instrumentName}` }
        : out;
    });

const viewsArb: fc.Arbitrary<ViewOptions[]> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<ViewOptions[]>([]) },
  { weight: 3, arbitrary: viewArb(0).map((v) => [v]) },
  { weight: 1, arbitrary: fc.tuple(viewArb(0), viewArb(1)).map((vs) => [...vs]) },
);

const caseArb: fc.Arbitrary<Case> = fc
  .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc.record({
      limit: fc.constantFrom(2, 3, 2000),
      views: viewsArb,
      instruments: fc.tuple(...names.map(instrumentArb)),
      sets: fc.array(setArb, { minLength: 1, maxLength: 5 }),
      ops: fc.array(
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc.record({
              op: fc.constant('record' as const),
              instrument: fc.nat(),
              value: valueArb,
              set: fc.nat(),
              rotate: fc.nat(),
              undefinedWhenEmpty: fc.boolean(),
            }),
          },
          { weight: 1, arbitrary: fc.constant({ op: 'collect' as const }) },
        ),
        { maxLength: 30 },
      ),
    }),
  )
  .map((c) => {
    // difference 7: with attribute processors, the default limit (the guard's and every view's)
    const processors = c.views.some((v) => v.attributesProcessors !== undefined);
    return {
      ...c,
      limit: processors ? 2000 : c.limit,
      views: processors ? c.views.map(({ aggregationCardinalityLimit: _, ...view }) => view) : c.views,
      ops: c.ops.map((o) =>
        o.op === 'record'
          ? { ...o, instrument: o.instrument % c.instruments.length, set: o.set % c.sets.length }
          : o,
      ),
    };
  });

/** The record's attributes: the set's entries rotated, so one set arrives in several key orders. */
function attributesOf(c: Case, op: Extract<Op, { op: 'record' }>): Attributes | undefined {
  const entries = c.sets[op.set]!;
  if (entries.length === 0) return op.undefinedWhenEmpty ? undefined : {};
  const r = op.rotate % entries.length;
  return Object.fromEntries([...entries.slice(r), ...entries.slice(0, r)]);
}

/** The value as recorded: integer instruments get integers only (difference 1). */
function recordedValue(spec: InstrumentSpec, value: number): number {
  return spec.integer ? Math.round(value) : value;
}

/** Counters and histograms as deltas, the rest cumulative: what a delta LocalMetricProducer does. */
const deltaSelector: AggregationTemporalitySelector = (type) =>
  type === InstrumentType.COUNTER ||
  type === InstrumentType.HISTOGRAM ||
  type === InstrumentType.OBSERVABLE_COUNTER
    ? AggregationTemporality.DELTA
    : AggregationTemporality.CUMULATIVE;

interface Side {
  record(spec: InstrumentSpec, index: number, value: number, attributes: Attributes | undefined): void;
  readonly cumulative: TestReader;
  readonly delta: TestReader;
}

type Recorder = (value: number, attributes: Attributes | undefined) => void;

function recorderOf(
  meter: {
    createCounter: (n: string, o: object) => { add: Recorder };
    createUpDownCounter: (n: string, o: object) => { add: Recorder };
    createGauge: (n: string, o: object) => { record: Recorder };
    createHistogram: (n: string, o: object) => { record: Recorder };
  },
  spec: InstrumentSpec,
  oracle: boolean,
): Recorder {
  const options: { description: string; unit: string; valueType: ValueType; advice?: object } = {
    description: spec.description,
    unit: spec.unit,
    valueType: spec.integer ? ValueType.INT : ValueType.DOUBLE,
  };
  if (spec.kind === 'histogram') {
    if (spec.boundaries !== undefined) options.advice = { explicitBucketBoundaries: [...spec.boundaries] };
    else if (oracle && spec.unit === 's') options.advice = { explicitBucketBoundaries: [...SECONDS_BUCKETS] }; // difference 2
  }
  switch (spec.kind) {
    case 'counter': {
      const i = meter.createCounter(spec.name, options);
      return (v, a) => i.add(v, a);
    }
    case 'updown': {
      const i = meter.createUpDownCounter(spec.name, options);
      return (v, a) => i.add(v, a);
    }
    case 'gauge': {
      const i = meter.createGauge(spec.name, options);
      return (v, a) => i.record(v, a);
    }
    case 'histogram': {
      const i = meter.createHistogram(spec.name, options);
      return (v, a) => i.record(v, a);
    }
  }
}

/** One pipeline: otelkit's engine (oracle false) or the plain SDK (oracle true). */
function side(c: Case, oracle: boolean): Side {
  const local = new LocalInstrumentRegistry();
  const producers = (t: AggregationTemporality) => (oracle ? [] : [new LocalMetricProducer(local, t)]);
  // The configured limit for instruments no view selects (with user views there is no catch-all view).
  const cardinalitySelector = () => c.limit + 1;
  const cumulative = new TestReader({
    cardinalitySelector,
    metricProducers: producers(AggregationTemporality.CUMULATIVE),
  });
  const delta = new TestReader({
    cardinalitySelector,
    aggregationTemporalitySelector: deltaSelector,
    metricProducers: producers(AggregationTemporality.DELTA),
  });
  const sdk = new MeterProvider({
    readers: [cumulative, delta],
    // As telemetry.ts composes them (the SDK's limit one above the guard's: the overflow series).
    views: sdkViews(c.views, c.limit),
  });
  const provider = oracle ? sdk : new GuardedMeterProvider(sdk, c.limit, local, c.views);
  const recorders = new Map<number, Recorder>();
  return {
    cumulative,
    delta,
    record(spec, index, value, attributes) {
      let recorder = recorders.get(index);
      if (recorder === undefined) {
        const [name, version, schemaUrl] = METERS[spec.meter]!;
        const meter = provider.getMeter(name, version, { schemaUrl }) as unknown as Parameters<
          typeof recorderOf
        >[0];
        recorder = recorderOf(meter, spec, oracle);
        recorders.set(index, recorder);
      }
      recorder(value, attributes);
    },
  };
}

interface NormalPoint {
  readonly attributes: string;
  readonly value: unknown;
}

interface NormalMetric {
  readonly description: string;
  readonly unit: string;
  readonly type: DataPointType;
  readonly temporality: AggregationTemporality;
  readonly monotonic: boolean | undefined;
  readonly points: NormalPoint[];
}

function attributeKey(attributes: Attributes): string {
  return JSON.stringify(
    Object.keys(attributes)
      .sort()
      .map((k) => [k, attributes[k]]),
  );
}

function normalPoint(metric: MetricData, attributes: Attributes, value: unknown): NormalPoint | undefined {
  const delta = metric.aggregationTemporality === AggregationTemporality.DELTA;
  if (metric.dataPointType === DataPointType.HISTOGRAM) {
    const h = value as Histogram;
    if (delta && h.count === 0) return undefined; // difference 3
    const out: Record<string, unknown> = {
      boundaries: h.buckets.boundaries,
      counts: h.buckets.counts,
      sum: h.sum,
      count: h.count,
    };
    if (!delta && h.min !== undefined) out.min = h.min; // difference 3
    if (!delta && h.max !== undefined) out.max = h.max;
    return { attributes: attributeKey(attributes), value: out };
  }
  // difference 3 (and 4: a tiny value added to a large running sum is absorbed)
  if (delta && metric.dataPointType === DataPointType.SUM && Math.abs(value as number) <= TOLERANCE)
    return undefined;
  return { attributes: attributeKey(attributes), value };
}

/** Scope key -> metric name -> metric, without timestamps, empty scopes or metrics without points. */
function normalise(rm: ResourceMetrics): Record<string, Record<string, NormalMetric>> {
  const out: Record<string, Record<string, NormalMetric>> = {};
  for (const { scope, metrics } of rm.scopeMetrics) {
    for (const metric of metrics) {
      const points = (metric.dataPoints as { attributes: Attributes; value: unknown }[])
        .map((p) => normalPoint(metric, p.attributes, p.value))
        .filter((p) => p !== undefined)
        .sort((a, b) => (a.attributes < b.attributes ? -1 : a.attributes > b.attributes ? 1 : 0));
      if (points.length === 0) continue;
      const key = `${scope.name}|${scope.version ?? ''}|${scope.schemaUrl ?? ''}`;
      out[key] ??= {};
      // difference 1: descriptor.valueType is not compared
      out[key][metric.descriptor.name] = {
        description: metric.descriptor.description,
        unit: metric.descriptor.unit,
        type: metric.dataPointType,
        temporality: metric.aggregationTemporality,
        monotonic: metric.dataPointType === DataPointType.SUM ? metric.isMonotonic : undefined,
        points,
      };
    }
  }
  return out;
}

/** Deep equality, numbers to 1e-7 (difference 4); throws with the path of the first mismatch. */
function assertClose(actual: unknown, expected: unknown, path: string): void {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (actual === expected || Math.abs(actual - expected) <= TOLERANCE) return;
    assert.fail(`${path}: otelkit ${actual}, SDK ${expected}`);
  }
  if (typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null) {
    assert.equal(actual, expected, path);
    return;
  }
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) {
    assertClose(
      (actual as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
  }
}

/** Whether some instrument sees more attribute sets than the limit (difference 5). */
function overflows(c: Case): boolean {
  const sets = new Map<number, Set<string>>();
  for (const op of c.ops) {
    if (op.op !== 'record') continue;
    const seen = sets.get(op.instrument) ?? new Set<string>();
    seen.add(attributeKey(Object.fromEntries(c.sets[op.set]!)));
    sets.set(op.instrument, seen);
  }
  const limit = Math.min(c.limit, ...c.views.map((v) => (v.aggregationCardinalityLimit ?? Infinity) - 1));
  return [...sets.values()].some((s) => s.size > limit);
}

/** Runs the case through both pipelines and compares at every collection point. */
async function runCase(c: Case): Promise<void> {
  const ours = side(c, false);
  const oracle = side(c, true);
  const collectEveryTime = !overflows(c);
  const compare = async (point: string) => {
    for (const reader of ['cumulative', 'delta'] as const) {
      const actual = normalise((await ours[reader].collect()).resourceMetrics);
      const expected = normalise((await oracle[reader].collect()).resourceMetrics);
      assertClose(actual, expected, `${point} ${reader}`);
    }
  };
  let n = 0;
  for (const op of c.ops) {
    if (op.op === 'collect') {
      if (collectEveryTime) await compare(`collection ${++n}`);
      continue;
    }
    const spec = c.instruments[op.instrument]!;
    const value = recordedValue(spec, op.value);
    const attributes = attributesOf(c, op);
    ours.record(spec, op.instrument, value, attributes);
    oracle.record(spec, op.instrument, value, attributes);
  }
  await compare('final collection');
}

describe('otelkit engine vs the OpenTelemetry SDK (differential)', () => {
  it(`exports the same data as sdk-metrics for ${RUNS} generated record sequences and views`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, (c) => runCase(c)),
      {
        numRuns: RUNS,
        ...(process.env.OTELKIT_DIFF_SEED ? { seed: Number(process.env.OTELKIT_DIFF_SEED) } : {}),
      },
    );
  });
});
