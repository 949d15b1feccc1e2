import {
  defaultOf,
  type Env,
  type OtlpHttpProtocol,
  type PresetName,
  type Provenance,
  resolveSection,
  type SectionValues,
} from '@otelkit/core/internal';
import { checkBatchSize } from './batch-settings';
import { type LogsConfig, logsConfigFrom } from './logs/logs-config';
import { LOGS_SETTINGS } from './logs/logs-settings';
import type {
  HttpInstrumentationOptions,
  PropagatorName,
  SamplerName,
  TracesExporterName,
  TracingOptions,
} from './options';
import { TRACING_SETTINGS } from './settings';
import { SPAN_LIMIT_SETTINGS } from './span-limit-settings';

export type { Env };

const S = TRACING_SETTINGS;

/** Every tracing default, read from {@link TRACING_SETTINGS} (the specification's defaults). */
export const TRACING_DEFAULTS = {
  exporters: defaultOf(S.exporters),
  endpoint: defaultOf(S.endpoint),
  timeoutMs: defaultOf(S.timeoutMs),
  sampler: defaultOf(S.sampler),
  samplerRatio: defaultOf(S.samplerRatio),
  propagators: defaultOf(S.propagators),
  scheduledDelayMs: defaultOf(S.scheduledDelayMs),
  exportTimeoutMs: defaultOf(S.exportTimeoutMs),
  maxQueueSize: defaultOf(S.maxQueueSize),
  maxExportBatchSize: defaultOf(S.maxExportBatchSize),
  http: defaultOf(S.http) as Required<HttpInstrumentationOptions>,
  sensitiveQueryParameters: defaultOf(S.sensitiveQueryParameters),
} as const;

/** The validated tracing configuration. */
export interface TracingConfig {
  readonly exporters: readonly TracesExporterName[];
  readonly endpoint: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL`: the OTLP encoding of spans. */
  readonly protocol: OtlpHttpProtocol;
  readonly sampler: SamplerName;
  readonly samplerRatio: number;
  readonly propagators: readonly PropagatorName[];
  readonly scheduledDelayMs: number;
  readonly exportTimeoutMs: number;
  readonly maxQueueSize: number;
  readonly maxExportBatchSize: number;
  readonly http: Required<HttpInstrumentationOptions> | false;
  /** Query parameters whose values become `REDACTED` in `url.full` / `url.query`. */
  readonly sensitiveQueryParameters: readonly string[];
  /** Span limits set by the `OTEL_*_LIMIT` variables (unset ones keep the SDK's defaults). */
  readonly spanLimits: SpanLimitSettings;
  /** Log record export (`OTEL_LOGS_EXPORTER`, `OTEL_EXPORTER_OTLP_LOGS_*`, `OTEL_BLRP_*`). */
  readonly logs: LogsConfig;
  /** For each setting (logs ones as `logs.<key>`), where its value came from. */
  readonly sources: Readonly<Record<string, Provenance>>;
  /** Each setting's value as resolved, keyed as {@link sources} (for the debug summary). */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** The span limits of the specification's `OTEL_*_LIMIT` variables (names as in the SDK's `SpanLimits`). */
export interface SpanLimitSettings {
  readonly attributeValueLengthLimit?: number;
  readonly attributeCountLimit?: number;
  readonly eventCountLimit?: number;
  readonly linkCountLimit?: number;
  readonly attributePerEventCountLimit?: number;
  readonly attributePerLinkCountLimit?: number;
}

function spanLimits(values: SectionValues<typeof TRACING_SETTINGS>): SpanLimitSettings {
  const limits: { -readonly [K in keyof SpanLimitSettings]?: number } = {};
  for (const key of Object.keys(SPAN_LIMIT_SETTINGS) as (keyof SpanLimitSettings)[]) {
    const value = values[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}

/**
 * Validates tracing options and the standard environment variables with the one resolver (options win
 * over the environment, which wins over the preset's and the defaults of {@link TRACING_SETTINGS}).
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/
 * @param preset core's `OTELKIT_PRESET`, whose sampling ratio applies when no sampler is set
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the variable (or option) and the bad value.
 */
export function resolveTracingConfig(
  options: TracingOptions = {},
  env: Env = options.env ?? process.env,
  preset?: PresetName,
): TracingConfig {
  const { values: v, sources } = resolveSection(TRACING_SETTINGS, { options, env, preset });
  const logs = resolveSection(LOGS_SETTINGS, { options, env, preset });
  const logSources = Object.entries(logs.sources).map(([key, source]) => [`logs.${key}`, source] as const);
  const logValues = Object.entries(logs.values).map(([key, value]) => [`logs.${key}`, value] as const);
  const config: TracingConfig = {
    exporters: v.exporters as readonly TracesExporterName[],
    endpoint: v.endpoint,
    headers: v.headers,
    timeoutMs: v.timeoutMs,
    protocol: v.protocol,
    sampler: v.sampler as SamplerName,
    samplerRatio: v.samplerRatio,
    propagators: v.propagators as readonly PropagatorName[],
    scheduledDelayMs: v.scheduledDelayMs,
    exportTimeoutMs: v.exportTimeoutMs,
    maxQueueSize: v.maxQueueSize,
    maxExportBatchSize: checkBatchSize(v, sources.maxExportBatchSize),
    http: v.http,
    sensitiveQueryParameters: v.sensitiveQueryParameters,
    spanLimits: spanLimits(v),
    logs: logsConfigFrom(logs),
    sources: Object.freeze({ ...sources, ...Object.fromEntries(logSources) }),
    settings: Object.freeze({ ...v, ...Object.fromEntries(logValues) }),
  };
  return Object.freeze(config);
}
