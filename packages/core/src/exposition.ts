/**
 * The exposition functions of the public API, each loading its module on first use: a process pays
 * for the serializer, the snapshot and the naming rules at its first scrape, not at start-up.
 */
import type * as Naming from './prometheus/naming';
import type * as Serializer from './prometheus/serializer';
import type * as Quantile from './snapshot/quantile';
import type * as Snapshot from './snapshot/snapshot';

let serializer: typeof Serializer | undefined;
let snapshot: typeof Snapshot | undefined;
let naming: typeof Naming | undefined;
let quantile: typeof Quantile | undefined;

/**
 * Serializes collected metrics as Prometheus text (0.0.4) or OpenMetrics 1.0, following the
 * OpenTelemetry-to-Prometheus compatibility rules; `promtool check metrics` reports nothing on it.
 */
export function serializeMetrics(...args: Parameters<typeof Serializer.serializeMetrics>): string {
  serializer ??= require('./prometheus/serializer') as typeof Serializer;
  return serializer.serializeMetrics(...args);
}

/** The `/metrics/json` document for collected metrics (histograms with p50/p95/p99 from their buckets). */
export function toJsonSnapshot(
  ...args: Parameters<typeof Snapshot.toJsonSnapshot>
): ReturnType<typeof Snapshot.toJsonSnapshot> {
  snapshot ??= require('./snapshot/snapshot') as typeof Snapshot;
  return snapshot.toJsonSnapshot(...args);
}

/** The Prometheus name of an OpenTelemetry instrument (unit suffix, `_total` on counters). */
export function toPrometheusMetricName(
  ...args: Parameters<typeof Naming.toPrometheusMetricName>
): ReturnType<typeof Naming.toPrometheusMetricName> {
  naming ??= require('./prometheus/naming') as typeof Naming;
  return naming.toPrometheusMetricName(...args);
}

/** The Prometheus label name of an attribute key. */
export function toPrometheusLabelName(...args: Parameters<typeof Naming.toPrometheusLabelName>): string {
  naming ??= require('./prometheus/naming') as typeof Naming;
  return naming.toPrometheusLabelName(...args);
}

/** A quantile estimated from histogram buckets, as PromQL's `histogram_quantile` does. */
export function histogramQuantile(...args: Parameters<typeof Quantile.histogramQuantile>): number {
  quantile ??= require('./snapshot/quantile') as typeof Quantile;
  return quantile.histogramQuantile(...args);
}
