import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { ItemExporter } from './counting-exporter';

/**
 * An exporter built on first use. The OTLP/HTTP exporters and their transformer are a third of the
 * modules the preload would load; nothing needs them before the first batch is exported (seconds after
 * start-up), so the app starts without paying for them.
 */
export class LazyExporter<T> implements ItemExporter<T> {
  private inner: ItemExporter<T> | undefined;

  constructor(private readonly create: () => ItemExporter<T>) {}

  private get exporter(): ItemExporter<T> {
    this.inner ??= this.create();
    return this.inner;
  }

  export(items: T[], resultCallback: (result: ExportResult) => void): void {
    this.exporter.export(items, resultCallback);
  }

  async shutdown(): Promise<void> {
    await this.inner?.shutdown();
  }

  async forceFlush(): Promise<void> {
    await this.inner?.forceFlush?.();
  }
}

/** A {@link LazyExporter} of spans. */
export class LazySpanExporter extends LazyExporter<ReadableSpan> implements SpanExporter {}
