import type { Attributes } from '@opentelemetry/api';
import type { OperatorApiMode } from '../server/action-guard';
import type { ServerTlsOptions } from '../server/options';
import { checkTlsFiles } from '../server/tls';
import {
  checkInteger,
  HIDDEN,
  type IntegerBounds,
  invalid,
  parseBoolean,
  parseEnum,
  parseEnumList,
  parseHost,
  parseInteger,
  parseKeyValueList,
  parseUrl,
} from './parse';
import { PRESET_NAMES, PRESETS, type PresetName } from './presets';
import type {
  LogLevelName,
  MetricsExporterName,
  ResolvedConfig,
  RuntimeMetricsNaming,
  ServerAuth,
  ServerTls,
  SettingSource,
  TelemetryOptions,
  TemporalityPreference,
} from './types';

type Env = Readonly<Record<string, string | undefined>>;

/** Every default in one place. */
export const DEFAULTS = {
  serviceName: 'unknown_service:node',
  logLevel: 'info',
  host: '0.0.0.0',
  port: 9464,
  exportIntervalMs: 60_000,
  exportTimeoutMs: 30_000,
  otlpTimeoutMs: 10_000,
  temporality: 'cumulative',
  cardinalityLimit: 2000,
  runtimeMetrics: true,
  runtimeMetricsNaming: 'otel',
  server: true,
  requestTimeoutMs: 10_000,
  shutdownTimeoutMs: 5_000,
  operatorApi: 'auth',
} as const satisfies Record<string, string | number | boolean>;

const EXPORTERS: readonly MetricsExporterName[] = ['prometheus', 'otlp', 'console', 'none'];
const LOG_LEVELS: readonly LogLevelName[] = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'];
const TEMPORALITIES: readonly TemporalityPreference[] = ['cumulative', 'delta', 'lowmemory'];
const NAMINGS: readonly RuntimeMetricsNaming[] = ['otel', 'prom-client'];
const OPERATOR_API_MODES: readonly OperatorApiMode[] = ['auth', 'open'];
const MAX_TIMER_MS = 2_147_483_647;
const PORT: IntegerBounds = { min: 0, max: 65_535 };
const POSITIVE_MS: IntegerBounds = { min: 1, max: MAX_TIMER_MS };
const CARDINALITY: IntegerBounds = { min: 1, max: 10_000_000 };

/** A value from the environment: unset and empty (after trimming) both mean "not set", per the spec. */
function envValue(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

/** Resolves one setting after another, recording where each came from. */
class Resolver {
  readonly sources: Record<string, { source: SettingSource; name: string }> = {};
  readonly warnings: string[] = [];
  /** Defaults the preset replaces, by setting key. */
  presetDefaults: Partial<Record<string, unknown>> = {};
  presetName = '';

  constructor(readonly env: Env) {}

  take<T>(
    key: string,
    option: T | undefined,
    checkOption: (setting: string, value: T) => T,
    envNames: readonly string[],
    parse: (setting: string, raw: string) => T,
    fallback: T,
  ): T {
    if (option !== undefined) {
      this.sources[key] = { source: 'option', name: `options.${key}` };
      return checkOption(`options.${key}`, option);
    }
    for (const name of envNames) {
      const raw = envValue(this.env, name);
      if (raw !== undefined) {
        this.sources[key] = { source: 'environment', name };
        return parse(name, raw);
      }
    }
    if (key in this.presetDefaults) {
      this.sources[key] = { source: 'preset', name: `OTELKIT_PRESET=${this.presetName}` };
      return this.presetDefaults[key] as T;
    }
    this.sources[key] = { source: 'default', name: key };
    return fallback;
  }

  int(
    key: string,
    option: number | undefined,
    envNames: readonly string[],
    bounds: IntegerBounds,
    fallback: number,
  ) {
    return this.take(
      key,
      option,
      (s, v) => checkInteger(s, v, bounds),
      envNames,
      (s, raw) => parseInteger(s, raw, bounds),
      fallback,
    );
  }

  bool(key: string, option: boolean | undefined, envName: string, fallback: boolean): boolean {
    return this.take(key, option, checkBoolean, [envName], parseBoolean, fallback);
  }

  word<T extends string>(
    key: string,
    option: T | undefined,
    envNames: readonly string[],
    allowed: readonly T[],
    fallback: T,
  ) {
    return this.take(
      key,
      option,
      (s, v) => parseEnum(s, String(v), allowed),
      envNames,
      (s, raw) => parseEnum(s, raw, allowed),
      fallback,
    );
  }
}

function checkBoolean(setting: string, value: boolean): boolean {
  if (typeof value !== 'boolean') invalid(setting, value, 'true or false');
  return value;
}

function checkString(setting: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(setting, value, 'a non-empty string');
  return value;
}

/** {@link checkString} for a credential: the error line never shows it. */
function checkSecret(setting: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(setting, HIDDEN, 'a non-empty string');
  return value;
}

/** `OTEL_SDK_DISABLED` follows the specification: only "true" (any case) disables; other values warn. */
function parseSdkDisabled(env: Env, warnings: string[]): boolean | undefined {
  const raw = envValue(env, 'OTEL_SDK_DISABLED');
  if (raw === undefined) return undefined;
  const text = raw.trim().toLowerCase();
  if (text === 'true') return true;
  if (text !== 'false')
    warnings.push(`OTEL_SDK_DISABLED=${JSON.stringify(raw)} is not true or false; treated as false`);
  return false;
}

function resolveOtlpEndpoint(options: TelemetryOptions, r: Resolver): string | undefined {
  if (options.otlp?.endpoint !== undefined) {
    r.sources.otlpEndpoint = { source: 'option', name: 'options.otlp.endpoint' };
    return parseUrl('options.otlp.endpoint', options.otlp.endpoint);
  }
  const specific = envValue(r.env, 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT');
  if (specific !== undefined) {
    r.sources.otlpEndpoint = { source: 'environment', name: 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT' };
    return parseUrl('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', specific);
  }
  const base = envValue(r.env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (base !== undefined) {
    r.sources.otlpEndpoint = { source: 'environment', name: 'OTEL_EXPORTER_OTLP_ENDPOINT' };
    return signalUrl(parseUrl('OTEL_EXPORTER_OTLP_ENDPOINT', base), 'v1/metrics');
  }
  r.sources.otlpEndpoint = { source: 'default', name: 'otlpEndpoint' };
  return undefined;
}

/**
 * Appends a signal path to `OTEL_EXPORTER_OTLP_ENDPOINT`, as the specification says
 * (`http://collector:4318` -> `http://collector:4318/v1/traces`).
 */
export function signalUrl(base: string, path: string): string {
  return base.endsWith('/') ? `${base}${path}` : `${base}/${path}`;
}

function resolveAuth(options: TelemetryOptions, r: Resolver): ServerAuth | undefined {
  if (options.auth !== undefined) {
    r.sources.auth = { source: 'option', name: 'options.auth' };
    const a = options.auth;
    if (a.type === 'basic') {
      checkString('options.auth.username', a.username);
      // Not shown: a user name with ':' is often "user:password" pasted whole.
      if (a.username.includes(':')) invalid('options.auth.username', HIDDEN, 'a user name without ":"');
      checkSecret('options.auth.password', a.password);
    } else if (a.type === 'bearer') checkSecret('options.auth.token', a.token);
    else invalid('options.auth.type', (a as { type: unknown }).type, 'basic or bearer');
    return a;
  }
  const user = envValue(r.env, 'OTELKIT_AUTH_USERNAME');
  const password = envValue(r.env, 'OTELKIT_AUTH_PASSWORD');
  const token = envValue(r.env, 'OTELKIT_AUTH_TOKEN');
  if (token !== undefined && (user !== undefined || password !== undefined)) {
    invalid('OTELKIT_AUTH_TOKEN', '(set)', 'either a token or a user name and password, not both');
  }
  if (token !== undefined) {
    r.sources.auth = { source: 'environment', name: 'OTELKIT_AUTH_TOKEN' };
    return { type: 'bearer', token };
  }
  if (user !== undefined || password !== undefined) {
    if (user === undefined)
      invalid('OTELKIT_AUTH_USERNAME', '', 'a user name when OTELKIT_AUTH_PASSWORD is set');
    if (password === undefined)
      invalid('OTELKIT_AUTH_PASSWORD', '', 'a password when OTELKIT_AUTH_USERNAME is set');
    if (user.includes(':')) invalid('OTELKIT_AUTH_USERNAME', HIDDEN, 'a user name without ":"');
    r.sources.auth = { source: 'environment', name: 'OTELKIT_AUTH_USERNAME' };
    return { type: 'basic', username: user, password };
  }
  r.sources.auth = { source: 'default', name: 'auth' };
  return undefined;
}

/** Stops start-up when a TLS file is missing, unreadable or not PEM, naming the setting and the path. */
function usableTls(tls: ServerTls, prefix: string): ServerTls {
  const problem = checkTlsFiles(tls);
  if (problem !== undefined) {
    const setting = prefix === '' ? TLS_VARIABLES[problem.file] : `${prefix}${problem.file}`;
    invalid(setting, (tls as ServerTlsOptions)[problem.file], `a readable PEM file (${problem.reason})`);
  }
  return tls;
}

const TLS_VARIABLES = {
  certFile: 'OTELKIT_TLS_CERT_FILE',
  keyFile: 'OTELKIT_TLS_KEY_FILE',
  caFile: 'options.tls.caFile',
} as const;

function resolveTls(options: TelemetryOptions, r: Resolver): ServerTls | undefined {
  if (options.tls !== undefined) {
    r.sources.tls = { source: 'option', name: 'options.tls' };
    checkString('options.tls.certFile', options.tls.certFile);
    checkString('options.tls.keyFile', options.tls.keyFile);
    return usableTls(options.tls, 'options.tls.');
  }
  const certFile = envValue(r.env, 'OTELKIT_TLS_CERT_FILE');
  const keyFile = envValue(r.env, 'OTELKIT_TLS_KEY_FILE');
  if (certFile === undefined && keyFile === undefined) {
    r.sources.tls = { source: 'default', name: 'tls' };
    return undefined;
  }
  if (certFile === undefined)
    invalid('OTELKIT_TLS_CERT_FILE', '', 'a certificate file when OTELKIT_TLS_KEY_FILE is set');
  if (keyFile === undefined)
    invalid('OTELKIT_TLS_KEY_FILE', '', 'a key file when OTELKIT_TLS_CERT_FILE is set');
  r.sources.tls = { source: 'environment', name: 'OTELKIT_TLS_CERT_FILE' };
  return usableTls({ certFile, keyFile }, '');
}

function resolveResourceAttributes(options: TelemetryOptions, r: Resolver): Attributes {
  const raw = envValue(r.env, 'OTEL_RESOURCE_ATTRIBUTES');
  const fromEnv = raw === undefined ? {} : parseKeyValueList('OTEL_RESOURCE_ATTRIBUTES', raw);
  return { ...fromEnv, ...options.resourceAttributes };
}

/** The result of {@link resolveConfig}: the configuration and warnings to log once diag is set up. */
export interface ConfigResolution {
  readonly config: ResolvedConfig;
  readonly warnings: readonly string[];
}

/**
 * Validates options and environment and resolves the effective configuration:
 * options override environment variables, which override defaults.
 *
 * @throws OtelkitError with code `OTELKIT_ERR_INVALID_CONFIG` and a one-line message naming the
 *   setting and the bad value.
 */
export function resolveConfig(
  options: TelemetryOptions = {},
  env: Env = options.env ?? process.env,
): ConfigResolution {
  const r = new Resolver(env);
  const envDisabled = parseSdkDisabled(env, r.warnings);
  const disabled = r.take('disabled', options.disabled ?? envDisabled, checkBoolean, [], parseBoolean, false);
  if (options.disabled === undefined && envDisabled !== undefined) {
    r.sources.disabled = { source: 'environment', name: 'OTEL_SDK_DISABLED' };
  }

  const preset = r.take<PresetName | undefined>(
    'preset',
    options.preset,
    (name, v) => parseEnum(name, String(v), PRESET_NAMES),
    ['OTELKIT_PRESET'],
    (name, raw) => parseEnum(name, raw, PRESET_NAMES),
    undefined,
  );
  if (preset !== undefined) {
    const p = PRESETS[preset];
    r.presetName = preset;
    r.presetDefaults = { logLevel: p.logLevel, exportIntervalMs: p.exportIntervalMs };
  }

  const resourceAttributes = resolveResourceAttributes(options, r);
  const attrName = resourceAttributes['service.name'];
  const serviceName = r.take(
    'serviceName',
    options.serviceName,
    checkString,
    ['OTEL_SERVICE_NAME'],
    (s, raw) => checkString(s, raw.trim()),
    typeof attrName === 'string' && attrName !== '' ? attrName : DEFAULTS.serviceName,
  );
  const attrVersion = resourceAttributes['service.version'];
  const serviceVersion = r.take<string | undefined>(
    'serviceVersion',
    options.serviceVersion,
    (s, v) => checkString(s, v ?? ''),
    ['OTELKIT_SERVICE_VERSION', 'npm_package_version'],
    (_s, raw) => raw.trim(),
    typeof attrVersion === 'string' ? attrVersion : undefined,
  );
  const attrEnv = resourceAttributes['deployment.environment.name'];
  const environment = r.take<string | undefined>(
    'environment',
    options.environment,
    (s, v) => checkString(s, v ?? ''),
    ['OTELKIT_ENVIRONMENT', 'NODE_ENV'],
    (_s, raw) => raw.trim(),
    typeof attrEnv === 'string' ? attrEnv : undefined,
  );
  const logLevel = r.word('logLevel', options.logLevel, ['OTEL_LOG_LEVEL'], LOG_LEVELS, DEFAULTS.logLevel);

  const otlpEndpoint = resolveOtlpEndpoint(options, r);
  const otlpHeaders = r.take<Readonly<Record<string, string>>>(
    'otlpHeaders',
    options.otlp?.headers,
    (_s, v) => v,
    ['OTEL_EXPORTER_OTLP_METRICS_HEADERS', 'OTEL_EXPORTER_OTLP_HEADERS'],
    (name, raw) => parseKeyValueList(name, raw, { headers: true }),
    {},
  );
  const otlpTimeoutMs = r.int(
    'otlpTimeoutMs',
    options.otlp?.timeoutMs,
    ['OTEL_EXPORTER_OTLP_METRICS_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT'],
    POSITIVE_MS,
    DEFAULTS.otlpTimeoutMs,
  );
  const temporality = r.word(
    'otlpTemporality',
    options.otlp?.temporality,
    ['OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE'],
    TEMPORALITIES,
    DEFAULTS.temporality,
  );
  const protocol =
    envValue(env, 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL') ?? envValue(env, 'OTEL_EXPORTER_OTLP_PROTOCOL');
  if (protocol !== undefined && protocol.trim() !== 'http/json' && protocol.trim() !== 'http/protobuf') {
    invalid(
      envValue(env, 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL') !== undefined
        ? 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL'
        : 'OTEL_EXPORTER_OTLP_PROTOCOL',
      protocol,
      'http/json or http/protobuf (otelkit exports OTLP over HTTP)',
    );
  }

  const metricsExporters = r.take<readonly MetricsExporterName[]>(
    'metricsExporters',
    options.metricsExporters,
    (s, v) => parseEnumList(s, Array.isArray(v) ? v.join(',') : String(v), EXPORTERS),
    ['OTEL_METRICS_EXPORTER'],
    (s, raw) => parseEnumList(s, raw, EXPORTERS),
    otlpEndpoint === undefined ? ['prometheus'] : ['prometheus', 'otlp'],
  );
  if (metricsExporters.includes('none') && metricsExporters.length > 1) {
    const setting = r.sources.metricsExporters?.name ?? 'OTEL_METRICS_EXPORTER';
    invalid(setting, metricsExporters.join(','), '"none" alone, or a list without "none"');
  }

  const exportIntervalMs = r.int(
    'exportIntervalMs',
    options.exportIntervalMs,
    ['OTEL_METRIC_EXPORT_INTERVAL'],
    POSITIVE_MS,
    DEFAULTS.exportIntervalMs,
  );
  let exportTimeoutMs = r.int(
    'exportTimeoutMs',
    options.exportTimeoutMs,
    ['OTEL_METRIC_EXPORT_TIMEOUT'],
    POSITIVE_MS,
    DEFAULTS.exportTimeoutMs,
  );
  if (exportTimeoutMs > exportIntervalMs) {
    if (r.sources.exportTimeoutMs?.source !== 'default') {
      invalid(
        r.sources.exportTimeoutMs?.name ?? 'OTEL_METRIC_EXPORT_TIMEOUT',
        exportTimeoutMs,
        `at most the export interval (${exportIntervalMs})`,
      );
    }
    exportTimeoutMs = exportIntervalMs;
  }

  const auth = resolveAuth(options, r);
  const config: ResolvedConfig = {
    preset,
    disabled,
    serviceName,
    serviceVersion,
    environment,
    resourceAttributes,
    logLevel,
    metricsExporters,
    otlp: { endpoint: otlpEndpoint, headers: otlpHeaders, timeoutMs: otlpTimeoutMs, temporality },
    exportIntervalMs,
    exportTimeoutMs,
    cardinalityLimit: r.int(
      'cardinalityLimit',
      options.cardinalityLimit,
      ['OTELKIT_CARDINALITY_LIMIT'],
      CARDINALITY,
      DEFAULTS.cardinalityLimit,
    ),
    runtimeMetrics: r.bool(
      'runtimeMetrics',
      options.runtimeMetrics,
      'OTELKIT_RUNTIME_METRICS',
      DEFAULTS.runtimeMetrics,
    ),
    runtimeMetricsNaming: r.word(
      'runtimeMetricsNaming',
      options.runtimeMetricsNaming,
      ['OTELKIT_RUNTIME_METRICS_NAMING'],
      NAMINGS,
      DEFAULTS.runtimeMetricsNaming,
    ),
    server: r.bool('server', options.server, 'OTELKIT_SERVER', DEFAULTS.server),
    host: r.take('host', options.host, parseHost, ['OTELKIT_HOST'], parseHost, DEFAULTS.host),
    port: r.int('port', options.port, ['OTELKIT_PORT'], PORT, DEFAULTS.port),
    requestTimeoutMs: r.int(
      'requestTimeoutMs',
      options.requestTimeoutMs,
      ['OTELKIT_REQUEST_TIMEOUT_MS'],
      POSITIVE_MS,
      DEFAULTS.requestTimeoutMs,
    ),
    auth,
    tls: resolveTls(options, r),
    operatorApi: r.word(
      'operatorApi',
      options.operatorApi,
      ['OTELKIT_OPERATOR_API'],
      OPERATOR_API_MODES,
      DEFAULTS.operatorApi,
    ),
    shutdownTimeoutMs: r.int(
      'shutdownTimeoutMs',
      options.shutdownTimeoutMs,
      ['OTELKIT_SHUTDOWN_TIMEOUT_MS'],
      POSITIVE_MS,
      DEFAULTS.shutdownTimeoutMs,
    ),
    configFile: r.take<string | undefined>(
      'configFile',
      options.configFile,
      (name, v) => checkString(name, v ?? ''),
      ['OTELKIT_CONFIG_FILE'],
      (_name, raw) => raw.trim(),
      undefined,
    ),
    sources: r.sources,
  };
  if (
    preset !== undefined &&
    PRESETS[preset].authRequired &&
    config.server &&
    !config.disabled &&
    auth === undefined
  ) {
    invalid(
      'OTELKIT_PRESET',
      preset,
      'credentials for the observability server with this preset: OTELKIT_AUTH_USERNAME and OTELKIT_AUTH_PASSWORD, or OTELKIT_AUTH_TOKEN (or OTELKIT_SERVER=false)',
    );
  }
  return { config, warnings: r.warnings };
}
