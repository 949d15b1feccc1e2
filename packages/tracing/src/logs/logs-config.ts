import { invalid, parseEnum, parseKeyValueList, parseUrl, signalUrl } from '@otelkit/core';
import {
  type BatchOptions,
  type Env,
  envValue,
  firstEnv,
  int,
  list,
  POSITIVE_MS,
  resolveBatch,
} from '../config';

/** Names accepted by `OTEL_LOGS_EXPORTER` / `logs.exporters`. */
export type LogsExporterName = 'otlp' | 'console' | 'none';

/** OTLP/HTTP encodings of `OTEL_EXPORTER_OTLP_LOGS_PROTOCOL`. */
export type OtlpHttpProtocol = 'http/protobuf' | 'http/json';

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

/** Every log export default in one place (the specification's, except the exporter: see {@link LogsOptions}). */
export const LOGS_DEFAULTS = {
  endpoint: 'http://localhost:4318/v1/logs',
  timeoutMs: 10_000,
  protocol: 'http/protobuf',
  scheduledDelayMs: 1_000,
} as const satisfies Record<string, unknown>;

const EXPORTERS: readonly LogsExporterName[] = ['otlp', 'console', 'none'];
const PROTOCOLS: readonly OtlpHttpProtocol[] = ['http/protobuf', 'http/json'];

function resolveEndpoint(options: LogsOptions, env: Env): { url: string; set: boolean } {
  if (options.endpoint !== undefined)
    return { url: parseUrl('options.logs.endpoint', options.endpoint), set: true };
  const specific = envValue(env, 'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT');
  if (specific !== undefined)
    return { url: parseUrl('OTEL_EXPORTER_OTLP_LOGS_ENDPOINT', specific), set: true };
  const base = envValue(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (base !== undefined)
    return { url: signalUrl(parseUrl('OTEL_EXPORTER_OTLP_ENDPOINT', base), 'v1/logs'), set: true };
  return { url: LOGS_DEFAULTS.endpoint, set: false };
}

function resolveProtocol(options: LogsOptions, env: Env): OtlpHttpProtocol {
  if (options.protocol !== undefined)
    return parseEnum('options.logs.protocol', String(options.protocol), PROTOCOLS);
  const found = firstEnv(env, ['OTEL_EXPORTER_OTLP_LOGS_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']);
  if (found === undefined) return LOGS_DEFAULTS.protocol;
  const value = PROTOCOLS.find((p) => p === found.raw.trim().toLowerCase());
  if (value === undefined)
    invalid(found.name, found.raw, 'http/json or http/protobuf (otelkit exports OTLP over HTTP)');
  return value;
}

/**
 * Validates the log export options and the specification's variables (options win over the
 * environment; a signal-specific variable wins over the generic one).
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#batch-logrecord-processor
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the variable (or option) and the bad value.
 */
export function resolveLogsConfig(options: LogsOptions = {}, env: Env = process.env): LogsConfig {
  const endpoint = resolveEndpoint(options, env);
  const headersFound = firstEnv(env, ['OTEL_EXPORTER_OTLP_LOGS_HEADERS', 'OTEL_EXPORTER_OTLP_HEADERS']);
  const batch = resolveBatch(options, env, 'OTEL_BLRP', 'logs.');
  const delaySet =
    options.scheduledDelayMs !== undefined || envValue(env, 'OTEL_BLRP_SCHEDULE_DELAY') !== undefined;
  return {
    exporters: list(
      options.exporters,
      'logs.exporters',
      env,
      'OTEL_LOGS_EXPORTER',
      EXPORTERS,
      endpoint.set ? ['otlp'] : ['none'],
    ),
    endpoint: endpoint.url,
    headers:
      options.headers ??
      (headersFound === undefined
        ? {}
        : parseKeyValueList(headersFound.name, headersFound.raw, { headers: true })),
    timeoutMs: int(
      options.timeoutMs,
      'logs.timeoutMs',
      env,
      ['OTEL_EXPORTER_OTLP_LOGS_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT'],
      POSITIVE_MS,
      LOGS_DEFAULTS.timeoutMs,
    ),
    protocol: resolveProtocol(options, env),
    ...batch,
    scheduledDelayMs: delaySet ? batch.scheduledDelayMs : LOGS_DEFAULTS.scheduledDelayMs,
  };
}
