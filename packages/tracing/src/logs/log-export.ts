import { diag, logs } from '@opentelemetry/api';
import type { LogRecordExporter, LogRecordProcessor } from '@opentelemetry/sdk-logs';
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import { withTimeout } from '@otelkit/core';
import { CountingLogProcessor } from '../export/counting-log-processor';
import { StderrLogRecordExporter } from '../export/stderr-log-exporter';
import type { TracingTelemetry } from '../options';
import { VERSION } from '../version';
import { setLogSink } from './log-record';
import type { LogsConfig } from './logs-config';

type OtlpLogsModule = typeof import('@opentelemetry/exporter-logs-otlp-http');

/** What {@link startLogExport} returns. @internal */
export interface LogExport {
  readonly provider: LoggerProvider;
  /** Exports every record emitted so far. */
  forceFlush(): Promise<void>;
  /** Flushes, stops the exporters and unregisters the provider (within the shutdown timeout). */
  shutdown(): Promise<void>;
}

/**
 * The OTLP/HTTP log exporter of `config.protocol` (protobuf or JSON), loaded on first use only.
 * @internal
 */
export function otlpLogExporter(config: LogsConfig): LogRecordExporter {
  const pkg =
    config.protocol === 'http/json'
      ? '@opentelemetry/exporter-logs-otlp-http'
      : '@opentelemetry/exporter-logs-otlp-proto';
  const { OTLPLogExporter } = require(pkg) as OtlpLogsModule;
  return new OTLPLogExporter({
    url: config.endpoint,
    headers: { ...config.headers },
    timeoutMillis: config.timeoutMs,
  });
}

/**
 * Starts log record export per `OTEL_LOGS_EXPORTER`: a `LoggerProvider` with the telemetry's Resource
 * and one bounded batch processor per exporter (outcomes and drops counted in core's export stats as
 * `signal="logs"`), registered as the global logs provider (so the pino, winston and bunyan
 * instrumentations' log sending reaches it) and as the target of `createLogger()` loggers.
 * `undefined` when no exporter is configured.
 * @param wrap Lets the caller wrap the OTLP exporter (the crash flush).
 * @internal
 */
export function startLogExport(
  config: LogsConfig,
  telemetry: TracingTelemetry,
  wrap: (exporter: LogRecordExporter) => LogRecordExporter = (e) => e,
): LogExport | undefined {
  const processors: LogRecordProcessor[] = [];
  for (const name of config.exporters) {
    if (name === 'none') continue;
    const exporter = name === 'otlp' ? wrap(otlpLogExporter(config)) : new StderrLogRecordExporter();
    processors.push(new CountingLogProcessor(exporter, telemetry.exportStats, name, config));
  }
  if (processors.length === 0) return undefined;
  const provider = new LoggerProvider({ resource: telemetry.resource, processors });
  const own = logs.setGlobalLoggerProvider(provider);
  if (!own)
    diag.warn('otelkit: another global LoggerProvider was already registered; otelkit logs use their own');
  setLogSink(provider.getLogger('@otelkit/tracing', VERSION));
  let stopping: Promise<void> | undefined;
  return {
    provider,
    forceFlush: () => provider.forceFlush(),
    shutdown: () => {
      stopping ??= (async () => {
        setLogSink(undefined);
        await withTimeout(provider.shutdown(), telemetry.config.shutdownTimeoutMs, 'log flush').catch(
          (error: unknown) => diag.warn(`otelkit: log flush failed: ${String(error)}`),
        );
        if (own) logs.disable();
      })();
      return stopping;
    },
  };
}
