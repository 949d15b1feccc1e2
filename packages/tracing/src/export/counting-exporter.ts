import { diag } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { ExportStats } from '@otelkit/core';

/**
 * Wraps a span exporter to report every export's outcome to core's {@link ExportStats}
 * (`otelkit_exporter_exports_total{signal="traces"}`, `otelkit_exporter_dropped_total`), and to
 * count spans handed over, so the batch processor in front of it can tell how full its queue is.
 */
export class CountingSpanExporter implements SpanExporter {
  /** Spans handed to {@link export} since start. */
  exported = 0;
  private warned = false;

  constructor(
    private readonly inner: SpanExporter,
    private readonly stats: ExportStats,
    private readonly name: string,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.exported += spans.length;
    const done = (result: ExportResult): void => {
      if (result.code === ExportResultCode.SUCCESS) {
        this.stats.success('traces', this.name);
        this.warned = false;
      } else {
        this.stats.failure('traces', this.name, spans.length);
        if (!this.warned) {
          this.warned = true;
          diag.warn(
            `otelkit: span export (${this.name}) failed: ${result.error?.message ?? 'unknown error'}; ${spans.length} spans lost`,
          );
        }
      }
      resultCallback(result);
    };
    try {
      this.inner.export(spans, done);
    } catch (error) {
      done({
        code: ExportResultCode.FAILED,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
