import { type Context, TraceFlags } from '@opentelemetry/api';
import {
  BatchSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { type ExportStats, unlessUnreachable } from '@otelkit/core/internal';
import { CountingSpanExporter } from './counting-exporter';

/** Batch settings (the `OTEL_BSP_*` variables). */
export interface BatchSettings {
  readonly scheduledDelayMs: number;
  readonly exportTimeoutMs: number;
  readonly maxQueueSize: number;
  readonly maxExportBatchSize: number;
}

/**
 * The SDK's `BatchSpanProcessor`, with the spans it would drop on a full queue counted in core's
 * export stats (`dropped('traces', …)`). The queue length is known without reaching into the SDK:
 * spans accepted minus spans handed to the exporter.
 */
export class CountingBatchProcessor implements SpanProcessor {
  private readonly batch: BatchSpanProcessor;
  private readonly exporter: CountingSpanExporter;
  private accepted = 0;

  constructor(
    exporter: SpanExporter,
    private readonly stats: ExportStats,
    private readonly name: string,
    private readonly settings: BatchSettings,
    /** Where `exporter` sends; at shutdown the final flush stops waiting once nothing answers there. */
    private readonly endpoint?: string,
  ) {
    this.exporter = new CountingSpanExporter(exporter, stats, name);
    this.batch = new BatchSpanProcessor({
      exporter: this.exporter,
      scheduledDelayMillis: settings.scheduledDelayMs,
      exportTimeoutMillis: settings.exportTimeoutMs,
      maxQueueSize: settings.maxQueueSize,
      maxExportBatchSize: settings.maxExportBatchSize,
    });
  }

  onStart(span: Span, parentContext: Context): void {
    this.batch.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    if (this.accepted - this.exporter.exported >= this.settings.maxQueueSize) {
      this.stats.dropped('traces', this.name, 1);
      return;
    }
    this.accepted++;
    this.batch.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.batch.forceFlush();
  }

  /** Exports what is queued and stops; rejects at once when nothing answers at the endpoint. */
  shutdown(): Promise<void> {
    return unlessUnreachable(this.batch.shutdown(), this.endpoint);
  }
}
