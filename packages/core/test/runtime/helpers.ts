import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Attributes, type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import {
  DataPointType,
  type Histogram,
  MeterProvider,
  type MetricData,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import type { RuntimeMetricsOptions } from '../../src/runtime/options';
import { type RuntimeMetricsHandle, startRuntimeMetrics } from '../../src/runtime/runtime-metrics';

/** A reader the test collects from on demand. */
export class TestReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

/** What a test sees of one instrument, plus its Prometheus name. */
export interface Collected {
  readonly metric: MetricData;
  readonly kind: 'counter' | 'updowncounter' | 'gauge' | 'histogram' | 'other';
  readonly prometheusName: string;
}

const UNIT_SUFFIX: Record<string, string> = { s: 'seconds', By: 'bytes', ms: 'milliseconds' };

function kindOf(metric: MetricData): Collected['kind'] {
  switch (metric.dataPointType) {
    case DataPointType.SUM:
      return metric.isMonotonic ? 'counter' : 'updowncounter';
    case DataPointType.GAUGE:
      return 'gauge';
    case DataPointType.HISTOGRAM:
      return 'histogram';
    default:
      return 'other';
  }
}

/**
 * OpenTelemetry -> Prometheus metric name, per the compatibility rules the otelkit serializer follows:
 * invalid characters (dots) to underscores; the unit's suffix (`s` -> `seconds`, `By` -> `bytes`, `1` ->
 * `ratio` for gauges, `{annotation}` -> none) appended unless the name already ends with it; `_total`
 * appended to monotonic sums unless already there.
 */
export function prometheusName(metric: MetricData): string {
  const kind = kindOf(metric);
  let name = metric.descriptor.name.replace(/[^a-zA-Z0-9_:]/g, '_');
  const unit = metric.descriptor.unit;
  let suffix = '';
  if (unit === '1') suffix = kind === 'gauge' ? 'ratio' : '';
  else if (unit !== '' && !unit.startsWith('{'))
    suffix = UNIT_SUFFIX[unit] ?? unit.replace(/[^a-zA-Z0-9]/g, '_');
  if (suffix !== '' && !name.endsWith(`_${suffix}`)) name = `${name}_${suffix}`;
  if (kind === 'counter' && !name.endsWith('_total')) name = `${name}_total`;
  return name;
}

/** A meter provider with a runtime-metrics handle and an on-demand reader. */
export interface RuntimeFixture {
  readonly provider: MeterProvider;
  readonly handle: RuntimeMetricsHandle;
  /** Collects once; instruments by OTel name (only those with data points). */
  collect(): Promise<Map<string, Collected>>;
  close(): Promise<void>;
}

/** Starts runtime metrics on a fresh MeterProvider. */
export function startFixture(options?: RuntimeMetricsOptions): RuntimeFixture {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const handle = startRuntimeMetrics(provider.getMeter('otelkit-runtime-test'), options);
  return {
    provider,
    handle,
    async collect() {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length > 0) throw new AggregateError(errors, 'collection errors');
      const out = new Map<string, Collected>();
      for (const scope of resourceMetrics.scopeMetrics) {
        for (const metric of scope.metrics) {
          if (metric.dataPoints.length === 0) continue;
          out.set(metric.descriptor.name, {
            metric,
            kind: kindOf(metric),
            prometheusName: prometheusName(metric),
          });
        }
      }
      return out;
    },
    async close() {
      handle.stop();
      await provider.shutdown();
    },
  };
}

function matches(attributes: Attributes, wanted: Attributes): boolean {
  return Object.entries(wanted).every(([k, v]) => attributes[k] === v);
}

/** The numeric value of the point of `name` whose attributes include `wanted`; throws when absent. */
export function pointValue(metrics: Map<string, Collected>, name: string, wanted: Attributes = {}): number {
  const metric = metrics.get(name)?.metric;
  if (metric === undefined) throw new Error(`no metric ${name} in [${[...metrics.keys()].join(', ')}]`);
  const point = metric.dataPoints.find((p) => matches(p.attributes, wanted));
  if (point === undefined) throw new Error(`no point of ${name} with ${JSON.stringify(wanted)}`);
  if (typeof point.value !== 'number') throw new Error(`${name} is not a number metric`);
  return point.value;
}

/** Sum of the values of every point of `name`. */
export function sumOf(metrics: Map<string, Collected>, name: string): number {
  const metric = metrics.get(name)?.metric;
  if (metric === undefined) throw new Error(`no metric ${name}`);
  return metric.dataPoints.reduce((sum, p) => sum + (typeof p.value === 'number' ? p.value : 0), 0);
}

/** The histogram of `name` whose attributes include `wanted`, or `undefined`. */
export function histogramOf(
  metrics: Map<string, Collected>,
  name: string,
  wanted: Attributes = {},
): Histogram | undefined {
  const metric = metrics.get(name)?.metric;
  if (metric?.dataPointType !== DataPointType.HISTOGRAM) return undefined;
  return metric.dataPoints.find((p) => matches(p.attributes, wanted))?.value;
}

/** Busy-waits until this process has used `ms` more milliseconds of user CPU (or 3 s of wall time). */
export function burnCpu(ms: number): void {
  const start = process.cpuUsage().user;
  const deadline = Date.now() + 3_000;
  while (process.cpuUsage().user - start < ms * 1e3 && Date.now() < deadline) {
    // spin
  }
}

/** Blocks the event loop for `ms` of wall time. */
export function blockEventLoop(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

let gcFunction: (() => void) | undefined;

/**
 * Forces a full (major) GC, exposing `gc` without the `--expose-gc` flag, and resolves once the `gc`
 * performance entry has been delivered to observers (Node.js delivers it a loop turn or two later).
 */
export async function forceGc(): Promise<void> {
  if (gcFunction === undefined) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  const delivered = new Promise<void>((resolve) => {
    const observer = new PerformanceObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe({ entryTypes: ['gc'] });
  });
  // Node.js delivers GC entries from an unref'd immediate: keep the loop turning until it arrives.
  const keepAlive = setInterval(() => {}, 1);
  try {
    gcFunction();
    await delivered;
    await nextTurn();
  } finally {
    clearInterval(keepAlive);
  }
}

/** Resolves after the pending I/O and immediates (PerformanceObserver entries are delivered by then). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Collects `diag.debug` messages for the rest of the test `t`. */
export function captureDiagDebug(t: { after(fn: () => void): void }): string[] {
  const messages: string[] = [];
  const ignore = () => {};
  const logger: DiagLogger = {
    debug: (message) => messages.push(message),
    info: ignore,
    warn: ignore,
    error: ignore,
    verbose: ignore,
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.DEBUG, suppressOverrideMessage: true });
  t.after(() => diag.disable());
  return messages;
}
