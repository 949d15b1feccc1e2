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

/** The lines `OTEL_LOG_LEVEL=debug` prints: what the preload configured, and why. No secret: endpoints without user-info, no header values or credentials. */
export function configurationSummary(
  core: ConfigResolution,
  tracing: Tracing | undefined,
  health: ResolvedHealthOptions | undefined,
  instrumentations: readonly string[],
  role: string,
): string[] {
  const { config } = core;
  const lines = [
    `service: ${config.serviceName}${config.serviceVersion === undefined ? '' : `@${config.serviceVersion}`} (${role}, pid ${process.pid})`,
    `metrics exporters: ${config.metricsExporters.join(', ')}${config.otlp.endpoint === undefined ? '' : `; OTLP ${hideUserinfo(config.otlp.endpoint)} every ${config.exportIntervalMs} ms`}`,
    `observability server: ${config.server ? `${config.host}:${config.port}${config.tls === undefined ? '' : ' (TLS)'}${config.auth === undefined ? '' : ` (${config.auth.type} auth)`}` : 'off'}`,
    `runtime metrics: ${config.runtimeMetrics ? config.runtimeMetricsNaming : 'off'}`,
  ];
  if (tracing !== undefined) {
    const c = tracing.config;
    lines.push(
      `traces exporters: ${c.exporters.join(', ')}${c.exporters.includes('otlp') ? ` -> ${hideUserinfo(c.endpoint)}` : ''}`,
    );
    lines.push(
      `logs exporters: ${c.logs.exporters.join(', ')}${c.logs.exporters.includes('otlp') ? ` -> ${hideUserinfo(c.logs.endpoint)} (${c.logs.protocol})` : ''}`,
    );
    lines.push(
      `sampler: ${c.sampler}${c.sampler.includes('ratio') ? ` (${c.samplerRatio})` : ''}; propagators: ${c.propagators.join(', ')}`,
    );
  }
  lines.push('instrumentations: http, https, fetch (always on)');
  for (const line of instrumentations) lines.push(`  ${line}`);
  const set = settingRows(core, tracing, health);
  if (set.length > 0) lines.push('settings not at their default:');
  for (const row of set) lines.push(`  ${row.key}=${showSettingValue(row.value)} (${row.name})`);
  return lines;
}
