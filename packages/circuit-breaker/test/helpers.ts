import { metrics } from '@opentelemetry/api';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import FakeTimers from '@sinonjs/fake-timers';

/** A fake clock installed over the globals. */
export type InstalledClock = ReturnType<typeof FakeTimers.install>;

/** Installs fake timers (Date, setTimeout, performance.now, …) starting at a round epoch. */
export function installClock(): InstalledClock {
  return FakeTimers.install({
    now: 1_700_000_000_000,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
  });
}

/** A promise with its resolve/reject exposed, to settle calls in a chosen order. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

/** Creates a {@link Deferred}. */
export function deferred<T = unknown>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run (works under fake timers: no timers involved). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Resolves to the error a promise rejects with (fails if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

/** A MetricReader that collects on demand. */
export class TestReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** A real sdk-metrics MeterProvider with an on-demand reader, and helpers to read points back. */
export function testMeter(): {
  provider: MeterProvider;
  reader: TestReader;
  meter: ReturnType<MeterProvider['getMeter']>;
} {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  return { provider, reader, meter: provider.getMeter('@otelkit/circuit-breaker') };
}

/** A collected data point, flattened. */
export interface Point {
  attributes: Record<string, unknown>;
  value: unknown;
}

/** The data points of metric `name` in a collection result. */
export function pointsOf(resourceMetrics: ResourceMetrics, name: string): Point[] {
  const out: Point[] = [];
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      if (metric.descriptor.name !== name) continue;
      for (const p of metric.dataPoints) out.push({ attributes: p.attributes, value: p.value });
    }
  }
  return out;
}

/** Ensures tests that forget a meter do not leak through the global provider. */
export function resetGlobalMeter(): void {
  metrics.disable();
}
