import { type HrTime, ValueType } from '@opentelemetry/api';
import { emptyResource } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  type CollectionResult,
  type DataPoint,
  DataPointType,
  type Histogram,
  type MetricData,
  type MetricProducer,
  type ScopeMetrics,
} from '@opentelemetry/sdk-metrics';
import type { HistogramRegistry } from '../meter/histogram-registry';
import type { HistogramSeries } from '../meter/local-histogram';

function now(): HrTime {
  const ms = Date.now();
  return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
}

interface Reported {
  readonly counts: Float64Array;
  readonly count: number;
  readonly sum: number;
  readonly time: HrTime;
}

/**
 * Exports otelkit's in-process histograms through a metric reader (`metricProducers`), merged by the
 * reader with the SDK's own data: cumulative for Prometheus and cumulative OTLP, or as deltas since the
 * previous collection of this reader when it prefers delta (min and max are then omitted: they cannot
 * be derived for an interval from cumulative state).
 */
export class HistogramProducer implements MetricProducer {
  private readonly reported = new WeakMap<HistogramSeries, Reported>();

  constructor(
    private readonly registry: HistogramRegistry,
    private readonly temporality: AggregationTemporality,
  ) {}

  async collect(): Promise<CollectionResult> {
    const endTime = now();
    const scopeMetrics: ScopeMetrics[] = [];
    for (const { scope, histograms } of this.registry.entries()) {
      const metrics: MetricData[] = [];
      for (const histogram of histograms) {
        const dataPoints: DataPoint<Histogram>[] = [];
        for (const series of histogram.series())
          dataPoints.push(this.point(series, histogram.boundaries, endTime));
        if (dataPoints.length === 0) continue;
        metrics.push({
          descriptor: {
            name: histogram.name,
            description: histogram.description,
            unit: histogram.unit,
            valueType: ValueType.DOUBLE,
          },
          aggregationTemporality: this.temporality,
          dataPointType: DataPointType.HISTOGRAM,
          dataPoints,
        });
      }
      if (metrics.length > 0) scopeMetrics.push({ scope, metrics });
    }
    return { resourceMetrics: { resource: emptyResource(), scopeMetrics }, errors: [] };
  }

  private point(
    series: HistogramSeries,
    boundaries: readonly number[],
    endTime: HrTime,
  ): DataPoint<Histogram> {
    if (this.temporality === AggregationTemporality.CUMULATIVE) {
      return {
        attributes: series.attributes,
        startTime: series.startTime,
        endTime,
        value: {
          buckets: { boundaries: [...boundaries], counts: Array.from(series.counts) },
          sum: series.sum,
          count: series.count,
          ...(series.count > 0 ? { min: series.min, max: series.max } : {}),
        },
      };
    }
    const previous = this.reported.get(series);
    const counts = Array.from(series.counts, (c, i) => c - (previous?.counts[i] ?? 0));
    this.reported.set(series, {
      counts: Float64Array.from(series.counts),
      count: series.count,
      sum: series.sum,
      time: endTime,
    });
    return {
      attributes: series.attributes,
      startTime: previous?.time ?? series.startTime,
      endTime,
      value: {
        buckets: { boundaries: [...boundaries], counts },
        sum: series.sum - (previous?.sum ?? 0),
        count: series.count - (previous?.count ?? 0),
      },
    };
  }
}
