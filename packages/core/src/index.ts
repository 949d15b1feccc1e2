// The public API of @otelkit/core: what an application calls. What the sibling otelkit packages share
// beyond it (settings schema, serialisation, semantic-convention names, redaction, ...) is exported from
// `@otelkit/core/internal` (src/internal.ts); packages/core/test/public-api.test.ts keeps this list from growing.

// `/metrics` on the app's own server
export type {
  FastifyInstanceLike,
  FastifyMetricsHandler,
  FastifyReplyLike,
  FastifyRequestLike,
} from './app-metrics/fastify';
export { metricsFastifyHandler, metricsFastifyPlugin } from './app-metrics/fastify';
export type { FetchMetricsHandler } from './app-metrics/fetch';
export { metricsFetchHandler } from './app-metrics/fetch';
export type { NodeMetricsHandler } from './app-metrics/node';
export { metricsHandler } from './app-metrics/node';
export type { AppMetricsOptions } from './app-metrics/responder';
export type { PresetName } from './config/presets';
// Start-up and the running telemetry
export type {
  ExistingProviders,
  LogLevelName,
  MetricsExporterName,
  OtlpOptions,
  ResolvedConfig,
  RuntimeMetricsNaming,
  ServerAuth,
  ServerTls,
  TelemetryOptions,
  TemporalityPreference,
} from './config/types';
// Errors
export type { ErrorCode, ErrorCodeName } from './error-codes';
export { ERROR_CODES } from './error-codes';
export { isOtelkitError, OtelkitError } from './errors';
export type { BoundCounter, BoundGauge, BoundHistogram, BoundUpDownCounter } from './meter/bound';
export type {
  OtelkitCounter,
  OtelkitGauge,
  OtelkitHistogram,
  OtelkitUpDownCounter,
} from './meter/instruments';
export type { OtelkitMeter } from './meter/meter';
export { asOtelkitMeter } from './meter/wrap';
// The operation monitor and otelkit meters
export type { OperationHandle, OperationMonitor, OperationMonitorOptions } from './monitor/monitor';
export { createOperationMonitor } from './monitor/monitor';
export type { ExpositionFormat } from './prometheus/content-type';
// Runtime metrics
export type { RuntimeMetricsOptions } from './runtime/options';
export type { RuntimeMetricsHandle } from './runtime/runtime-metrics';
export { startRuntimeMetrics } from './runtime/runtime-metrics';
// The observability server (`telemetry.server`) and what it serves
export type { OperatorApiMode } from './server/action-guard';
export type { RouteHandler, RouteOptions, RouteRegistry, RouteRequest } from './server/route';
export type { ObservabilityServer, ServerAddress } from './server/server';
export type { MetricsSnapshot } from './snapshot/types';
export type { Telemetry } from './telemetry';
export { startTelemetry } from './telemetry';
export { VERSION } from './version';
