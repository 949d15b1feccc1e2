import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';

/**
 * A span exporter built on first use. The OTLP/HTTP exporter and its transformer are a third of the
 * modules the preload would load; nothing needs them before the first batch is exported (seconds after
 * start-up), so the app starts without paying for them.
 */
export class LazySpanExporter implements SpanExporter {
  private inner: SpanExporter | undefined;

  constructor(private readonly create: () => SpanExporter) {}

  private get exporter(): SpanExporter {
    this.inner ??= this.create();
    return this.inner;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.exporter.export(spans, resultCallback);
  }

  async shutdown(): Promise<void> {
    await this.inner?.shutdown();
  }

  async forceFlush(): Promise<void> {
    await this.inner?.forceFlush?.();
  }
}
