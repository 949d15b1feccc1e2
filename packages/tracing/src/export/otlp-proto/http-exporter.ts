import type { ExportResult } from '@opentelemetry/core';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { LogsRequestEncoder } from './logs-request';
import { TraceRequestEncoder } from './trace-request';

type ExporterBaseModule = typeof import('@opentelemetry/otlp-exporter-base');
type NodeHttpModule = typeof import('@opentelemetry/otlp-exporter-base/node-http');
type TransformerModule = typeof import('@opentelemetry/otlp-transformer');
type IExporterMetricsHelper<T> = import('@opentelemetry/otlp-transformer').IExporterMetricsHelper<T>;

/** Where and how to send: the OTLP/HTTP settings otelkit resolved from its options and the environment. */
export interface OtlpHttpSettings {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMillis: number;
}

/** An exporter of `T`s (spans, log records), as the SDK's span and log record exporters are. @internal */
export interface ItemExporter<T> {
  export(items: T[], resultCallback: (result: ExportResult) => void): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** What differs between the signals: path, names, the encoder and the upstream response reader. */
interface ProtobufSignal<T> {
  readonly signal: 'TRACES' | 'LOGS';
  readonly path: string;
  /** The component type the upstream exporter of this signal reports in its own metrics. */
  readonly componentType: string;
  readonly encode: (items: T[]) => Uint8Array;
  readonly deserializeResponse: (data: Uint8Array) => unknown;
  readonly metricsHelper: IExporterMetricsHelper<T[]>;
}

/**
 * An OTLP/HTTP exporter whose request bodies otelkit's encoder writes in protobuf, on the upstream
 * transport of `@opentelemetry/otlp-exporter-base` (what the upstream `exporter-*-otlp-proto` packages
 * use: retries with backoff on 429/502/503/504 honouring `Retry-After`, timeouts, headers, the bound
 * on concurrent exports) and the upstream response deserializer (partial success).
 */
function protobufExporter<T>(settings: OtlpHttpSettings, kind: ProtobufSignal<T>): ItemExporter<T> {
  const { OTLPExporterBase } = require('@opentelemetry/otlp-exporter-base') as ExporterBaseModule;
  const { convertLegacyHttpOptions, createOtlpHttpExportDelegate } =
    require('@opentelemetry/otlp-exporter-base/node-http') as NodeHttpModule;
  const config = {
    url: settings.url,
    headers: { ...settings.headers },
    timeoutMillis: settings.timeoutMillis,
  };
  const delegate = createOtlpHttpExportDelegate(
    convertLegacyHttpOptions(config, kind.signal, kind.path, { 'Content-Type': 'application/x-protobuf' }),
    { serializeRequest: kind.encode, deserializeResponse: kind.deserializeResponse },
    kind.componentType,
    kind.metricsHelper,
    undefined,
  );
  return new OTLPExporterBase<T[]>(delegate);
}

function transformer(): TransformerModule {
  return require('@opentelemetry/otlp-transformer') as TransformerModule;
}

/**
 * The OTLP/HTTP span exporter for `http/protobuf`, its bodies written by {@link TraceRequestEncoder}.
 * @internal
 */
export function protobufSpanExporter(settings: OtlpHttpSettings): ItemExporter<ReadableSpan> {
  const encoder = new TraceRequestEncoder();
  const { ProtobufTraceSerializer, TraceExporterMetricsHelper } = transformer();
  return protobufExporter(settings, {
    signal: 'TRACES',
    path: 'v1/traces',
    componentType: 'otlp_http_span_exporter',
    encode: (spans) => encoder.encode(spans),
    deserializeResponse: ProtobufTraceSerializer.deserializeResponse,
    metricsHelper: TraceExporterMetricsHelper,
  });
}

/**
 * The OTLP/HTTP log record exporter for `http/protobuf`, its bodies written by {@link LogsRequestEncoder}.
 * @internal
 */
export function protobufLogExporter(settings: OtlpHttpSettings): ItemExporter<ReadableLogRecord> {
  const encoder = new LogsRequestEncoder();
  const { ProtobufLogsSerializer, LogsExporterMetricsHelper } = transformer();
  return protobufExporter(settings, {
    signal: 'LOGS',
    path: 'v1/logs',
    componentType: 'otlp_http_log_exporter',
    encode: (records) => encoder.encode(records),
    deserializeResponse: ProtobufLogsSerializer.deserializeResponse,
    metricsHelper: LogsExporterMetricsHelper,
  });
}
