/**
 * Recording cost: otelkit's bound and unbound counters against the raw OpenTelemetry SDK and prom-client,
 * in one process. Targets (issue 2): bound add() at least 10x faster than prom-client's labelled inc();
 * unbound add() at most 1.1x the raw SDK's add() with the same readers.
 *
 *   npm run build && node --import tsx test/bench/record.bench.ts [--smoke]
 */
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { GuardedMeterProvider, LocalInstrumentRegistry } from '@otelkit/core';
import client from 'prom-client';
import { measure, report, smoke } from './harness';

// Both SDK providers get the same reader and view as startTelemetry() sets up.
function sdkProvider() {
  return new MeterProvider({
    readers: [new PrometheusExporter({ preventServerStart: true })],
    views: [{ instrumentName: '*', aggregationCardinalityLimit: 2001 }],
  });
}

const raw = sdkProvider().getMeter('bench').createCounter('raw_requests');
// As startTelemetry() builds it: histograms aggregate in process (exported by the readers' producer).
const otelkit = new GuardedMeterProvider(sdkProvider(), 2000, new LocalInstrumentRegistry()).getMeter(
  'bench',
);
const unbound = otelkit.createCounter('otelkit_requests');
const bound = otelkit.createCounter('otelkit_bound_requests').bind({ method: 'GET', route: '/items' });
const registry = new client.Registry();
const prom = new client.Counter({
  name: 'prom_requests',
  help: 'h',
  labelNames: ['method', 'route'],
  registers: [registry],
});
const promBound = prom.labels({ method: 'GET', route: '/items' });

const results = measure(
  [
    {
      name: 'raw OTel SDK counter.add(1, {2 attrs})',
      run: (n) => {
        for (let i = 0; i < n; i++) raw.add(1, { method: 'GET', route: '/items' });
      },
    },
    {
      name: 'otelkit counter.add(1, {2 attrs})',
      run: (n) => {
        for (let i = 0; i < n; i++) unbound.add(1, { method: 'GET', route: '/items' });
      },
    },
    {
      name: 'prom-client counter.inc({2 labels})',
      run: (n) => {
        for (let i = 0; i < n; i++) prom.inc({ method: 'GET', route: '/items' });
      },
    },
    {
      name: 'prom-client counter.labels(...) child .inc()',
      run: (n) => {
        for (let i = 0; i < n; i++) promBound.inc();
      },
    },
    {
      name: 'otelkit bound counter.add(1)',
      run: (n) => {
        for (let i = 0; i < n; i++) bound.add(1);
      },
    },
  ],
  smoke ? { iterations: 1_000, rounds: 3 } : { iterations: 500_000, rounds: 9 },
);
report('counter recording (median of rounds)', results, 'raw OTel SDK counter.add(1, {2 attrs})');
const get = (k: string) => results.get(k)!;
console.log(
  `\nunbound otelkit / raw SDK: ${(get('otelkit counter.add(1, {2 attrs})') / get('raw OTel SDK counter.add(1, {2 attrs})')).toFixed(2)}x (target <= 1.10x)`,
);
console.log(
  `prom-client labelled inc / otelkit bound add: ${(get('prom-client counter.inc({2 labels})') / get('otelkit bound counter.add(1)')).toFixed(1)}x faster (target >= 10x)`,
);

const rawHistogram = sdkProvider().getMeter('bench').createHistogram('raw_latency', { unit: 's' });
const histogram = otelkit.createHistogram('otelkit_latency', { unit: 's' });
const boundHistogram = otelkit
  .createHistogram('otelkit_bound_latency', { unit: 's' })
  .bind({ method: 'GET', route: '/items' });
const promHistogram = new client.Histogram({
  name: 'prom_latency_seconds',
  help: 'h',
  labelNames: ['method', 'route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
  registers: [registry],
});
const histograms = measure(
  [
    {
      name: 'raw OTel SDK histogram.record(v, {2 attrs})',
      run: (n) => {
        for (let i = 0; i < n; i++) rawHistogram.record(0.042, { method: 'GET', route: '/items' });
      },
    },
    {
      name: 'otelkit histogram.record(v, {2 attrs})',
      run: (n) => {
        for (let i = 0; i < n; i++) histogram.record(0.042, { method: 'GET', route: '/items' });
      },
    },
    {
      name: 'prom-client histogram.observe({2 labels}, v)',
      run: (n) => {
        for (let i = 0; i < n; i++) promHistogram.observe({ method: 'GET', route: '/items' }, 0.042);
      },
    },
    {
      name: 'otelkit bound histogram.record(v)',
      run: (n) => {
        for (let i = 0; i < n; i++) boundHistogram.record(0.042);
      },
    },
  ],
  smoke ? { iterations: 1_000, rounds: 3 } : { iterations: 500_000, rounds: 9 },
);
report('histogram recording (median of rounds)', histograms, 'raw OTel SDK histogram.record(v, {2 attrs})');
