/**
 * Scrape path benchmark: the time to produce the `/metrics` body for the same metrics in
 *   (a) OpenTelemetry: PrometheusExporter.collect() + exporter-prometheus's PrometheusSerializer,
 *   (b) otelkit: the same collect() + otelkit's serializeMetrics (Prometheus text format),
 *   (c) prom-client: registry.metrics().
 * 100 instruments (50 counters, 30 gauges, 20 histograms with 10 bounds) x 100 label sets = 10,000
 * series, the same shape in each library. Each timing ends with the body encoded to a Buffer (what an
 * HTTP response does with it), so lazily concatenated strings are paid for. Rounds are interleaved;
 * medians are reported.
 *
 * Run: node --import tsx test/bench/prometheus-scrape.bench.ts [--smoke]
 * (--smoke: 5 label sets per instrument = 500 series, 3 rounds.)
 */
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import * as client from 'prom-client';
import { serializeMetrics } from '../../packages/core/src/prometheus/serializer';

const smoke = process.argv.includes('--smoke');
const LABEL_SETS = smoke ? 5 : 100;
const ROUNDS = smoke ? 3 : 20;
const WARMUP = smoke ? 1 : 3;
const COUNTERS = 50;
const GAUGES = 30;
const HISTOGRAMS = 20;
const BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const labelSets = Array.from({ length: LABEL_SETS }, (_, i) => ({
  route: `/api/v1/resource${i % 25}`,
  status: String(200 + (i % 4) * 100),
  shard: `s${i}`,
}));

// OpenTelemetry side, shared by (a) and (b).
const exporter = new PrometheusExporter({ preventServerStart: true });
const provider = new MeterProvider({
  readers: [exporter],
  resource: resourceFromAttributes({ 'service.name': 'bench' }),
});
const meter = provider.getMeter('bench', '1.0.0');
const otelCounters = Array.from({ length: COUNTERS }, (_, i) =>
  meter.createCounter(`bench.requests${i}`, { description: 'Requests handled.' }),
);
const otelGauges = Array.from({ length: GAUGES }, (_, i) =>
  meter.createGauge(`bench.queue${i}.depth`, { description: 'Queue depth.' }),
);
const otelHistograms = Array.from({ length: HISTOGRAMS }, (_, i) =>
  meter.createHistogram(`bench.latency${i}`, {
    description: 'Latency.',
    unit: 's',
    advice: { explicitBucketBoundaries: BOUNDS },
  }),
);
const otelSerializer = new PrometheusSerializer();

// prom-client side.
const registry = new client.Registry();
const labelNames = ['route', 'status', 'shard'] as const;
const promCounters = Array.from(
  { length: COUNTERS },
  (_, i) =>
    new client.Counter({
      name: `bench_requests${i}_total`,
      help: 'Requests handled.',
      labelNames,
      registers: [registry],
    }),
);
const promGauges = Array.from(
  { length: GAUGES },
  (_, i) =>
    new client.Gauge({
      name: `bench_queue${i}_depth`,
      help: 'Queue depth.',
      labelNames,
      registers: [registry],
    }),
);
const promHistograms = Array.from(
  { length: HISTOGRAMS },
  (_, i) =>
    new client.Histogram({
      name: `bench_latency${i}_seconds`,
      help: 'Latency.',
      labelNames,
      buckets: BOUNDS,
      registers: [registry],
    }),
);

let tick = 0;
/** Records one value into every series of both libraries (outside the timed section). */
function recordAll(): void {
  tick++;
  for (let s = 0; s < labelSets.length; s++) {
    const labels = labelSets[s]!;
    const value = ((s * 7 + tick) % 100) / 40;
    for (let i = 0; i < COUNTERS; i++) {
      otelCounters[i]!.add(1, labels);
      promCounters[i]!.inc(labels, 1);
    }
    for (let i = 0; i < GAUGES; i++) {
      otelGauges[i]!.record(value, labels);
      promGauges[i]!.set(labels, value);
    }
    for (let i = 0; i < HISTOGRAMS; i++) {
      otelHistograms[i]!.record(value, labels);
      promHistograms[i]!.observe(labels, value);
    }
  }
}

interface Sample {
  total: number;
  collect: number;
  bytes: number;
}

async function scrapeOtel(): Promise<Sample> {
  const start = performance.now();
  const { resourceMetrics } = await exporter.collect();
  const collected = performance.now();
  const body = Buffer.from(otelSerializer.serialize(resourceMetrics));
  return { total: performance.now() - start, collect: collected - start, bytes: body.length };
}

async function scrapeOtelkit(): Promise<Sample> {
  const start = performance.now();
  const { resourceMetrics } = await exporter.collect();
  const collected = performance.now();
  const body = Buffer.from(serializeMetrics(resourceMetrics, { format: 'prometheus' }));
  return { total: performance.now() - start, collect: collected - start, bytes: body.length };
}

async function scrapePromClient(): Promise<Sample> {
  const start = performance.now();
  const body = Buffer.from(await registry.metrics());
  return { total: performance.now() - start, collect: 0, bytes: body.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const contenders = [
    { name: 'OTel exporter-prometheus', run: scrapeOtel },
    { name: 'otelkit serializeMetrics', run: scrapeOtelkit },
    { name: 'prom-client registry.metrics()', run: scrapePromClient },
  ];
  const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    recordAll();
    // Rotate the order each round so no contender always runs first after recording.
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length]!;
      const sample = await contender.run();
      if (round >= WARMUP) samples.get(contender.name)!.push(sample);
    }
  }

  const series = (COUNTERS + GAUGES + HISTOGRAMS) * LABEL_SETS;
  const promMedian = median(samples.get('prom-client registry.metrics()')!.map((s) => s.total));
  console.log(
    `prometheus-scrape: ${series} series (${COUNTERS} counters, ${GAUGES} gauges, ${HISTOGRAMS} histograms x ${LABEL_SETS} label sets), ${ROUNDS} rounds, node ${process.version}${smoke ? ' [smoke]' : ''}`,
  );
  const rows = contenders.map((c) => {
    const list = samples.get(c.name)!;
    const total = median(list.map((s) => s.total));
    const collect = median(list.map((s) => s.collect));
    return {
      scrape: c.name,
      'median ms': total.toFixed(2),
      'collect ms': c.run === scrapePromClient ? '-' : collect.toFixed(2),
      'serialize+encode ms': c.run === scrapePromClient ? '-' : (total - collect).toFixed(2),
      'vs prom-client': `${(total / promMedian).toFixed(2)}x`,
      'body KiB': (list[list.length - 1]!.bytes / 1024).toFixed(0),
    };
  });
  console.table(rows);
  await provider.shutdown();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
