import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { ExportWorkerData } from './export-protocol';
import { protobufSpanExporter } from './otlp-proto/http-exporter';

type OtlpJsonTraceModule = typeof import('@opentelemetry/exporter-trace-otlp-http');

/**
 * The OTLP/HTTP span exporter of `settings.protocol`. For `http/protobuf` (the specification's
 * default) the request bodies are written by otelkit's one-pass encoder (`otlp-proto/`), byte for byte
 * what the upstream `ProtobufTraceSerializer` writes in about a third of the CPU, on the upstream
 * transport (retries with backoff on 429/502/503/504 honouring `Retry-After`, timeouts, headers);
 * `http/json` is the upstream `@opentelemetry/exporter-trace-otlp-http` as it is. Modules are loaded
 * here, on first use.
 * @internal
 */
export function createOtlpTraceExporter(settings: ExportWorkerData): SpanExporter {
  if (settings.protocol !== 'http/json') return protobufSpanExporter(settings);
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as OtlpJsonTraceModule;
  return new OTLPTraceExporter({
    url: settings.url,
    headers: { ...settings.headers },
    timeoutMillis: settings.timeoutMillis,
  });
}
