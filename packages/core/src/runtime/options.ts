import { ERROR_CODES, otelkitError } from '../error-codes';

/**
 * Which names the runtime metrics get.
 * - `'otel'`: OpenTelemetry semantic-convention names (`nodejs.eventloop.delay.p99`, `v8js.gc.duration`, …).
 * - `'prom-client'`: names that become exactly prom-client's `collectDefaultMetrics()` names once converted
 *   to Prometheus, so existing Node.js Grafana dashboards keep working.
 */
export type RuntimeMetricsNaming = 'otel' | 'prom-client';

/** Options of {@link startRuntimeMetrics}; every field is optional, defaults in {@link RUNTIME_METRICS_DEFAULTS}. */
export interface RuntimeMetricsOptions {
  /** Naming scheme. Default `'otel'`. */
  readonly naming?: RuntimeMetricsNaming;
  /** Sampling period of `perf_hooks.monitorEventLoopDelay`, in whole milliseconds (>= 1). Default `10`. */
  readonly eventLoopResolutionMs?: number;
  /**
   * Bucket boundaries of the GC duration histogram, in seconds, strictly increasing.
   * Default: {@link OTEL_GC_DURATION_BUCKETS} (`'otel'`) or {@link PROM_CLIENT_GC_DURATION_BUCKETS} (`'prom-client'`).
   */
  readonly gcDurationBuckets?: readonly number[];
}

/**
 * GC pause buckets for `naming: 'otel'`, in seconds. Most minor GCs take well under a millisecond and a
 * major GC of a large heap can take hundreds, so the range is 0.1 ms .. 1 s (the semantic convention's
 * advisory `[0.01, 0.1, 1, 10]` puts nearly every pause in the first bucket).
 */
export const OTEL_GC_DURATION_BUCKETS: readonly number[] = [
  0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1,
];

/** prom-client's default `nodejs_gc_duration_seconds` buckets, used for `naming: 'prom-client'`. */
export const PROM_CLIENT_GC_DURATION_BUCKETS: readonly number[] = [0.001, 0.01, 0.1, 1, 2, 5];

/** Defaults of {@link RuntimeMetricsOptions}, in one place. */
export const RUNTIME_METRICS_DEFAULTS = {
  naming: 'otel',
  eventLoopResolutionMs: 10,
} as const satisfies RuntimeMetricsOptions;

/** {@link RuntimeMetricsOptions} with every default applied and every value checked. */
export interface ResolvedRuntimeMetricsOptions {
  readonly naming: RuntimeMetricsNaming;
  readonly eventLoopResolutionMs: number;
  readonly gcDurationBuckets: readonly number[];
}

/** Error code thrown by {@link startRuntimeMetrics} for a bad option. */
export const INVALID_RUNTIME_METRICS_OPTION = ERROR_CODES.INVALID_RUNTIME_METRICS_OPTION.code;

function invalid(setting: string, value: unknown, expected: string): never {
  const shown = JSON.stringify(value) ?? String(value);
  throw otelkitError('INVALID_RUNTIME_METRICS_OPTION', { setting, value: shown, expected });
}

/**
 * Applies defaults and validates; throws `OtelkitError` (`OTELKIT_ERR_INVALID_RUNTIME_METRICS_OPTION`)
 * naming the option and the value.
 */
export function resolveRuntimeMetricsOptions(
  options: RuntimeMetricsOptions = {},
): ResolvedRuntimeMetricsOptions {
  const merged = { ...RUNTIME_METRICS_DEFAULTS, ...options };
  const { naming, eventLoopResolutionMs } = merged;
  if (naming !== 'otel' && naming !== 'prom-client') invalid('naming', naming, "'otel' or 'prom-client'");
  if (
    !Number.isInteger(eventLoopResolutionMs) ||
    eventLoopResolutionMs < 1 ||
    eventLoopResolutionMs > 60_000
  ) {
    invalid('eventLoopResolutionMs', eventLoopResolutionMs, 'an integer from 1 to 60000');
  }
  const buckets =
    merged.gcDurationBuckets ??
    (naming === 'otel' ? OTEL_GC_DURATION_BUCKETS : PROM_CLIENT_GC_DURATION_BUCKETS);
  const increasing =
    Array.isArray(buckets) &&
    buckets.length > 0 &&
    buckets.every((b, i) => typeof b === 'number' && Number.isFinite(b) && (i === 0 || b > buckets[i - 1]!));
  if (!increasing) {
    invalid(
      'gcDurationBuckets',
      buckets,
      'a non-empty array of finite, strictly increasing numbers (seconds)',
    );
  }
  return { naming, eventLoopResolutionMs, gcDurationBuckets: [...buckets] };
}
