// Cost of one runtime-metrics collection (what a scrape or an OTLP export pays), otelkit against the peers a
// user would otherwise pick, in one process:
// - otelkit startRuntimeMetrics, naming 'otel' and 'prom-client': MetricReader.collect() of a MeterProvider
//   holding only the runtime metrics; plus the batch callback alone (process reads, no SDK aggregation);
// - prom-client 15 collectDefaultMetrics(): registry.getMetricsAsJSON() (collect, no text) and metrics() (text);
// - @opentelemetry/instrumentation-runtime-node: MetricReader.collect().
//
//   node --import tsx test/bench/runtime-collection.bench.ts [--smoke]

import { performance } from 'node:perf_hooks';
import type { BatchObservableResult } from '@opentelemetry/api';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { EventLoopMonitor } from '../../packages/core/src/runtime/event-loop';
import { resolveRuntimeMetricsOptions } from '../../packages/core/src/runtime/options';
import { createOtelRecorder } from '../../packages/core/src/runtime/otel-recorder';
import { HAS_PROCFS, readMaxFds } from '../../packages/core/src/runtime/proc';
import { createPromClientRecorder } from '../../packages/core/src/runtime/prom-client-recorder';
import type { RecorderFactory } from '../../packages/core/src/runtime/recorder';
import { startRuntimeMetrics } from '../../packages/core/src/runtime/runtime-metrics';
import { SafeReader } from '../../packages/core/src/runtime/safe-read';

const smoke = process.argv.includes('--smoke');
const ROUNDS = smoke ? 1 : 7;
const ITERATIONS = smoke ? 200 : 2_000;

class OnDemandReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

function readerWith(start: (provider: MeterProvider) => void): OnDemandReader {
  const reader = new OnDemandReader();
  const provider = new MeterProvider({ readers: [reader] });
  start(provider);
  return reader;
}

function callbackOnly(factory: RecorderFactory): () => void {
  const options = resolveRuntimeMetricsOptions();
  const meter = new MeterProvider().getMeter('bench-callback');
  const recorder = factory(meter, {
    options,
    eventLoop: new EventLoopMonitor(options.eventLoopResolutionMs),
    reader: new SafeReader(),
    hasProcfs: HAS_PROCFS,
    maxFds: HAS_PROCFS ? readMaxFds() : undefined,
  });
  // The reads are native calls (v8, process, /proc); a no-op observe cannot let them be optimized away.
  const result: BatchObservableResult = { observe: () => {} };
  return () => recorder.observe(result);
}

const otelReader = readerWith((p) => startRuntimeMetrics(p.getMeter('bench'), { naming: 'otel' }));
const promModeReader = readerWith((p) => startRuntimeMetrics(p.getMeter('bench'), { naming: 'prom-client' }));
const contribReader = readerWith((p) => {
  const instrumentation = new RuntimeNodeInstrumentation();
  instrumentation.setMeterProvider(p);
  instrumentation.enable();
});
const registry = new Registry();
collectDefaultMetrics({ register: registry });

const cases: { name: string; run: () => unknown }[] = [
  { name: "otelkit naming 'otel': reader.collect()", run: () => otelReader.collect() },
  { name: "otelkit naming 'prom-client': reader.collect()", run: () => promModeReader.collect() },
  { name: "otelkit 'otel' batch callback only", run: callbackOnly(createOtelRecorder) },
  { name: "otelkit 'prom-client' batch callback only", run: callbackOnly(createPromClientRecorder) },
  { name: 'prom-client getMetricsAsJSON()', run: () => registry.getMetricsAsJSON() },
  { name: 'prom-client metrics() (text)', run: () => registry.metrics() },
  { name: 'instrumentation-runtime-node: reader.collect()', run: () => contribReader.collect() },
];

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Collections are timed one by one with a loop turn between them, as scrapes are: without the turn,
// the setImmediate lag probes (prom-client's and otelkit's) pile up and every reader of
// process.getActiveResourcesInfo() slows down.
async function timeOnce(run: () => unknown): Promise<number> {
  let total = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await run();
    total += performance.now() - start;
    await nextTurn();
  }
  return (total * 1e3) / ITERATIONS;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  for (const c of cases) await timeOnce(c.run); // warm up
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) samples.get(c.name)!.push(await timeOnce(c.run));
  }
  const baseline = median(samples.get('prom-client getMetricsAsJSON()')!);
  const rows = cases.map((c) => {
    const us = median(samples.get(c.name)!);
    return {
      case: c.name,
      'median µs/collection': us.toFixed(1),
      'vs prom-client JSON': `${(us / baseline).toFixed(2)}x`,
    };
  });
  console.log(
    `runtime metrics collection, ${ITERATIONS} collections x ${ROUNDS} rounds, Node ${process.version}`,
  );
  console.table(rows);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
