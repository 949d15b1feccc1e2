import { diag, logs } from '@opentelemetry/api';
import { defaultResource } from '@opentelemetry/resources';
import type { LogRecordExporter, LogRecordProcessor, ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import { withTimeout } from '@otelkit/core/internal';
import { CountingLogProcessor } from '../export/counting-log-processor';
import type { CrashLogSource } from '../export/crash-flush';
import type { CrashLogRequest } from '../export/export-protocol';
import { LazyExporter } from '../export/lazy-exporter';
import { protobufLogExporter } from '../export/otlp-proto/http-exporter';
import { LogsRequestEncoder } from '../export/otlp-proto/logs-request';
import { StderrLogRecordExporter } from '../export/stderr-log-exporter';
import type { TracingTelemetry } from '../options';
import { VERSION } from '../version';
import { setLogSink } from './log-record';
import type { LogsConfig } from './logs-config';
import { LOG_RECORD_LIMITS } from './pino-log-record';

type OtlpLogsModule = typeof import('@opentelemetry/exporter-logs-otlp-http');
type TransformerModule = typeof import('@opentelemetry/otlp-transformer');

/** What {@link startLogExport} returns. @internal */
export interface LogExport {
  readonly provider: LoggerProvider;
  /** Exports every record emitted so far. */
  forceFlush(): Promise<void>;
  /**
   * Flushes, stops the exporters and unregisters the provider, waiting at most `budgetMs` for the
   * flush (default: the shutdown timeout).
   */
  shutdown(budgetMs?: number): Promise<void>;
}

/**
 * The OTLP/HTTP log exporter of `config.protocol`: for `http/protobuf`, request bodies written by
 * otelkit's one-pass encoder on the upstream transport (`otlp-proto/http-exporter.ts`); for
 * `http/json`, the upstream `@opentelemetry/exporter-logs-otlp-http`. Loaded on the first export.
 * @internal
 */
export function otlpLogExporter(config: LogsConfig): LogRecordExporter {
  const settings = { url: config.endpoint, headers: config.headers, timeoutMillis: config.timeoutMs };
  if (config.protocol !== 'http/json') return protobufLogExporter(settings);
  const { OTLPLogExporter } = require('@opentelemetry/exporter-logs-otlp-http') as OtlpLogsModule;
  return new OTLPLogExporter({ ...settings, headers: { ...config.headers } });
}

/** One OTLP logs request for `records` in `config.protocol`, for the crash flush's export thread. */
function encodeLogs(config: LogsConfig, records: ReadableLogRecord[]): CrashLogRequest | undefined {
  const json = config.protocol === 'http/json';
  const body = json
    ? (require('@opentelemetry/otlp-transformer') as TransformerModule).JsonLogsSerializer.serializeRequest(
        records,
      )
    : new LogsRequestEncoder().encode(records);
  if (body === undefined) return undefined;
  return {
    url: config.endpoint,
    headers: { ...config.headers },
    contentType: json ? 'application/json' : 'application/x-protobuf',
    body,
    timeoutMillis: config.timeoutMs,
  };
}

/**
 * Starts log record export per `OTEL_LOGS_EXPORTER`: a `LoggerProvider` with the telemetry's Resource
 * and one bounded batch processor per exporter (outcomes and drops counted in core's export stats as
 * `signal="logs"`), registered as the global logs provider (so the pino, winston and bunyan
 * instrumentations' log sending reaches it) and as the target of `createLogger()` loggers.
 * `undefined` when no exporter is configured.
 * @param onCrash Receives the OTLP processor's pending records, for the crash flush.
 * @internal
 */
export function startLogExport(
  config: LogsConfig,
  telemetry: TracingTelemetry,
  onCrash?: (source: CrashLogSource) => void,
): LogExport | undefined {
  const processors: LogRecordProcessor[] = [];
  for (const name of config.exporters) {
    if (name === 'none') continue;
    const exporter =
      name === 'otlp'
        ? new LazyExporter<ReadableLogRecord>(() => otlpLogExporter(config))
        : new StderrLogRecordExporter();
    const endpoint = name === 'otlp' ? config.endpoint : undefined;
    const processor = new CountingLogProcessor(exporter, telemetry.exportStats, name, config, endpoint);
    if (name === 'otlp')
      onCrash?.({ pending: () => processor.pending(), encode: (r) => encodeLogs(config, r) });
    processors.push(processor);
  }
  if (processors.length === 0) return undefined;
  const resource = telemetry.resource ?? defaultResource();
  const provider = new LoggerProvider({
    resource,
    processors,
    logRecordLimits: LOG_RECORD_LIMITS,
  });
  const own = logs.setGlobalLoggerProvider(provider);
  if (!own)
    diag.warn('otelkit: another global LoggerProvider was already registered; otelkit logs use their own');
  // createLogger() records go straight to the provider's processors (see PinoLogRecord).
  setLogSink({
    resource,
    scope: { name: '@otelkit/tracing', version: VERSION, schemaUrl: undefined },
    processors,
    // Only OTLP/protobuf exporters: records may go to the queue as their OTLP message.
    preEncoded:
      config.protocol !== 'http/json' && config.exporters.every((n) => n === 'otlp' || n === 'none'),
  });
  let stopping: Promise<void> | undefined;
  return {
    provider,
    forceFlush: () => provider.forceFlush(),
    shutdown: (budgetMs = telemetry.config.shutdownTimeoutMs) => {
      stopping ??= (async () => {
        setLogSink(undefined);
        await withTimeout(provider.shutdown(), budgetMs, 'log flush').catch((error: unknown) =>
          diag.warn(`otelkit: log flush failed: ${String(error)}`),
        );
        if (own) logs.disable();
      })();
      return stopping;
    },
  };
}
