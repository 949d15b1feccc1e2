import {
  checkInteger,
  type IntegerBounds,
  invalid,
  PRESETS,
  type PresetName,
  parseEnum,
  parseEnumList,
  parseInteger,
  parseKeyValueList,
  parseUrl,
  signalUrl,
} from '@otelkit/core';
import { type LogsConfig, resolveLogsConfig } from './logs/logs-config';
import type {
  HttpInstrumentationOptions,
  PropagatorName,
  SamplerName,
  TracesExporterName,
  TracingOptions,
} from './options';
import { SENSITIVE_QUERY_PARAMETERS } from './redact/query';

/** An environment to read. @internal */
export type Env = Readonly<Record<string, string | undefined>>;

/** Every tracing default in one place (the specification's defaults). */
export const TRACING_DEFAULTS = {
  exporters: ['otlp'],
  endpoint: 'http://localhost:4318/v1/traces',
  timeoutMs: 10_000,
  sampler: 'parentbased_always_on',
  samplerRatio: 1,
  propagators: ['tracecontext', 'baggage'],
  scheduledDelayMs: 5_000,
  exportTimeoutMs: 30_000,
  maxQueueSize: 2_048,
  maxExportBatchSize: 512,
  http: { server: true, client: true, fetch: true, serverTiming: false, metrics: true },
  sensitiveQueryParameters: SENSITIVE_QUERY_PARAMETERS,
} as const satisfies Record<string, unknown>;

const EXPORTERS: readonly TracesExporterName[] = ['otlp', 'console', 'none'];
const SAMPLERS: readonly SamplerName[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];
const PROPAGATORS: readonly PropagatorName[] = ['tracecontext', 'baggage', 'none'];
/** @internal */
export const POSITIVE_MS: IntegerBounds = { min: 1, max: 2_147_483_647 };
const QUEUE: IntegerBounds = { min: 1, max: 1_000_000 };

/** The validated tracing configuration. */
export interface TracingConfig {
  readonly exporters: readonly TracesExporterName[];
  readonly endpoint: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
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

/**
 * Each span limit and its variables, the span-specific one first. SDK 3.x no longer reads them itself.
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#span-limits
 */
const SPAN_LIMITS: ReadonlyArray<readonly [keyof SpanLimitSettings, readonly string[]]> = [
  [
    'attributeValueLengthLimit',
    ['OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT'],
  ],
  ['attributeCountLimit', ['OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', 'OTEL_ATTRIBUTE_COUNT_LIMIT']],
  ['eventCountLimit', ['OTEL_SPAN_EVENT_COUNT_LIMIT']],
  ['linkCountLimit', ['OTEL_SPAN_LINK_COUNT_LIMIT']],
  ['attributePerEventCountLimit', ['OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT']],
  ['attributePerLinkCountLimit', ['OTEL_LINK_ATTRIBUTE_COUNT_LIMIT']],
];
const LIMIT: IntegerBounds = { min: 0, max: 2_147_483_647 };

function resolveSpanLimits(env: Env): SpanLimitSettings {
  const limits: { -readonly [K in keyof SpanLimitSettings]?: number } = {};
  for (const [key, names] of SPAN_LIMITS) {
    const found = firstEnv(env, names);
    if (found !== undefined) limits[key] = parseInteger(found.name, found.raw, LIMIT);
  }
  return limits;
}

/** @internal */
export function envValue(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

/** The first set variable of `names`, with its name. @internal */
export function firstEnv(env: Env, names: readonly string[]): { name: string; raw: string } | undefined {
  for (const name of names) {
    const raw = envValue(env, name);
    if (raw !== undefined) return { name, raw };
  }
  return undefined;
}

/** An integer option, else the first set variable of `names`, else `fallback`. @internal */
export function int(
  option: number | undefined,
  key: string,
  env: Env,
  names: string[],
  bounds: IntegerBounds,
  fallback: number,
) {
  if (option !== undefined) return checkInteger(`options.${key}`, option, bounds);
  const found = firstEnv(env, names);
  return found === undefined ? fallback : parseInteger(found.name, found.raw, bounds);
}

/** A list option or variable of allowed words (`none` alone). @internal */
export function list<T extends string>(
  option: readonly T[] | undefined,
  key: string,
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: readonly T[],
): readonly T[] {
  const setting = option === undefined ? name : `options.${key}`;
  const raw =
    option === undefined ? envValue(env, name) : Array.isArray(option) ? option.join(',') : String(option);
  if (raw === undefined) return fallback;
  const values = parseEnumList(setting, raw, allowed);
  if (values.includes('none' as T) && values.length > 1)
    invalid(setting, raw, '"none" alone, or a list without "none"');
  return values;
}

/** A query parameter name: URL query characters other than `&`, `=`, `#`, `,` and spaces, at most 128. */
const QUERY_NAME = /^[A-Za-z0-9._~!$'()*+:;@%[\]/?-]{1,128}$/;
const QUERY_NAMES_EXPECTED =
  'a comma list of query parameter names (URL query characters, at most 128 each), or none';

/** `OTELKIT_SENSITIVE_QUERY_PARAMETERS` / `sensitiveQueryParameters`: names (case-sensitive), or `none`. */
function sensitiveQueryParameters(options: TracingOptions, env: Env): readonly string[] {
  const option = options.sensitiveQueryParameters;
  if (option !== undefined) {
    if (!Array.isArray(option) || !option.every((n) => typeof n === 'string' && QUERY_NAME.test(n))) {
      invalid('options.sensitiveQueryParameters', option, QUERY_NAMES_EXPECTED);
    }
    return [...option];
  }
  const raw = envValue(env, 'OTELKIT_SENSITIVE_QUERY_PARAMETERS');
  if (raw === undefined) return TRACING_DEFAULTS.sensitiveQueryParameters;
  if (raw.trim() === 'none') return [];
  const names = raw.split(',').map((n) => n.trim());
  if (!names.every((n) => QUERY_NAME.test(n)))
    invalid('OTELKIT_SENSITIVE_QUERY_PARAMETERS', raw, QUERY_NAMES_EXPECTED);
  return names;
}

function parseRatio(setting: string, raw: unknown): number {
  const text = typeof raw === 'number' ? String(raw) : String(raw).trim();
  const value = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= 1)) invalid(setting, raw, 'a number from 0 to 1');
  return value;
}

/** The batch settings of a signal's batch processor: `OTEL_BSP_*` for spans, `OTEL_BLRP_*` for logs. */
export interface BatchOptions {
  readonly scheduledDelayMs?: number;
  readonly exportTimeoutMs?: number;
  readonly maxQueueSize?: number;
  readonly maxExportBatchSize?: number;
}

/**
 * Resolves {@link BatchOptions} from options (`options.<prefix><key>`) and `<envPrefix>_SCHEDULE_DELAY`,
 * `_EXPORT_TIMEOUT`, `_MAX_QUEUE_SIZE`, `_MAX_EXPORT_BATCH_SIZE` (the specification's defaults). A batch
 * size set above the queue size is an error naming it; the default batch size shrinks to the queue.
 * @internal
 */
export function resolveBatch(
  options: BatchOptions,
  env: Env,
  envPrefix: 'OTEL_BSP' | 'OTEL_BLRP',
  optionPrefix: string,
): Required<BatchOptions> {
  const maxQueueSize = int(
    options.maxQueueSize,
    `${optionPrefix}maxQueueSize`,
    env,
    [`${envPrefix}_MAX_QUEUE_SIZE`],
    QUEUE,
    TRACING_DEFAULTS.maxQueueSize,
  );
  const batchEnv = `${envPrefix}_MAX_EXPORT_BATCH_SIZE`;
  const batchFromEnv = options.maxExportBatchSize === undefined && firstEnv(env, [batchEnv]) !== undefined;
  let maxExportBatchSize = int(
    options.maxExportBatchSize,
    `${optionPrefix}maxExportBatchSize`,
    env,
    [batchEnv],
    QUEUE,
    TRACING_DEFAULTS.maxExportBatchSize,
  );
  if (maxExportBatchSize > maxQueueSize) {
    if (options.maxExportBatchSize !== undefined || batchFromEnv) {
      invalid(
        batchFromEnv ? batchEnv : `options.${optionPrefix}maxExportBatchSize`,
        maxExportBatchSize,
        `at most the queue size (${maxQueueSize})`,
      );
    }
    maxExportBatchSize = maxQueueSize;
  }
  return {
    maxQueueSize,
    maxExportBatchSize,
    scheduledDelayMs: int(
      options.scheduledDelayMs,
      `${optionPrefix}scheduledDelayMs`,
      env,
      [`${envPrefix}_SCHEDULE_DELAY`],
      POSITIVE_MS,
      TRACING_DEFAULTS.scheduledDelayMs,
    ),
    exportTimeoutMs: int(
      options.exportTimeoutMs,
      `${optionPrefix}exportTimeoutMs`,
      env,
      [`${envPrefix}_EXPORT_TIMEOUT`],
      POSITIVE_MS,
      TRACING_DEFAULTS.exportTimeoutMs,
    ),
  };
}

function resolveEndpoint(options: TracingOptions, env: Env): string {
  if (options.endpoint !== undefined) return parseUrl('options.endpoint', options.endpoint);
  const specific = envValue(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  if (specific !== undefined) return parseUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', specific);
  const base = envValue(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (base !== undefined) return signalUrl(parseUrl('OTEL_EXPORTER_OTLP_ENDPOINT', base), 'v1/traces');
  return TRACING_DEFAULTS.endpoint;
}

function resolveSampler(
  options: TracingOptions,
  env: Env,
  preset: PresetName | undefined,
): { sampler: SamplerName; samplerRatio: number } {
  // Without an explicit sampler, an OTELKIT_PRESET samples its ratio of new traces (parent-based).
  const fallback: SamplerName = preset === undefined ? TRACING_DEFAULTS.sampler : 'parentbased_traceidratio';
  const sampler =
    options.sampler !== undefined
      ? parseEnum('options.sampler', String(options.sampler), SAMPLERS)
      : ((s) => (s === undefined ? fallback : parseEnum('OTEL_TRACES_SAMPLER', s, SAMPLERS)))(
          envValue(env, 'OTEL_TRACES_SAMPLER'),
        );
  let samplerRatio: number =
    preset === undefined ? TRACING_DEFAULTS.samplerRatio : PRESETS[preset].tracesSamplerRatio;
  if (options.samplerRatio !== undefined)
    samplerRatio = parseRatio('options.samplerRatio', options.samplerRatio);
  else if (sampler.endsWith('traceidratio')) {
    const arg = envValue(env, 'OTEL_TRACES_SAMPLER_ARG');
    if (arg !== undefined) samplerRatio = parseRatio('OTEL_TRACES_SAMPLER_ARG', arg);
  }
  return { sampler, samplerRatio };
}

/**
 * Validates tracing options and the standard environment variables (options win over the
 * environment, which wins over {@link TRACING_DEFAULTS}).
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/
 * @param preset core's `OTELKIT_PRESET`, whose sampling ratio applies when no sampler is set
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the variable (or option) and the bad value.
 */
export function resolveTracingConfig(
  options: TracingOptions = {},
  env: Env = options.env ?? process.env,
  preset?: PresetName,
): TracingConfig {
  const headersFound = firstEnv(env, ['OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'OTEL_EXPORTER_OTLP_HEADERS']);
  const { maxQueueSize, maxExportBatchSize, scheduledDelayMs, exportTimeoutMs } = resolveBatch(
    options,
    env,
    'OTEL_BSP',
    '',
  );
  const protocol = firstEnv(env, ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']);
  if (protocol !== undefined && !['http/json', 'http/protobuf'].includes(protocol.raw.trim())) {
    invalid(protocol.name, protocol.raw, 'http/json or http/protobuf (otelkit exports OTLP over HTTP)');
  }
  const http = options.http === false ? false : { ...TRACING_DEFAULTS.http, ...options.http };
  return {
    exporters: list(
      options.exporters,
      'exporters',
      env,
      'OTEL_TRACES_EXPORTER',
      EXPORTERS,
      TRACING_DEFAULTS.exporters,
    ),
    endpoint: resolveEndpoint(options, env),
    headers:
      options.headers ??
      (headersFound === undefined
        ? {}
        : parseKeyValueList(headersFound.name, headersFound.raw, { headers: true })),
    timeoutMs: int(
      options.timeoutMs,
      'timeoutMs',
      env,
      ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT'],
      POSITIVE_MS,
      TRACING_DEFAULTS.timeoutMs,
    ),
    ...resolveSampler(options, env, preset),
    propagators: list(
      options.propagators,
      'propagators',
      env,
      'OTEL_PROPAGATORS',
      PROPAGATORS,
      TRACING_DEFAULTS.propagators,
    ),
    scheduledDelayMs,
    exportTimeoutMs,
    maxQueueSize,
    maxExportBatchSize,
    http,
    sensitiveQueryParameters: sensitiveQueryParameters(options, env),
    spanLimits: resolveSpanLimits(env),
    logs: resolveLogsConfig(options.logs, env),
  };
}
