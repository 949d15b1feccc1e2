import type { TextMapPropagator } from '@opentelemetry/api';
import type { Sampler, SpanProcessor } from '@opentelemetry/sdk-trace';
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
import { resolveTracingComposition } from './composition';
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
  http: defaultOf(S.http) as ResolvedHttpOptions,
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
  /** The sampler's name, or the `Sampler` object given in code or the config module. */
  readonly sampler: SamplerName | Sampler;
  readonly samplerRatio: number;
  readonly propagators: readonly (PropagatorName | TextMapPropagator)[];
  /** The user's span processors (after otelkit's own). */
  readonly spanProcessors: readonly SpanProcessor[];
  readonly scheduledDelayMs: number;
  readonly exportTimeoutMs: number;
  readonly maxQueueSize: number;
  readonly maxExportBatchSize: number;
  readonly http: ResolvedHttpOptions | false;
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

/** HTTP instrumentation settings with their defaults applied (the ignore hook stays optional). */
export type ResolvedHttpOptions = Required<Omit<HttpInstrumentationOptions, 'ignoreIncomingRequestHook'>> &
  Pick<HttpInstrumentationOptions, 'ignoreIncomingRequestHook'>;

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
 * A `Sampler` object or a propagator list holding objects wins over the variables (code wins over the
 * environment); its provenance is the option.
 * @param preset core's `OTELKIT_PRESET`, whose sampling ratio applies when no sampler is set
 * @param optionName how an option is named in errors and provenance (default `options.<path>`)
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the variable (or option) and the bad value.
 */
export function resolveTracingConfig(
  options: TracingOptions = {},
  env: Env = options.env ?? process.env,
  preset?: PresetName,
  optionName: (path: string) => string = (path) => `options.${path}`,
): TracingConfig {
  const objects = resolveTracingComposition(options, optionName);
  // The schema resolves plain values; the objects are set over its result below.
  const plain: TracingOptions = {
    ...options,
    sampler: objects.sampler === undefined ? options.sampler : undefined,
    propagators: objects.propagators === undefined ? options.propagators : undefined,
  };
  const resolved = resolveSection(TRACING_SETTINGS, { options: plain, env, preset, optionName });
  const v: { -readonly [K in keyof typeof resolved.values]: (typeof resolved.values)[K] } = {
    ...resolved.values,
  };
  const sources = { ...resolved.sources };
  if (objects.sampler !== undefined) {
    v.sampler = String(objects.sampler) as SamplerName;
    sources.sampler = { source: 'option', name: optionName('sampler') };
  }
  if (objects.propagators !== undefined) {
    const names = objects.propagators.filter((p): p is PropagatorName => typeof p === 'string');
    TRACING_SETTINGS.propagators.check(optionName('propagators'), names);
    v.propagators = objects.propagators.map((p) => (typeof p === 'string' ? p : p.constructor.name)) as never;
    sources.propagators = { source: 'option', name: optionName('propagators') };
  }
  if (objects.spanProcessors.length > 0) {
    sources.spanProcessors = { source: 'option', name: optionName('spanProcessors') };
  }
  const logs = resolveSection(LOGS_SETTINGS, { options, env, preset, optionName });
  const logSources = Object.entries(logs.sources).map(([key, source]) => [`logs.${key}`, source] as const);
  const logValues = Object.entries(logs.values).map(([key, value]) => [`logs.${key}`, value] as const);
  const config: TracingConfig = {
    exporters: v.exporters as readonly TracesExporterName[],
    endpoint: v.endpoint,
    headers: v.headers,
    timeoutMs: v.timeoutMs,
    protocol: v.protocol,
    sampler: objects.sampler ?? (v.sampler as SamplerName),
    samplerRatio: v.samplerRatio,
    propagators: objects.propagators ?? (v.propagators as readonly PropagatorName[]),
    spanProcessors: objects.spanProcessors,
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
