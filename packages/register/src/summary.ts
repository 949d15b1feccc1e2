import { hideUserinfo, type ResolvedConfig } from '@otelkit/core';
import type { Tracing } from '@otelkit/tracing';

/** The lines `OTEL_LOG_LEVEL=debug` prints: what the preload configured, and why. No secret: endpoints without user-info, no header values or credentials. */
export function configurationSummary(
  config: ResolvedConfig,
  tracing: Tracing | undefined,
  instrumentations: readonly string[],
  role: string,
): string[] {
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
  return lines;
}
