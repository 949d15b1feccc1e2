import type { MetricKind } from '../prometheus/naming';

/** An attribute value in a snapshot; array attributes are given as their JSON text. */
export type SnapshotAttributeValue = string | number | boolean;

/** Attributes in a snapshot. */
export type SnapshotAttributes = Record<string, SnapshotAttributeValue>;

/** A counter, up-down counter or gauge series. */
export interface NumberPointSnapshot {
  readonly attributes: SnapshotAttributes;
  readonly value: number;
}

/** One cumulative bucket: how many values were `<= le`. */
export interface BucketSnapshot {
  readonly le: number | '+Inf';
  readonly count: number;
}

/**
 * A histogram series with quantiles estimated from its buckets the way Prometheus's
 * `histogram_quantile` does (`undefined`, so absent from JSON, when the series is empty).
 */
export interface HistogramPointSnapshot {
  readonly attributes: SnapshotAttributes;
  readonly count: number;
  readonly sum?: number;
  readonly min?: number;
  readonly max?: number;
  readonly p50: number | undefined;
  readonly p95: number | undefined;
  readonly p99: number | undefined;
  /** Cumulative buckets in increasing `le` order, ending with `+Inf` (= `count`). */
  readonly buckets: readonly BucketSnapshot[];
}

/** One instrument in a snapshot. */
export interface MetricSnapshot {
  /** The OpenTelemetry instrument name (`ns.operation.duration`). */
  readonly name: string;
  /** The name on `/metrics` (`ns_operation_duration_seconds`, `ns_operations_total`). */
  readonly prometheusName: string;
  readonly type: MetricKind;
  readonly unit: string;
  readonly description: string;
  /** The instrumentation scope (meter) that reported the instrument. */
  readonly scope: { readonly name: string; readonly version?: string };
  readonly points: ReadonlyArray<NumberPointSnapshot | HistogramPointSnapshot>;
}

/** The body of `/metrics/json`: one collection as plain JSON. */
export interface MetricsSnapshot {
  /** When the snapshot was taken, ISO 8601. */
  readonly timestamp: string;
  readonly resource: SnapshotAttributes;
  readonly metrics: readonly MetricSnapshot[];
}
