import { type Env, resolveSection } from '../settings';
import { defaultOf } from '../settings/define';
import { type CoreComposition, resolveCoreComposition } from './composition';
import { invalid } from './parse';
import { PRESETS } from './presets';
import { CORE_SETTINGS, PRESET_SETTINGS } from './settings';
import type { ResolvedConfig, TelemetryOptions } from './types';

const S = CORE_SETTINGS;

/** Core's defaults, read from its settings (the one place they are written). */
export const DEFAULTS = {
  serviceName: defaultOf(S.serviceName),
  logLevel: defaultOf(S.logLevel),
  host: defaultOf(S.host),
  port: defaultOf(S.port),
  exportIntervalMs: defaultOf(S.exportIntervalMs),
  exportTimeoutMs: defaultOf(S.exportTimeoutMs),
  otlpTimeoutMs: defaultOf(S.otlpTimeoutMs),
  temporality: defaultOf(S.otlpTemporality),
  cardinalityLimit: defaultOf(S.cardinalityLimit),
  runtimeMetrics: defaultOf(S.runtimeMetrics),
  runtimeMetricsNaming: defaultOf(S.runtimeMetricsNaming),
  server: defaultOf(S.server),
  requestTimeoutMs: defaultOf(S.requestTimeoutMs),
  shutdownTimeoutMs: defaultOf(S.shutdownTimeoutMs),
  operatorApi: defaultOf(S.operatorApi),
} as const;

/** The result of {@link resolveConfig}: the configuration and warnings to log once diag is set up. */
export interface ConfigResolution {
  readonly config: ResolvedConfig;
  readonly warnings: readonly string[];
  /** Every setting of {@link CORE_SETTINGS} (and the preset) by key, as resolved: for `check-config` and the debug summary. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** The options' objects (`metricReaders`, `resource`, `resourceDetectors`), validated. */
  readonly composition: CoreComposition;
}

/**
 * Validates options and environment and resolves core's settings ({@link CORE_SETTINGS}) with the one
 * resolver: options override environment variables, which override the preset's and the defaults.
 * The result is frozen; `register()` resolves it once and hands it to `startTelemetry`.
 * @param optionName how an option is named in errors and provenance (default `options.<path>`;
 *   `register()` names the `OTELKIT_CONFIG` file for options read from it)
 *
 * @throws OtelkitError with code `OTELKIT_ERR_INVALID_CONFIG` and a one-line message naming the
 *   setting and the bad value.
 */
export function resolveConfig(
  options: TelemetryOptions = {},
  env: Env = options.env ?? process.env,
  optionName?: (path: string) => string,
): ConfigResolution {
  const warnings: string[] = [];
  const presetSection = resolveSection(PRESET_SETTINGS, { options, env, warnings, optionName });
  const preset = presetSection.values.preset;
  const { values: v, sources } = resolveSection(CORE_SETTINGS, {
    options,
    env,
    preset,
    warnings,
    optionName,
  });
  const composition = resolveCoreComposition(options, optionName);

  let exportTimeoutMs = v.exportTimeoutMs;
  if (exportTimeoutMs > v.exportIntervalMs) {
    if (sources.exportTimeoutMs?.source !== 'default') {
      invalid(
        sources.exportTimeoutMs?.name ?? 'OTEL_METRIC_EXPORT_TIMEOUT',
        exportTimeoutMs,
        `at most the export interval (${v.exportIntervalMs})`,
      );
    }
    exportTimeoutMs = v.exportIntervalMs;
  }
  if (
    preset !== undefined &&
    PRESETS[preset].authRequired &&
    v.server &&
    !v.disabled &&
    v.auth === undefined
  ) {
    invalid(
      'OTELKIT_PRESET',
      preset,
      'credentials for the observability server with this preset: OTELKIT_AUTH_USERNAME and OTELKIT_AUTH_PASSWORD, or OTELKIT_AUTH_TOKEN (or OTELKIT_SERVER=false)',
    );
  }
  const config: ResolvedConfig = {
    preset,
    disabled: v.disabled,
    serviceName: v.serviceName,
    serviceVersion: v.serviceVersion,
    environment: v.environment,
    resourceAttributes: v.resourceAttributes,
    logLevel: v.logLevel,
    metricsExporters: v.metricsExporters,
    otlp: {
      endpoint: v.otlpEndpoint,
      headers: v.otlpHeaders,
      timeoutMs: v.otlpTimeoutMs,
      temporality: v.otlpTemporality,
      protocol: v.otlpProtocol,
    },
    exportIntervalMs: v.exportIntervalMs,
    exportTimeoutMs,
    cardinalityLimit: v.cardinalityLimit,
    runtimeMetrics: v.runtimeMetrics,
    runtimeMetricsNaming: v.runtimeMetricsNaming,
    server: v.server,
    host: v.host,
    port: v.port,
    requestTimeoutMs: v.requestTimeoutMs,
    auth: v.auth,
    tls: v.tls,
    operatorApi: v.operatorApi,
    shutdownTimeoutMs: v.shutdownTimeoutMs,
    configFile: v.configFile,
    existingProviders: v.existingProviders,
    sources: Object.freeze({ ...presetSection.sources, ...sources }),
  };
  const settings = Object.freeze({ ...presetSection.values, ...v, exportTimeoutMs });
  return { config: Object.freeze(config), warnings, settings, composition };
}
