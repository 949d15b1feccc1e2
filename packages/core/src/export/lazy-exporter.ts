import type { ExportResult } from '@opentelemetry/core';
import {
  type AggregationOption,
  AggregationTemporality,
  AggregationType,
  InstrumentType,
  type PushMetricExporter,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { TemporalityPreference } from '../config/types';

/**
 * The aggregation temporality per instrument kind for an OTLP temporality preference, as the
 * specification defines `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE`.
 */
export function temporalityFor(
  preference: TemporalityPreference,
  kind: InstrumentType,
): AggregationTemporality {
  if (preference === 'cumulative') return AggregationTemporality.CUMULATIVE;
  switch (kind) {
    case InstrumentType.COUNTER:
    case InstrumentType.HISTOGRAM:
      return AggregationTemporality.DELTA;
    case InstrumentType.OBSERVABLE_COUNTER:
      return preference === 'delta' ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE;
    default:
      return AggregationTemporality.CUMULATIVE;
  }
}

/**
 * A push metric exporter built on its first export. The OTLP exporter and its transformer are many
 * modules that nothing needs before the first push, one export interval after start-up; the reader's
 * questions before that (temporality, aggregation) are answered from the configuration.
 */
export class LazyMetricExporter implements PushMetricExporter {
  private inner: PushMetricExporter | undefined;

  constructor(
    private readonly create: () => PushMetricExporter,
    private readonly preference: TemporalityPreference,
  ) {}

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    this.inner ??= this.create();
    this.inner.export(metrics, resultCallback);
  }

  async forceFlush(): Promise<void> {
    await this.inner?.forceFlush();
  }

  async shutdown(): Promise<void> {
    await this.inner?.shutdown();
  }

  selectAggregationTemporality(kind: InstrumentType): AggregationTemporality {
    return temporalityFor(this.preference, kind);
  }

  selectAggregation(_kind: InstrumentType): AggregationOption {
    return { type: AggregationType.DEFAULT };
  }
}
