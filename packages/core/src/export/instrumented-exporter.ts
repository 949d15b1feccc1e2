import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type {
  AggregationOption,
  AggregationTemporality,
  InstrumentType,
  PushMetricExporter,
  ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { ExportStats } from '../self/export-stats';

function countPoints(metrics: ResourceMetrics): number {
  let n = 0;
  for (const scope of metrics.scopeMetrics) for (const metric of scope.metrics) n += metric.dataPoints.length;
  return n;
}

/**
 * Wraps a push metric exporter to count its outcomes in {@link ExportStats}; otherwise transparent.
 */
export class InstrumentedMetricExporter implements PushMetricExporter {
  constructor(
    private readonly inner: PushMetricExporter,
    private readonly name: string,
    private readonly stats: ExportStats,
  ) {
    stats.register('metrics', name);
  }

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    this.inner.export(metrics, (result) => {
      if (result.code === ExportResultCode.SUCCESS) this.stats.success('metrics', this.name);
      else this.stats.failure('metrics', this.name, countPoints(metrics));
      resultCallback(result);
    });
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality {
    return this.inner.selectAggregationTemporality!(instrumentType);
  }

  selectAggregation(instrumentType: InstrumentType): AggregationOption {
    return this.inner.selectAggregation!(instrumentType);
  }
}
