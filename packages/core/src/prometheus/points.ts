import type { DataPoint, ExponentialHistogram, Histogram } from '@opentelemetry/sdk-metrics';
import { bucketExemplars, counterExemplar, type WithExemplars } from './exemplars';
import { type ExplicitBuckets, exponentialToExplicit } from './exponential';
import { formatBound, formatValue } from './format';
import { attributesToLabels, attributesToLabelsExcluding } from './labels';

/** Two rendered label lists joined with a comma; either may be empty (an unscoped metric has no scope labels). */
function joinLabels(first: string, second: string): string {
  return first === '' ? second : second === '' ? first : `${first},${second}`;
}

/**
 * Writes the samples of a counter, up-down counter or gauge: one `name{labels} value` line per point.
 * `scopeLabels` is the pre-rendered `otel_scope_name="…",…` part appended to every label set. With
 * `withExemplars` (OpenMetrics counters) the most recent exemplar of a point is appended to its line.
 */
export function writeNumberPoints(
  name: string,
  points: readonly DataPoint<number>[],
  scopeLabels: string,
  withExemplars: boolean,
): string {
  let out = '';
  const prefix = `${name}{`;
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    const attrs = attributesToLabels(point.attributes);
    const value = point.value;
    // Inline fast path of formatValue for finite numbers.
    const text = value - value === 0 ? `${value}` : formatValue(value);
    out += `${prefix}${joinLabels(attrs, scopeLabels)}} ${text}`;
    if (withExemplars) out += counterExemplar((point as WithExemplars).exemplars);
    out += '\n';
  }
  return out;
}

const textBounds = new WeakMap<readonly number[], string[]>();
const openMetricsBounds = new WeakMap<readonly number[], string[]>();

/** The formatted `le` values of a boundaries array, cached per array (sdk-metrics shares one per instrument). */
function boundStrings(boundaries: readonly number[], openMetrics: boolean): string[] {
  const cache = openMetrics ? openMetricsBounds : textBounds;
  let strings = cache.get(boundaries);
  if (strings === undefined) {
    strings = boundaries.map((b) => formatBound(b, openMetrics));
    cache.set(boundaries, strings);
  }
  return strings;
}

function writeHistogram(
  name: string,
  point: DataPoint<Histogram> | DataPoint<ExponentialHistogram>,
  buckets: ExplicitBuckets,
  scopeLabels: string,
  openMetrics: boolean,
): string {
  const attributes = point.attributes;
  const attrs =
    attributes.le === undefined
      ? attributesToLabels(attributes)
      : attributesToLabelsExcluding(attributes, 'le');
  const labels = joinLabels(attrs, scopeLabels);
  const { boundaries, counts } = buckets;
  // sdk-metrics may list +Inf as a last boundary; the +Inf bucket is written separately.
  const finite =
    boundaries.length > 0 && boundaries[boundaries.length - 1] === Number.POSITIVE_INFINITY
      ? boundaries.length - 1
      : boundaries.length;
  const les = boundStrings(boundaries, openMetrics);
  const exemplars = openMetrics
    ? bucketExemplars((point as WithExemplars).exemplars, boundaries, finite + 1)
    : undefined;
  const bucketPrefix = `${name}_bucket{${joinLabels(labels, 'le="')}`;
  let out = '';
  let cumulative = 0;
  for (let i = 0; i < finite; i++) {
    cumulative += counts[i] ?? 0;
    out += `${bucketPrefix}${les[i]}"} ${cumulative}${exemplars === undefined ? '' : exemplars[i]}\n`;
  }
  for (let i = finite; i < counts.length; i++) cumulative += counts[i]!;
  out += `${bucketPrefix}+Inf"} ${cumulative}${exemplars === undefined ? '' : exemplars[finite]}\n`;
  const value = point.value;
  if (value.sum !== undefined) out += `${name}_sum{${labels}} ${formatValue(value.sum)}\n`;
  out += `${name}_count{${labels}} ${value.count}\n`;
  return out;
}

/** Writes explicit-bucket histogram points: cumulative `_bucket{le=…}` lines incl. `+Inf`, `_sum`, `_count`. */
export function writeHistogramPoints(
  name: string,
  points: readonly DataPoint<Histogram>[],
  scopeLabels: string,
  openMetrics: boolean,
): string {
  let out = '';
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    out += writeHistogram(name, point, point.value.buckets, scopeLabels, openMetrics);
  }
  return out;
}

/** Writes exponential histogram points converted to explicit buckets (see `exponentialToExplicit`). */
export function writeExponentialHistogramPoints(
  name: string,
  points: readonly DataPoint<ExponentialHistogram>[],
  scopeLabels: string,
  openMetrics: boolean,
): string {
  let out = '';
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    out += writeHistogram(name, point, exponentialToExplicit(point.value), scopeLabels, openMetrics);
  }
  return out;
}
