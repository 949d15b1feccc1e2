/**
 * Recording cost: otelkit's bound and unbound counters and histograms against the raw OpenTelemetry SDK
 * and prom-client, in one process. Targets: bound add() at least 10x faster than prom-client's labelled
 * inc(); unbound add() at most 1.1x the raw SDK's add() with the same readers.
 *
 * Conditions, so the figures are what an app sees: otelkit's instruments come from `startTelemetry()`
 * (its readers and in-process aggregation); before anything is measured, other series of every kind
 * take non-integer values (a rate, a fraction of a second), so the JIT cannot specialise the record
 * paths for small integers, which it would do for a loop alone in a process. After the run every total
 * is read back through a collection (Prometheus reader, otelkit's `collect()`, prom-client's `get()`)
 * and checked against the number of calls made, so the work cannot have been optimised away.
 *
 *   npm run build && node --import tsx test/bench/record.bench.ts [--smoke]
 */
import type { Attributes } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import {
  DataPointType,
  type Histogram,
  MeterProvider,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import { startTelemetry } from '@otelkit/core';
import client from 'prom-client';
import { type Case, measure, report, smoke } from './harness';

const LABELS = { method: 'GET', route: '/items' } as const;
const OTHER = { method: 'POST', route: '/other' } as const;

// The raw SDK gets the same kind of reader and cardinality view as startTelemetry() sets up.
const sdkReader = new PrometheusExporter({ preventServerStart: true });
const sdk = new MeterProvider({
  readers: [sdkReader],
  views: [{ instrumentName: '*', aggregationCardinalityLimit: 2001 }],
}).getMeter('bench');
const telemetry = startTelemetry({ server: false, runtimeMetrics: false, logLevel: 'none', env: {} });
const otelkit = telemetry.getMeter('bench');
const registry = new client.Registry();

const raw = sdk.createCounter('raw_requests');
const unbound = otelkit.createCounter('otelkit_requests');
const bound = otelkit.createCounter('otelkit_bound_requests').bind(LABELS);
const prom = new client.Counter({
  name: 'prom_requests',
  help: 'h',
  labelNames: ['method', 'route'],
  registers: [registry],
});
const promBound = prom.labels(LABELS);

const rawHistogram = sdk.createHistogram('raw_latency', { unit: 's' });
const histogram = otelkit.createHistogram('otelkit_latency', { unit: 's' });
const boundHistogram = otelkit.createHistogram('otelkit_bound_latency', { unit: 's' }).bind(LABELS);
const promHistogram = new client.Histogram({
  name: 'prom_latency_seconds',
  help: 'h',
  labelNames: ['method', 'route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
  registers: [registry],
});

// What an app's other series do: non-integer values on other counters and histograms of each kind.
for (let i = 0; i < 1_000; i++) {
  raw.add(0.5, OTHER);
  unbound.add(0.5, OTHER);
  otelkit.createCounter('otelkit_other_rate').bind(OTHER).add(0.25);
  prom.inc(OTHER, 0.5);
  rawHistogram.record(i, OTHER);
  histogram.record(i, OTHER);
  otelkit.createHistogram('otelkit_other_latency').bind(OTHER).record(i);
  promHistogram.observe(OTHER, i);
}

/** Counts the calls each case makes, for the read-back check. */
const calls = new Map<string, number>();
function counted(name: string, body: (n: number) => void): Case {
  calls.set(name, 0);
  return {
    name,
    run: (n) => {
      calls.set(name, calls.get(name)! + n);
      body(n);
    },
  };
}

const rounds = smoke ? { iterations: 1_000, rounds: 3 } : { iterations: 500_000, rounds: 9 };
const C = {
  raw: 'raw OTel SDK counter.add(1, {2 attrs})',
  unbound: 'otelkit counter.add(1, {2 attrs})',
  prom: 'prom-client counter.inc({2 labels})',
  promChild: 'prom-client counter.labels(...) child .inc()',
  bound: 'otelkit bound counter.add(1)',
} as const;
const counters = measure(
  [
    counted(C.raw, (n) => {
      for (let i = 0; i < n; i++) raw.add(1, { method: 'GET', route: '/items' });
    }),
    counted(C.unbound, (n) => {
      for (let i = 0; i < n; i++) unbound.add(1, { method: 'GET', route: '/items' });
    }),
    counted(C.prom, (n) => {
      for (let i = 0; i < n; i++) prom.inc({ method: 'GET', route: '/items' });
    }),
    counted(C.promChild, (n) => {
      for (let i = 0; i < n; i++) promBound.inc();
    }),
    counted(C.bound, (n) => {
      for (let i = 0; i < n; i++) bound.add(1);
    }),
  ],
  rounds,
);

const H = {
  raw: 'raw OTel SDK histogram.record(v, {2 attrs})',
  unbound: 'otelkit histogram.record(v, {2 attrs})',
  prom: 'prom-client histogram.observe({2 labels}, v)',
  bound: 'otelkit bound histogram.record(v)',
} as const;
const histograms = measure(
  [
    counted(H.raw, (n) => {
      for (let i = 0; i < n; i++) rawHistogram.record(0.042, { method: 'GET', route: '/items' });
    }),
    counted(H.unbound, (n) => {
      for (let i = 0; i < n; i++) histogram.record(0.042, { method: 'GET', route: '/items' });
    }),
    counted(H.prom, (n) => {
      for (let i = 0; i < n; i++) promHistogram.observe({ method: 'GET', route: '/items' }, 0.042);
    }),
    counted(H.bound, (n) => {
      for (let i = 0; i < n; i++) boundHistogram.record(0.042);
    }),
  ],
  rounds,
);

/** The value (sum, or histogram count) of the GET /items series of `name` in a collection. */
function readBack(metrics: ResourceMetrics, name: string): number | undefined {
  for (const scope of metrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      if (metric.descriptor.name !== name) continue;
      const point = metric.dataPoints.find(
        (p) =>
          (p.attributes as Attributes).method === 'GET' && (p.attributes as Attributes).route === '/items',
      );
      if (point === undefined) return undefined;
      return metric.dataPointType === DataPointType.HISTOGRAM
        ? (point.value as Histogram).count
        : (point.value as number);
    }
  }
  return undefined;
}

async function promValue(metric: client.Metric, suffix = ''): Promise<number | undefined> {
  const { values } = await metric.get();
  return values.find(
    (v) =>
      v.labels.method === 'GET' &&
      v.labels.route === '/items' &&
      (suffix === '' || (v as { metricName?: string }).metricName?.endsWith(suffix) === true),
  )?.value;
}

async function verify(): Promise<void> {
  const sdkMetrics = (await sdkReader.collect()).resourceMetrics;
  const otelkitMetrics = (await telemetry.collect())!;
  const checks: Array<[string, number | undefined, number]> = [
    [C.raw, readBack(sdkMetrics, 'raw_requests'), calls.get(C.raw)!],
    [C.unbound, readBack(otelkitMetrics, 'otelkit_requests'), calls.get(C.unbound)!],
    [C.bound, readBack(otelkitMetrics, 'otelkit_bound_requests'), calls.get(C.bound)!],
    [`${C.prom} + child`, await promValue(prom), calls.get(C.prom)! + calls.get(C.promChild)!],
    [H.raw, readBack(sdkMetrics, 'raw_latency'), calls.get(H.raw)!],
    [H.unbound, readBack(otelkitMetrics, 'otelkit_latency'), calls.get(H.unbound)!],
    [H.bound, readBack(otelkitMetrics, 'otelkit_bound_latency'), calls.get(H.bound)!],
    [H.prom, await promValue(promHistogram, '_count'), calls.get(H.prom)!],
  ];
  const wrong = checks.filter(([, got, want]) => got !== want);
  for (const [name, got, want] of wrong) console.error(`read back ${name}: ${got}, expected ${want}`);
  if (wrong.length > 0) throw new Error('a total read back through a collection is wrong');
  console.log(`\ntotals read back through a collection: all ${checks.length} match the calls made`);
}

async function main(): Promise<void> {
  await verify();
  report('counter recording (median of rounds, ns per call)', counters, C.raw);
  const get = (k: string) => counters.get(k)!;
  console.log(`\nunbound otelkit / raw SDK: ${(get(C.unbound) / get(C.raw)).toFixed(2)}x (target <= 1.10x)`);
  console.log(
    `prom-client labelled inc / otelkit bound add: ${(get(C.prom) / get(C.bound)).toFixed(1)}x faster (target >= 10x)`,
  );
  report('histogram recording (median of rounds, ns per call)', histograms, H.raw);
  console.log(
    '\nconditions: one process, instruments as startTelemetry() builds them, other series of each kind ' +
      `taking non-integer values; node ${process.version}`,
  );
  await telemetry.shutdown();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
