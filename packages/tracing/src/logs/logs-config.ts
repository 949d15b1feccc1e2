import {
  defaultOf,
  type Env,
  type OtlpHttpProtocol,
  type ResolvedSection,
  resolveSection,
} from '@otelkit/core/internal';
import { type BatchOptions, checkBatchSize } from '../batch-settings';
import { LOGS_SETTINGS } from './logs-settings';

/** Names accepted by `OTEL_LOGS_EXPORTER` / `logs.exporters`. */
export type LogsExporterName = 'otlp' | 'console' | 'none';

export type { OtlpHttpProtocol };

/** Options of log record export (the `logs` field of `TracingOptions`); each overrides its variable. */
export interface LogsOptions extends BatchOptions {
  /**
   * Log record exporters; env `OTEL_LOGS_EXPORTER`. Default `otlp` when an OTLP endpoint is set
   * (`OTEL_EXPORTER_OTLP_LOGS_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT`), else `none`: the JSON lines
   * on stdout are written in every case.
   */
  readonly exporters?: readonly LogsExporterName[];
  /** OTLP/HTTP logs endpoint (full URL); env `OTEL_EXPORTER_OTLP_LOGS_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/logs`. */
  readonly endpoint?: string;
  /** OTLP headers; env `OTEL_EXPORTER_OTLP_LOGS_HEADERS` or `OTEL_EXPORTER_OTLP_HEADERS`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Timeout of one OTLP request; env `OTEL_EXPORTER_OTLP_LOGS_TIMEOUT` or `OTEL_EXPORTER_OTLP_TIMEOUT` (10000). */
  readonly timeoutMs?: number;
  /** Encoding; env `OTEL_EXPORTER_OTLP_LOGS_PROTOCOL` or `OTEL_EXPORTER_OTLP_PROTOCOL` (`http/protobuf`). */
  readonly protocol?: OtlpHttpProtocol;
}

/** The validated log export configuration. */
export interface LogsConfig {
  readonly exporters: readonly LogsExporterName[];
  readonly endpoint: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly protocol: OtlpHttpProtocol;
  /** `OTEL_BLRP_SCHEDULE_DELAY` (default 1000, the specification's). */
  readonly scheduledDelayMs: number;
  /** `OTEL_BLRP_EXPORT_TIMEOUT` (30000). */
  readonly exportTimeoutMs: number;
  /** `OTEL_BLRP_MAX_QUEUE_SIZE` (2048): records past it are dropped and counted. */
  readonly maxQueueSize: number;
  /** `OTEL_BLRP_MAX_EXPORT_BATCH_SIZE` (512, at most the queue size). */
  readonly maxExportBatchSize: number;
}

/** Every log export default, read from {@link LOGS_SETTINGS} (the one place they are written). */
export const LOGS_DEFAULTS = {
  endpoint: defaultOf(LOGS_SETTINGS.endpoint),
  timeoutMs: defaultOf(LOGS_SETTINGS.timeoutMs),
  protocol: defaultOf(LOGS_SETTINGS.protocol),
  scheduledDelayMs: defaultOf(LOGS_SETTINGS.scheduledDelayMs),
} as const;

/**
 * Validates the log export options and the specification's variables with the one resolver (options
 * win over the environment; a signal-specific variable wins over the generic one).
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#batch-logrecord-processor
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the variable (or option) and the bad value.
 */
export function resolveLogsConfig(options: LogsOptions = {}, env: Env = process.env): LogsConfig {
  return logsConfigFrom(resolveSection(LOGS_SETTINGS, { options: { logs: options }, env }));
}

/** The {@link LogsConfig} of a resolved logs section (batch size checked against the queue). */
export function logsConfigFrom(section: ResolvedSection<typeof LOGS_SETTINGS>): LogsConfig {
  const { values: v, sources } = section;
  return {
    exporters: v.exporters,
    endpoint: v.endpoint,
    headers: v.headers,
    timeoutMs: v.timeoutMs,
    protocol: v.protocol,
    scheduledDelayMs: v.scheduledDelayMs,
    exportTimeoutMs: v.exportTimeoutMs,
    maxQueueSize: v.maxQueueSize,
    maxExportBatchSize: checkBatchSize(v, sources.maxExportBatchSize),
  };
}
