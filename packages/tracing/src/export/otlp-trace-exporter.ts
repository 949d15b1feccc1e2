import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { ExportWorkerData } from './export-protocol';

type OtlpTraceModule = typeof import('@opentelemetry/exporter-trace-otlp-http');

/**
 * The OpenTelemetry OTLP/HTTP span exporter of `settings.protocol`: `@opentelemetry/exporter-trace-otlp-proto`
 * for `http/protobuf` (the specification's default; its serializer writes protobuf straight from the
 * spans, without OTLP/JSON's intermediate object tree, in 40% of the bytes),
 * `@opentelemetry/exporter-trace-otlp-http` for `http/json`. Both are the upstream exporters: same
 * retries with backoff on 429/502/503/504 (honouring `Retry-After`), timeouts and headers. The module is
 * loaded here, on first use.
 * @internal
 */
export function createOtlpTraceExporter(settings: ExportWorkerData): SpanExporter {
  const pkg =
    settings.protocol === 'http/json'
      ? '@opentelemetry/exporter-trace-otlp-http'
      : '@opentelemetry/exporter-trace-otlp-proto';
  const { OTLPTraceExporter } = require(pkg) as OtlpTraceModule;
  return new OTLPTraceExporter({
    url: settings.url,
    headers: { ...settings.headers },
    timeoutMillis: settings.timeoutMillis,
  });
}
