import type { Attributes } from '@opentelemetry/api';
import { defineSetting } from '../settings/define';
import { envValue } from '../settings/env';
import { boolean, integer, listOf, oneOf, POSITIVE_MS, type SettingKind, text } from '../settings/kinds';
import { otlpSettings } from '../settings/otlp';
import type { SettingContext } from '../settings/setting';
import { LOG_LEVELS } from './log-levels';
import { type IntegerBounds, invalid, parseKeyValueList } from './parse';
import { PRESET_NAMES, type PresetName } from './presets';
import { SERVER_SETTINGS } from './server-settings';
import type {
  ExistingProviders,
  LogLevelName,
  MetricsExporterName,
  RuntimeMetricsNaming,
  TemporalityPreference,
} from './types';

const OWNER = '@otelkit/core';
const EXPORTERS: readonly MetricsExporterName[] = ['prometheus', 'otlp', 'console', 'none'];
const TEMPORALITIES: readonly TemporalityPreference[] = ['cumulative', 'delta', 'lowmemory'];
const EXISTING: readonly ExistingProviders[] = ['refuse', 'separate'];
const NAMINGS: readonly RuntimeMetricsNaming[] = ['otel', 'prom-client'];
const CARDINALITY: IntegerBounds = { min: 1, max: 10_000_000 };

/** The one default of the cardinality limit (attribute sets per instrument before the overflow series). */
export const DEFAULT_CARDINALITY_LIMIT = 2000;

/** A string option, or a variable's trimmed text (an empty option is an error). */
const optionalText: SettingKind<string | undefined> = {
  parse: (_name, raw) => raw.trim(),
  check: (name, value) => text.check(name, value ?? ''),
};

const attributes: SettingKind<Attributes> = {
  parse: (name, raw) => parseKeyValueList(name, raw),
  check: (name, value) => {
    if (typeof value !== 'object' || value === null) invalid(name, value, 'an object of attributes');
    return value as Attributes;
  },
};

/** A resource attribute (from `OTEL_RESOURCE_ATTRIBUTES` or the option) as a default. */
function attribute(context: SettingContext, key: string): string | undefined {
  const value = (context.values.resourceAttributes as Attributes | undefined)?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `OTELKIT_PRESET`, resolved before the rest of core's section (its defaults depend on it). */
export const PRESET_SETTINGS = {
  preset: defineSetting<PresetName | undefined>({
    option: 'preset',
    env: ['OTELKIT_PRESET'],
    kind: oneOf(PRESET_NAMES),
    default: undefined,
    doc: '`development`, `staging` or `production`: coherent defaults (table below); explicit settings win',
    owner: OWNER,
  }),
};

const otlp = otlpSettings('metrics', {
  optionPrefix: 'otlp.',
  protocolOption: false,
  defaultEndpoint: undefined,
  owner: OWNER,
  protocolDoc:
    'otelkit exports OTLP/HTTP with JSON bodies; `http/json` and `http/protobuf` are accepted (both are sent as JSON), `grpc` is refused',
});

/**
 * Core's settings, declared once (option, variables, kind, default, preset, doc), in resolution order.
 * `resolveConfig` resolves them with the one resolver; the README table and `otelkit check-config` are
 * generated from them.
 */
export const CORE_SETTINGS = {
  disabled: defineSetting({
    option: 'disabled',
    env: ['OTEL_SDK_DISABLED'],
    kind: boolean,
    default: false,
    // The specification: only "true" (any case) disables; other values warn and count as false.
    read: ({ env, warn }) => {
      const raw = envValue(env, 'OTEL_SDK_DISABLED');
      if (raw === undefined) return undefined;
      const text = raw.trim().toLowerCase();
      if (text !== 'true' && text !== 'false') {
        warn(`OTEL_SDK_DISABLED=${JSON.stringify(raw)} is not true or false; treated as false`);
      }
      return { name: 'OTEL_SDK_DISABLED', value: text === 'true' };
    },
    doc: '`true` turns otelkit off: no server, no export, no-op instruments',
    owner: OWNER,
  }),
  resourceAttributes: defineSetting<Attributes>({
    option: 'resourceAttributes',
    env: ['OTEL_RESOURCE_ATTRIBUTES'],
    kind: attributes,
    default: {},
    merge: (fromOption, fromEnv) => ({ ...fromEnv, ...fromOption }),
    doc: 'extra resource attributes, `key=value,…` (percent-encoded values); the option is merged over it',
    owner: OWNER,
  }),
  serviceName: defineSetting({
    option: 'serviceName',
    env: ['OTEL_SERVICE_NAME'],
    kind: text,
    default: (context) => attribute(context, 'service.name') ?? 'unknown_service:node',
    defaultDoc: '`service.name` from `OTEL_RESOURCE_ATTRIBUTES`, else `unknown_service:node`',
    doc: '`service.name`',
    owner: OWNER,
  }),
  serviceVersion: defineSetting({
    option: 'serviceVersion',
    env: ['OTELKIT_SERVICE_VERSION', 'npm_package_version'],
    kind: optionalText,
    default: (context) => attribute(context, 'service.version'),
    defaultDoc: '`npm_package_version`',
    doc: '`service.version`',
    owner: OWNER,
  }),
  environment: defineSetting({
    option: 'environment',
    env: ['OTELKIT_ENVIRONMENT', 'NODE_ENV'],
    kind: optionalText,
    default: (context) => attribute(context, 'deployment.environment.name'),
    defaultDoc: '`NODE_ENV`',
    doc: '`deployment.environment.name`',
    owner: OWNER,
  }),
  logLevel: defineSetting<LogLevelName>({
    option: 'logLevel',
    env: ['OTEL_LOG_LEVEL'],
    kind: oneOf(LOG_LEVELS),
    default: 'info',
    preset: 'logLevel',
    reload: true,
    doc: "otelkit's diagnostic log (stderr): `none`, `error`, `warn`, `info`, `debug`, `verbose`, `all`",
    owner: OWNER,
  }),
  otlpEndpoint: otlp.endpoint,
  otlpHeaders: otlp.headers,
  otlpTimeoutMs: otlp.timeoutMs,
  otlpProtocol: otlp.protocol,
  otlpTemporality: defineSetting<TemporalityPreference>({
    option: 'otlp.temporality',
    env: ['OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE'],
    kind: oneOf(TEMPORALITIES),
    default: 'cumulative',
    doc: '`cumulative`, `delta` or `lowmemory`',
    owner: OWNER,
  }),
  metricsExporters: defineSetting<readonly MetricsExporterName[]>({
    option: 'metricsExporters',
    env: ['OTEL_METRICS_EXPORTER'],
    kind: listOf(EXPORTERS),
    default: ({ values }) => (values.otlpEndpoint === undefined ? ['prometheus'] : ['prometheus', 'otlp']),
    defaultDoc: '`prometheus` (plus `otlp` when an OTLP endpoint is set)',
    doc: 'comma list of `prometheus`, `otlp`, `console`, `none`',
    owner: OWNER,
  }),
  exportIntervalMs: defineSetting({
    option: 'exportIntervalMs',
    env: ['OTEL_METRIC_EXPORT_INTERVAL'],
    kind: integer(POSITIVE_MS),
    default: 60_000,
    preset: 'exportIntervalMs',
    doc: 'ms between OTLP/console pushes',
    owner: OWNER,
  }),
  exportTimeoutMs: defineSetting({
    option: 'exportTimeoutMs',
    env: ['OTEL_METRIC_EXPORT_TIMEOUT'],
    kind: integer(POSITIVE_MS),
    default: 30_000,
    defaultDoc: '`30000` (at most the interval)',
    doc: 'ms for one push',
    owner: OWNER,
  }),
  cardinalityLimit: defineSetting({
    option: 'cardinalityLimit',
    env: ['OTELKIT_CARDINALITY_LIMIT'],
    kind: integer(CARDINALITY),
    default: DEFAULT_CARDINALITY_LIMIT,
    doc: 'attribute sets per instrument before the overflow series',
    owner: OWNER,
  }),
  runtimeMetrics: defineSetting({
    option: 'runtimeMetrics',
    env: ['OTELKIT_RUNTIME_METRICS'],
    kind: boolean,
    default: true,
    doc: 'runtime metrics on/off',
    owner: OWNER,
  }),
  runtimeMetricsNaming: defineSetting<RuntimeMetricsNaming>({
    option: 'runtimeMetricsNaming',
    env: ['OTELKIT_RUNTIME_METRICS_NAMING'],
    kind: oneOf(NAMINGS),
    default: 'otel',
    doc: "`otel` (semantic conventions) or `prom-client` (prom-client's names)",
    owner: OWNER,
  }),
  ...SERVER_SETTINGS,
  shutdownTimeoutMs: defineSetting({
    option: 'shutdownTimeoutMs',
    env: ['OTELKIT_SHUTDOWN_TIMEOUT_MS'],
    kind: integer(POSITIVE_MS),
    default: 5_000,
    doc: 'deadline of each shutdown step, and of the whole telemetry flush',
    owner: OWNER,
  }),
  configFile: defineSetting({
    option: 'configFile',
    env: ['OTELKIT_CONFIG_FILE'],
    kind: optionalText,
    default: undefined,
    doc: 'a YAML or JSON file of settings that change at run time (below); re-read on SIGHUP and when it changes',
    owner: OWNER,
  }),
  existingProviders: defineSetting<ExistingProviders>({
    option: 'existingProviders',
    env: ['OTELKIT_EXISTING_PROVIDERS'],
    kind: oneOf(EXISTING),
    default: 'refuse',
    doc: 'when a global MeterProvider, TracerProvider or propagator was registered before otelkit: `refuse` (otelkit does not start, one line says why) or `separate` (otelkit runs its own pipeline beside it; telemetry recorded through the global API goes to the first one)',
    owner: OWNER,
  }),
};
