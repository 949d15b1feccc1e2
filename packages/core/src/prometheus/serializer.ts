import { diag } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  DataPointType,
  type MetricData,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { ExpositionFormat } from './content-type';
import { escapeLabelValue } from './format';
import { attributesToLabels } from './labels';
import { describeMetric, type MetricInfo } from './metric-info';
import { writeExponentialHistogramPoints, writeHistogramPoints, writeNumberPoints } from './points';

/** Options of {@link serializeMetrics}. */
export interface SerializeOptions {
  /** `'prometheus'` for the text format 0.0.4, `'openmetrics'` for OpenMetrics 1.0 (see `negotiateFormat`). */
  readonly format: ExpositionFormat;
}

interface Family {
  info: MetricInfo;
  body: string;
}

const TARGET_INFO = 'target_info';
const warned = new Set<string>();

function warnOnce(key: string, message: string): void {
  if (warned.has(key) || warned.size > 1000) return;
  warned.add(key);
  diag.warn(message);
}

const scopeLabelCache = new WeakMap<InstrumentationScope, string>();

/**
 * `otel_scope_name="…"` plus `,otel_scope_version="…"` when the scope has a version; `''` for a scope
 * without a name (metrics that describe the exposition itself rather than an instrumentation library).
 */
function scopeLabels(scope: InstrumentationScope): string {
  let labels = scopeLabelCache.get(scope);
  if (labels === undefined) {
    if (scope.name === '') labels = '';
    else labels = `otel_scope_name="${escapeLabelValue(scope.name)}"`;
    if (scope.version && labels !== '') labels += `,otel_scope_version="${escapeLabelValue(scope.version)}"`;
    scopeLabelCache.set(scope, labels);
  }
  return labels;
}

function writePoints(metric: MetricData, info: MetricInfo, scope: string, openMetrics: boolean): string {
  switch (metric.dataPointType) {
    case DataPointType.SUM:
    case DataPointType.GAUGE:
      return writeNumberPoints(
        info.names.name,
        metric.dataPoints,
        scope,
        openMetrics && info.kind === 'counter',
      );
    case DataPointType.HISTOGRAM:
      return writeHistogramPoints(info.names.name, metric.dataPoints, scope, openMetrics);
    case DataPointType.EXPONENTIAL_HISTOGRAM:
      return writeExponentialHistogramPoints(info.names.name, metric.dataPoints, scope, openMetrics);
    default:
      return '';
  }
}

/**
 * The `target_info` metric carrying the resource attributes (an info metric in OpenMetrics, a gauge of
 * value 1 in the Prometheus text format): one sample per resource with attributes, or `''` when none has.
 */
function targetInfo(resources: readonly Resource[], openMetrics: boolean): string {
  let samples = '';
  for (const resource of resources) {
    const labels = attributesToLabels(resource.attributes);
    if (labels !== '') samples += `${TARGET_INFO}{${labels}} 1\n`;
  }
  if (samples === '') return '';
  const header = openMetrics
    ? '# TYPE target info\n# HELP target Target metadata\n'
    : `# HELP ${TARGET_INFO} Target metadata\n# TYPE ${TARGET_INFO} gauge\n`;
  return `${header}${samples}`;
}

function isList(value: ResourceMetrics | readonly ResourceMetrics[]): value is readonly ResourceMetrics[] {
  return Array.isArray(value);
}

/**
 * Serializes one collection of sdk-metrics (`(await reader.collect()).resourceMetrics`) to the Prometheus
 * text format 0.0.4 or OpenMetrics 1.0, following the OpenTelemetry specification's Prometheus
 * compatibility rules: names with unit and `_total` suffixes, `otel_scope_name`/`otel_scope_version`
 * labels, a `target_info` metric for the resource, one metadata block per Prometheus name even when
 * several scopes (or several collections: a list of them, such as a cluster's processes, is served as one
 * exposition) report it, and cumulative histogram buckets. Exponential histograms are converted to
 * explicit buckets. Delta-temporality metrics, and metrics whose name is already taken by a metric of
 * another type, are dropped with one `diag.warn`. In OpenMetrics, exemplars carried by data points are
 * written on histogram buckets and counters.
 *
 * @see https://github.com/open-telemetry/opentelemetry-specification/blob/main/specification/compatibility/prometheus_and_openmetrics.md
 * @example
 * const { resourceMetrics } = await exporter.collect();
 * const format = negotiateFormat(req.headers.accept);
 * res.setHeader('content-type', contentTypeFor(format));
 * res.end(serializeMetrics(resourceMetrics, { format }));
 */
export function serializeMetrics(
  resourceMetrics: ResourceMetrics | readonly ResourceMetrics[],
  options: SerializeOptions,
): string {
  const openMetrics = options.format === 'openmetrics';
  const families = new Map<string, Family>();
  const collections: readonly ResourceMetrics[] = isList(resourceMetrics)
    ? resourceMetrics
    : [resourceMetrics];
  const target = targetInfo(
    collections.map((c) => c.resource),
    openMetrics,
  );
  for (const scopeMetrics of collections.flatMap((c) => c.scopeMetrics)) {
    const scope = scopeLabels(scopeMetrics.scope);
    for (const metric of scopeMetrics.metrics) {
      if (metric.dataPoints.length === 0) continue;
      const info = describeMetric(metric);
      const name = info.names.name;
      if (metric.aggregationTemporality === AggregationTemporality.DELTA) {
        warnOnce(
          `delta:${name}`,
          `otelkit: metric "${info.otelName}" has delta temporality; not exported to Prometheus`,
        );
        continue;
      }
      if (name === TARGET_INFO && target !== '') {
        warnOnce(
          `target:${name}`,
          `otelkit: metric "${info.otelName}" clashes with target_info; not exported`,
        );
        continue;
      }
      // OpenMetrics families are named without `_total`, so a counter `x` and a gauge `x` clash there.
      const key = openMetrics ? info.names.familyName : name;
      let family = families.get(key);
      if (family === undefined) {
        family = { info, body: '' };
        families.set(key, family);
      } else if (family.info.type !== info.type) {
        warnOnce(
          `type:${name}`,
          `otelkit: metric "${info.otelName}" (${info.type}) dropped: Prometheus name "${name}" is already a ${family.info.type}`,
        );
        continue;
      } else if (family.info.description === '' && info.description !== '') {
        // One HELP per name: prefer a real description over the fallback sentence.
        family.info = info;
      }
      family.body += writePoints(metric, info, scope, openMetrics);
    }
  }
  let out = target;
  for (const family of families.values()) {
    out += openMetrics ? family.info.openMetricsHeader : family.info.textHeader;
    out += family.body;
  }
  if (openMetrics) out += '# EOF\n';
  return out;
}
