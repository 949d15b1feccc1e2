import { prometheusUnit } from './units';

/**
 * The otelkit view of an instrument's kind, derived from its data point type: monotonic sums are
 * counters, non-monotonic sums are up-down counters, explicit and exponential histograms are histograms.
 */
export type MetricKind = 'counter' | 'gauge' | 'updowncounter' | 'histogram';

/** The Prometheus names of one OpenTelemetry instrument. */
export interface PrometheusMetricName {
  /**
   * The name used on `# TYPE`/`# HELP` lines of the Prometheus text format and on samples
   * (`ns_operations_total`, `ns_operation_duration_seconds`); histogram samples append
   * `_bucket`/`_sum`/`_count`.
   */
  readonly name: string;
  /** The OpenMetrics MetricFamily name: `name` without the `_total` of counters. */
  readonly familyName: string;
  /** The unit word appended to the name (`seconds`, `bytes`, `ratio`), or `''` when none. */
  readonly unit: string;
}

const INVALID_METRIC_CHARS = /[^a-zA-Z0-9_]/g;
const INVALID_LABEL_CHARS = /[^a-zA-Z0-9_]/g;
const REPEATED_UNDERSCORES = /_{2,}/g;
const STARTS_WITH_DIGIT = /^[0-9]/;
const MAX_CACHE_ENTRIES = 10_000;

function sanitizeMetricName(name: string): string {
  const sanitized = name.replace(INVALID_METRIC_CHARS, '_').replace(REPEATED_UNDERSCORES, '_');
  if (sanitized === '') return '_';
  return STARTS_WITH_DIGIT.test(sanitized) ? `_${sanitized}` : sanitized;
}

function computeMetricName(otelName: string, unit: string, kind: MetricKind): PrometheusMetricName {
  let base = sanitizeMetricName(otelName);
  // The unit suffix comes before the type suffix, so a counter's own `_total` is re-added last.
  if (kind === 'counter' && base.endsWith('_total')) base = base.slice(0, -'_total'.length) || '_';
  const unitWord = prometheusUnit(unit, kind === 'gauge');
  if (unitWord !== '' && base !== unitWord && !base.endsWith(`_${unitWord}`)) base = `${base}_${unitWord}`;
  return { name: kind === 'counter' ? `${base}_total` : base, familyName: base, unit: unitWord };
}

const metricNameCache = new Map<string, PrometheusMetricName>();

/**
 * Converts an OpenTelemetry instrument name to its Prometheus names: invalid characters become `_`,
 * repeated `_` collapse, a leading digit gets a `_` prefix, the unit suffix is appended unless the name
 * already ends with it, and counters end with `_total`. Results are cached.
 *
 * @see https://github.com/open-telemetry/opentelemetry-specification/blob/main/specification/compatibility/prometheus_and_openmetrics.md#metric-metadata-1
 * @example
 * toPrometheusMetricName('http.server.request.duration', 's', 'histogram').name;
 * // 'http_server_request_duration_seconds'
 * toPrometheusMetricName('ns.operations', '', 'counter').name; // 'ns_operations_total'
 */
export function toPrometheusMetricName(
  otelName: string,
  unit: string,
  kind: MetricKind,
): PrometheusMetricName {
  const key = `${kind}\u0000${unit}\u0000${otelName}`;
  let cached = metricNameCache.get(key);
  if (cached === undefined) {
    cached = computeMetricName(otelName, unit, kind);
    if (metricNameCache.size >= MAX_CACHE_ENTRIES) metricNameCache.clear();
    metricNameCache.set(key, cached);
  }
  return cached;
}

const labelNameCache = new Map<string, string>();

/**
 * Converts an attribute key to a Prometheus label name: invalid characters become `_`, repeated `_`
 * collapse (so no label starts with the reserved `__`), and a leading digit gets a `key_` prefix.
 * Valid keys are returned unchanged (the same string). Results are cached.
 *
 * @example
 * toPrometheusLabelName('http.request.method'); // 'http_request_method'
 * toPrometheusLabelName('0day');                // 'key_0day'
 */
export function toPrometheusLabelName(key: string): string {
  let cached = labelNameCache.get(key);
  if (cached === undefined) {
    let label = key.replace(INVALID_LABEL_CHARS, '_').replace(REPEATED_UNDERSCORES, '_');
    if (label === '') label = '_';
    else if (STARTS_WITH_DIGIT.test(label)) label = `key_${label}`;
    cached = label === key ? key : label;
    if (labelNameCache.size >= MAX_CACHE_ENTRIES) labelNameCache.clear();
    labelNameCache.set(key, cached);
  }
  return cached;
}
