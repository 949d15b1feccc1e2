import { DataPointType, type MetricData, type MetricDescriptor } from '@opentelemetry/sdk-metrics';
import { escapeHelp } from './format';
import { type MetricKind, type PrometheusMetricName, toPrometheusMetricName } from './naming';

/** What the serializer needs to know about one instrument, computed once per instrument. */
export interface MetricInfo {
  readonly kind: MetricKind;
  /** The Prometheus `# TYPE` of the text format. */
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly names: PrometheusMetricName;
  /** `# HELP` and `# TYPE` lines of the Prometheus text format. */
  readonly textHeader: string;
  /** `# TYPE`, `# HELP` and (when there is a unit suffix) `# UNIT` lines of OpenMetrics. */
  readonly openMetricsHeader: string;
  readonly otelName: string;
  readonly unit: string;
  readonly description: string;
}

/** The otelkit kind of a metric, from its data point type (and monotonicity for sums). */
export function metricKind(metric: MetricData): MetricKind {
  switch (metric.dataPointType) {
    case DataPointType.SUM:
      return metric.isMonotonic ? 'counter' : 'updowncounter';
    case DataPointType.GAUGE:
      return 'gauge';
    default:
      return 'histogram';
  }
}

/** The `# HELP` text: the instrument description, or a sentence naming the instrument when empty. */
export function helpText(otelName: string, description: string): string {
  return description.trim() === '' ? `${otelName} (no description provided)` : description;
}

function computeInfo(descriptor: MetricDescriptor, kind: MetricKind): MetricInfo {
  const names = toPrometheusMetricName(descriptor.name, descriptor.unit, kind);
  const type = kind === 'counter' ? 'counter' : kind === 'histogram' ? 'histogram' : 'gauge';
  const help = helpText(descriptor.name, descriptor.description);
  const textHeader = `# HELP ${names.name} ${escapeHelp(help, false)}\n# TYPE ${names.name} ${type}\n`;
  const family = names.familyName;
  let openMetricsHeader = `# TYPE ${family} ${type}\n# HELP ${family} ${escapeHelp(help, true)}\n`;
  if (names.unit !== '') openMetricsHeader += `# UNIT ${family} ${names.unit}\n`;
  return {
    kind,
    type,
    names,
    textHeader,
    openMetricsHeader,
    otelName: descriptor.name,
    unit: descriptor.unit,
    description: descriptor.description,
  };
}

const infoCache = new WeakMap<MetricDescriptor, MetricInfo>();

/**
 * Returns the cached {@link MetricInfo} of a metric. sdk-metrics hands out the same descriptor object for
 * an instrument on every collection, so this is computed once per instrument (and recomputed if the
 * descriptor ever changes).
 */
export function describeMetric(metric: MetricData): MetricInfo {
  const descriptor = metric.descriptor;
  const kind = metricKind(metric);
  const cached = infoCache.get(descriptor);
  if (
    cached !== undefined &&
    cached.kind === kind &&
    cached.otelName === descriptor.name &&
    cached.unit === descriptor.unit &&
    cached.description === descriptor.description
  ) {
    return cached;
  }
  const info = computeInfo(descriptor, kind);
  infoCache.set(descriptor, info);
  return info;
}
