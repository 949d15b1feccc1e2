import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { ExportWorkerData } from './export-protocol';
import { TraceRequestEncoder } from './otlp-proto/trace-request';

type OtlpJsonTraceModule = typeof import('@opentelemetry/exporter-trace-otlp-http');
type ExporterBaseModule = typeof import('@opentelemetry/otlp-exporter-base');
type NodeHttpModule = typeof import('@opentelemetry/otlp-exporter-base/node-http');
type TransformerModule = typeof import('@opentelemetry/otlp-transformer');

/** The component type the upstream OTLP/protobuf span exporter reports in its own metrics. */
const COMPONENT_TYPE = 'otlp_http_span_exporter';

/**
 * The OTLP/HTTP span exporter of `settings.protocol`, on the upstream transport
 * (`@opentelemetry/otlp-exporter-base`: retries with backoff on 429/502/503/504 honouring
 * `Retry-After`, timeouts, headers, the bounded count of concurrent exports). For `http/protobuf` (the
 * specification's default) the request body is written by otelkit's {@link TraceRequestEncoder}, byte
 * for byte what the upstream `ProtobufTraceSerializer` writes in about a third of the CPU; responses
 * (partial success) are read by the upstream deserializer. `http/json` is the upstream
 * `@opentelemetry/exporter-trace-otlp-http` as it is. Modules are loaded here, on first use.
 * @internal
 */
export function createOtlpTraceExporter(settings: ExportWorkerData): SpanExporter {
  const config = {
    url: settings.url,
    headers: { ...settings.headers },
    timeoutMillis: settings.timeoutMillis,
  };
  if (settings.protocol === 'http/json') {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as OtlpJsonTraceModule;
    return new OTLPTraceExporter(config);
  }
  const { OTLPExporterBase } = require('@opentelemetry/otlp-exporter-base') as ExporterBaseModule;
  const { convertLegacyHttpOptions, createOtlpHttpExportDelegate } =
    require('@opentelemetry/otlp-exporter-base/node-http') as NodeHttpModule;
  const { ProtobufTraceSerializer, TraceExporterMetricsHelper } =
    require('@opentelemetry/otlp-transformer') as TransformerModule;
  const encoder = new TraceRequestEncoder();
  const serializer = {
    serializeRequest: (spans: ReadableSpan[]): Uint8Array => encoder.encode(spans),
    deserializeResponse: ProtobufTraceSerializer.deserializeResponse,
  };
  const delegate = createOtlpHttpExportDelegate(
    convertLegacyHttpOptions(config, 'TRACES', 'v1/traces', { 'Content-Type': 'application/x-protobuf' }),
    serializer,
    COMPONENT_TYPE,
    TraceExporterMetricsHelper,
    undefined,
  );
  return new OTLPExporterBase<ReadableSpan[]>(delegate);
}
