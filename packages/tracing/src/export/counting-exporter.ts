import { diag } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { ExportStats, Signal } from '@otelkit/core/internal';

/** What span and log record exporters have in common. @internal */
export interface ItemExporter<T> {
  export(items: T[], resultCallback: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
  forceFlush?(): Promise<void>;
}

const NOUN: Record<Signal, string> = { traces: 'span', logs: 'log record', metrics: 'metric' };

/**
 * Wraps an exporter to report every export's outcome to core's {@link ExportStats}
 * (`otelkit_exporter_exports_total{signal}`, `otelkit_exporter_dropped_total`), and to count items
 * handed over, so the batch processor in front of it can tell how full its queue is.
 */
export class CountingExporter<T> implements ItemExporter<T> {
  /** Items handed to {@link export} since start. */
  exported = 0;
  private warned = false;

  constructor(
    private readonly inner: ItemExporter<T>,
    private readonly stats: ExportStats,
    private readonly signal: Signal,
    private readonly name: string,
  ) {}

  export(items: T[], resultCallback: (result: ExportResult) => void): void {
    this.exported += items.length;
    const done = (result: ExportResult): void => {
      if (result.code === ExportResultCode.SUCCESS) {
        this.stats.success(this.signal, this.name);
        this.warned = false;
      } else {
        this.stats.failure(this.signal, this.name, items.length);
        if (!this.warned) {
          this.warned = true;
          const noun = NOUN[this.signal];
          diag.warn(
            `otelkit: ${noun} export (${this.name}) failed: ${result.error?.message ?? 'unknown error'}; ${items.length} ${noun}s lost`,
          );
        }
      }
      resultCallback(result);
    };
    try {
      this.inner.export(items, done);
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

/** A {@link CountingExporter} of spans (`signal="traces"`). */
export class CountingSpanExporter extends CountingExporter<ReadableSpan> implements SpanExporter {
  constructor(inner: SpanExporter, stats: ExportStats, name: string) {
    super(inner, stats, 'traces', name);
  }
}
