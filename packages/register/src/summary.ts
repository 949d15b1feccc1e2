import {
  CORE_SETTINGS,
  type ConfigResolution,
  describeSettings,
  hideUserinfo,
  PRESET_SETTINGS,
  type SettingRow,
  showSettingValue,
} from '@otelkit/core/internal';
import { HEALTH_SETTINGS, type ResolvedHealthOptions } from '@otelkit/health/internal';
import { LOGS_SETTINGS, TRACING_SETTINGS, type Tracing } from '@otelkit/tracing/internal';

/**
 * Every setting of the composed sections, from the schema: the ones not at their default are listed
 * with where they came from (secrets hidden as their declaration says).
 */
function settingRows(
  core: ConfigResolution,
  tracing: Tracing | undefined,
  health: ResolvedHealthOptions | undefined,
): SettingRow[] {
  const rows = describeSettings({ ...PRESET_SETTINGS, ...CORE_SETTINGS }, core.settings, core.config.sources);
  if (tracing !== undefined) {
    const { settings, sources } = tracing.config;
    const traced = [
      ...describeSettings(TRACING_SETTINGS, settings, sources),
      ...describeSettings(LOGS_SETTINGS, settings, sources, 'logs.'),
    ];
    rows.push(...traced.map((row) => ({ ...row, key: `tracing.${row.key}` })));
  }
  if (health !== undefined) {
    const values = health as unknown as Readonly<Record<string, unknown>>;
    const rowsOfHealth = describeSettings(HEALTH_SETTINGS, values, health.sources);
    rows.push(...rowsOfHealth.map((row) => ({ ...row, key: `health.${row.key}` })));
  }
  return rows.filter((row) => row.source !== 'default');
}

/** `2 metric readers (options.metricReaders)`, or `undefined` for none. */
function count(n: number, what: string, from: string): string | undefined {
  return n === 0 ? undefined : `${n} ${what}${n === 1 ? '' : 's'} (${from})`;
}

/** Where tracing's composition option came from (the top level or `tracing.`). */
function sourceName(tracing: Tracing | undefined, key: string, optionName: (path: string) => string): string {
  return tracing?.config.sources[key]?.name ?? optionName(key);
}

/** The lines `OTEL_LOG_LEVEL=debug` prints: what the preload configured, and why. No secret: endpoints without user-info, no header values or credentials. */
export function configurationSummary(
  core: ConfigResolution,
  tracing: Tracing | undefined,
  health: ResolvedHealthOptions | undefined,
  instrumentations: readonly string[],
  role: string,
  optionName: (path: string) => string = (path) => `options.${path}`,
): string[] {
  const { config, composition } = core;
  const lines = [
    `service: ${config.serviceName}${config.serviceVersion === undefined ? '' : `@${config.serviceVersion}`} (${role}, pid ${process.pid})`,
    `metrics exporters: ${config.metricsExporters.join(', ')}${config.otlp.endpoint === undefined ? '' : `; OTLP ${hideUserinfo(config.otlp.endpoint)} every ${config.exportIntervalMs} ms`}`,
    `observability server: ${config.server ? `${config.host}:${config.port}${config.tls === undefined ? '' : ' (TLS)'}${config.auth === undefined ? '' : ` (${config.auth.type} auth)`}` : 'off'}`,
    `runtime metrics: ${config.runtimeMetrics ? config.runtimeMetricsNaming : 'off'}`,
  ];
  const objects = [
    count(composition.metricReaders.length, 'metric reader', optionName('metricReaders')),
    count(composition.resourceDetectors.length, 'resource detector', optionName('resourceDetectors')),
    count(composition.resource === undefined ? 0 : 1, 'resource', optionName('resource')),
    count(
      tracing?.config.spanProcessors.length ?? 0,
      'span processor',
      sourceName(tracing, 'spanProcessors', optionName),
    ),
  ].filter((text) => text !== undefined);
  if (objects.length > 0) lines.push(`yours: ${objects.join(', ')}`);
  if (tracing !== undefined) {
    const c = tracing.config;
    lines.push(
      `traces exporters: ${c.exporters.join(', ')}${c.exporters.includes('otlp') ? ` -> ${hideUserinfo(c.endpoint)}` : ''}`,
    );
    lines.push(
      `logs exporters: ${c.logs.exporters.join(', ')}${c.logs.exporters.includes('otlp') ? ` -> ${hideUserinfo(c.logs.endpoint)} (${c.logs.protocol})` : ''}`,
    );
    const sampler =
      typeof c.sampler === 'string' ? c.sampler : `${String(c.sampler)} (${c.sources.sampler?.name})`;
    const propagators = c.propagators.map((p) => (typeof p === 'string' ? p : p.constructor.name));
    lines.push(
      `sampler: ${sampler}${typeof c.sampler === 'string' && c.sampler.includes('ratio') ? ` (${c.samplerRatio})` : ''}; propagators: ${propagators.join(', ')}`,
    );
  }
  lines.push('instrumentations: http, https, fetch (always on)');
  for (const line of instrumentations) lines.push(`  ${line}`);
  const set = settingRows(core, tracing, health);
  if (set.length > 0) lines.push('settings not at their default:');
  for (const row of set) lines.push(`  ${row.key}=${showSettingValue(row.value)} (${row.name})`);
  return lines;
}
