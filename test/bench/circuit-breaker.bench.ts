// Overhead of a circuit breaker's execute() in the closed state, against calling the function directly.
// otelkit (with its metrics on: startTelemetry()'s provider set as global, with its Prometheus reader),
// opossum's fire() and cockatiel's execute(), configured alike: open at a 50% failure rate over 10 s
// once 20 calls are seen, 30 s open; with a 10 s per-call timeout and without one.
//
//   npm run build && node --import tsx test/bench/circuit-breaker.bench.ts [--smoke]

import { createRequire } from 'node:module';
import { createCircuitBreaker } from '@otelkit/circuit-breaker';
import { startTelemetry } from '@otelkit/core';

// opossum ships no type declarations; this is the part of its API the benchmark uses.
interface OpossumBreaker {
  fire(): Promise<unknown>;
  shutdown(): void;
}
const Opossum = createRequire(__filename)('opossum') as new (
  action: () => Promise<unknown>,
  options: Record<string, unknown>,
) => OpossumBreaker;

// cockatiel 4 is ESM only; Node >= 22.12 require()s it (this file runs as CommonJS under tsx).
type Cockatiel = typeof import('cockatiel', { with: { 'resolution-mode': 'import' }});
const {
  circuitBreaker,
  handleAll,
  SamplingBreaker,
  TimeoutStrategy,
  timeout: timeoutPolicy,
  wrap,
} = createRequire(__filename)('cockatiel') as Cockatiel;

const smoke = process.argv.includes('--smoke');
const ROUNDS = smoke ? 1 : 5;
const CALLS = smoke ? 300 : 200_000;
const WARMUP = smoke ? 100 : 50_000;

const telemetry = startTelemetry({ server: false, runtimeMetrics: false, logLevel: 'none' });

const work = (): Promise<number> => Promise.resolve(42);

type Case = { name: string; call: () => Promise<unknown> };

const otelkit = createCircuitBreaker('bench', {
  failureRate: { threshold: 0.5, windowMs: 10_000, minimumCalls: 20 },
  openDurationMs: 30_000,
  timeoutMs: 10_000,
});
const otelkitNoTimeout = createCircuitBreaker('bench-no-timeout', {
  failureRate: { threshold: 0.5, windowMs: 10_000, minimumCalls: 20 },
  openDurationMs: 30_000,
});
const otelkitNoHistogram = createCircuitBreaker('bench-no-histogram', {
  failureRate: { threshold: 0.5, windowMs: 10_000, minimumCalls: 20 },
  openDurationMs: 30_000,
  durationHistogram: false,
});
// A function that declares the signal parameter gets a real AbortSignal (an AbortController per call).
const workWithSignal = (signal: AbortSignal): Promise<number> => (signal.aborted ? Promise.reject() : work());
const opossumOptions = {
  errorThresholdPercentage: 50,
  rollingCountTimeout: 10_000,
  volumeThreshold: 20,
  resetTimeout: 30_000,
};
const opossum = new Opossum(work, { ...opossumOptions, timeout: 10_000 });
const opossumNoTimeout = new Opossum(work, { ...opossumOptions, timeout: false });
const cockatielBreaker = () =>
  circuitBreaker(handleAll, {
    halfOpenAfter: 30_000,
    breaker: new SamplingBreaker({ threshold: 0.5, duration: 10_000, minimumRps: 2 }),
  });
const cockatiel = wrap(cockatielBreaker(), timeoutPolicy(10_000, TimeoutStrategy.Aggressive));
const cockatielNoTimeout = cockatielBreaker();

const cases: Case[] = [
  { name: 'direct (awaited call)', call: work },
  { name: 'otelkit, timeout 10 s', call: () => otelkit.execute(work) },
  { name: 'otelkit, no timeout', call: () => otelkitNoTimeout.execute(work) },
  { name: 'otelkit, timeout 10 s, fn takes signal', call: () => otelkit.execute(workWithSignal) },
  { name: 'otelkit, no timeout, no histogram', call: () => otelkitNoHistogram.execute(work) },
  { name: 'opossum, timeout 10 s', call: () => opossum.fire() },
  { name: 'opossum, timeout: false', call: () => opossumNoTimeout.fire() },
  { name: 'cockatiel, timeout(10 s) wrapped', call: () => cockatiel.execute(work) },
  { name: 'cockatiel, no timeout', call: () => cockatielNoTimeout.execute(work) },
];

async function measure(c: Case, calls: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await c.call();
  return Number(process.hrtime.bigint() - start) / calls;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  for (const c of cases) await measure(c, WARMUP);
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so no case always runs right after a GC-heavy one.
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length];
      samples.get(c.name)?.push(await measure(c, CALLS));
    }
  }
  const collected = await telemetry.collect();
  const exported = (collected?.scopeMetrics ?? []).flatMap((sm) => sm.metrics.map((m) => m.descriptor.name));

  const direct = median(samples.get(cases[0].name) ?? []);
  const overhead = (name: string): number => median(samples.get(name) ?? []) - direct;
  const reference = (name: string): number =>
    overhead(name.includes('no timeout') ? cases[2].name : cases[1].name);
  const rows = cases.map((c) => {
    const ns = median(samples.get(c.name) ?? []);
    const over = ns - direct;
    const ratio = c === cases[0] ? '' : `${(over / reference(c.name)).toFixed(2)}x`;
    return { case: c.name, 'ns/call': ns.toFixed(0), 'overhead ns': over.toFixed(0), 'vs otelkit': ratio };
  });
  console.log(
    `circuit breaker execute() overhead, closed state: ${ROUNDS} rounds x ${CALLS} calls, median; ` +
      `node ${process.version}${smoke ? ' (smoke run: numbers mean nothing)' : ''}`,
  );
  console.table(rows);
  console.log(
    '"vs otelkit": overhead over the direct call divided by otelkit\'s with the same timeout setting',
  );
  console.log(
    `metrics exported by the reader: ${[...new Set(exported)].filter((n) => n.includes('circuit')).join(', ')}`,
  );
  otelkit.dispose();
  otelkitNoTimeout.dispose();
  otelkitNoHistogram.dispose();
  opossum.shutdown();
  opossumNoTimeout.shutdown();
  await telemetry.shutdown();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
