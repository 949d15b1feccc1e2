import type { Attributes } from '@opentelemetry/api';
import { DataPointType, type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { type ExplicitBuckets, exponentialToExplicit } from '../prometheus/exponential';
import { describeMetric } from '../prometheus/metric-info';
import { histogramQuantile } from './quantile';
import type {
  BucketSnapshot,
  HistogramPointSnapshot,
  MetricSnapshot,
  MetricsSnapshot,
  NumberPointSnapshot,
  SnapshotAttributes,
  SnapshotAttributeValue,
} from './types';

/** Attribute values are `AnyValue` (API 1.10): scalars stay, anything else becomes its JSON text. */
function snapshotValue(value: unknown): SnapshotAttributeValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? String(value);
}

function toSnapshotAttributes(attributes: Attributes): SnapshotAttributes {
  const out: SnapshotAttributes = {};
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined || value === null) continue;
    out[key] = snapshotValue(value);
  }
  return out;
}

interface HistogramValue {
  readonly count: number;
  readonly sum?: number;
  readonly min?: number;
  readonly max?: number;
}

function histogramPoint(
  attributes: Attributes,
  value: HistogramValue,
  buckets: ExplicitBuckets,
): HistogramPointSnapshot {
  const { boundaries, counts } = buckets;
  const cumulative: BucketSnapshot[] = [];
  let running = 0;
  for (let i = 0; i < counts.length; i++) {
    running += counts[i]!;
    const bound = boundaries[i];
    if (bound !== undefined && bound !== Number.POSITIVE_INFINITY)
      cumulative.push({ le: bound, count: running });
  }
  cumulative.push({ le: '+Inf', count: running });
  const input = { boundaries, counts, min: value.min, max: value.max };
  const quantile = (q: number): number | undefined => {
    const estimate = histogramQuantile(q, input);
    return Number.isNaN(estimate) ? undefined : estimate;
  };
  const point: HistogramPointSnapshot = {
    attributes: toSnapshotAttributes(attributes),
    count: value.count,
    ...(value.sum !== undefined && { sum: value.sum }),
    ...(value.min !== undefined && Number.isFinite(value.min) && { min: value.min }),
    ...(value.max !== undefined && Number.isFinite(value.max) && { max: value.max }),
    p50: quantile(0.5),
    p95: quantile(0.95),
    p99: quantile(0.99),
    buckets: cumulative,
  };
  return point;
}

function points(metric: MetricData): Array<NumberPointSnapshot | HistogramPointSnapshot> {
  switch (metric.dataPointType) {
    case DataPointType.SUM:
    case DataPointType.GAUGE:
      return metric.dataPoints.map((p) => ({
        attributes: toSnapshotAttributes(p.attributes),
        value: p.value,
      }));
    case DataPointType.HISTOGRAM:
      return metric.dataPoints.map((p) => histogramPoint(p.attributes, p.value, p.value.buckets));
    case DataPointType.EXPONENTIAL_HISTOGRAM:
      return metric.dataPoints.map((p) =>
        histogramPoint(p.attributes, p.value, exponentialToExplicit(p.value)),
      );
    default:
      return [];
  }
}

/**
 * Converts one collection of sdk-metrics to the plain-JSON snapshot served on `/metrics/json`: every
 * instrument with its OpenTelemetry and Prometheus names, kind, unit, description and scope, and per
 * series either the value or, for histograms, count/sum/min/max, cumulative buckets and p50/p95/p99
 * estimated as Prometheus's `histogram_quantile` does (see {@link histogramQuantile}).
 *
 * @example
 * const { resourceMetrics } = await exporter.collect();
 * res.end(JSON.stringify(toJsonSnapshot(resourceMetrics)));
 */
export function toJsonSnapshot(resourceMetrics: ResourceMetrics): MetricsSnapshot {
  const metrics: MetricSnapshot[] = [];
  for (const scopeMetrics of resourceMetrics.scopeMetrics) {
    const { name: scopeName, version } = scopeMetrics.scope;
    const scope = version ? { name: scopeName, version } : { name: scopeName };
    for (const metric of scopeMetrics.metrics) {
      const info = describeMetric(metric);
      metrics.push({
        name: info.otelName,
        prometheusName: info.names.name,
        type: info.kind,
        unit: info.unit,
        description: info.description,
        scope,
        points: points(metric),
      });
    }
  }
  return {
    timestamp: new Date().toISOString(),
    resource: toSnapshotAttributes(resourceMetrics.resource.attributes),
    metrics,
  };
}
