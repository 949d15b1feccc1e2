export { startTelemetry } from './telemetry';
export type { Telemetry } from './telemetry';
export { resolveConfig, DEFAULTS, signalUrl } from './config/resolve';
export type { ConfigResolution } from './config/resolve';
export type {
  TelemetryOptions,
  ResolvedConfig,
  MetricsExporterName,
  LogLevelName,
  TemporalityPreference,
  RuntimeMetricsNaming,
  ServerAuth,
  ServerTls,
  OtlpOptions,
  SettingSource,
} from './config/types';
export {
  INVALID_CONFIG,
  invalid,
  parseBoolean,
  parseEnum,
  parseEnumList,
  parseInteger,
  parseKeyValueList,
  parseUrl,
  checkInteger,
} from './config/parse';
export type { IntegerBounds } from './config/parse';
export { OtelkitError, isOtelkitError } from './errors';
export { buildResource } from './resource';
export { VERSION } from './version';
export { setDiagLogLevel } from './diag-logger';
export { withTimeout } from './timeout';

export { GuardedMeterProvider } from './meter/provider';
export { asOtelkitMeter } from './meter/wrap';
export type { OtelkitMeter } from './meter/meter';
export type { OtelkitCounter, OtelkitUpDownCounter, OtelkitGauge, OtelkitHistogram } from './meter/instruments';
export type { BoundCounter, BoundUpDownCounter, BoundGauge, BoundHistogram } from './meter/bound';
export { SECONDS_BUCKETS } from './meter/buckets';
export { OVERFLOW_ATTRIBUTES } from './meter/guard';

export { createOperationMonitor } from './monitor/monitor';
export type { OperationMonitor, OperationMonitorOptions, OperationHandle } from './monitor/monitor';
export { errorType } from './monitor/error-type';

export { ExportStats } from './self/export-stats';
export type { Signal } from './self/export-stats';

export { createObservabilityServer } from './server/server';
export type { ObservabilityServer, ServerAddress } from './server/server';
export { SERVER_DEFAULTS } from './server/options';
export type { ObservabilityServerOptions, ServerAuthOptions, ServerTlsOptions } from './server/options';
export type { RouteRegistry, RouteHandler, RouteOptions, RouteRequest } from './server/route';

export { serializeMetrics } from './prometheus/serializer';
export type { SerializeOptions } from './prometheus/serializer';
export {
  negotiateFormat,
  contentTypeFor,
  PROMETHEUS_CONTENT_TYPE,
  OPENMETRICS_CONTENT_TYPE,
} from './prometheus/content-type';
export type { ExpositionFormat } from './prometheus/content-type';
export { toPrometheusMetricName, toPrometheusLabelName } from './prometheus/naming';
export type { MetricKind, PrometheusMetricName } from './prometheus/naming';
export type { ExemplarLike } from './prometheus/exemplars';
export { toJsonSnapshot } from './snapshot/snapshot';
export { histogramQuantile } from './snapshot/quantile';
export type { QuantileInput } from './snapshot/quantile';
export type {
  MetricsSnapshot,
  MetricSnapshot,
  NumberPointSnapshot,
  HistogramPointSnapshot,
  BucketSnapshot,
  SnapshotAttributes,
  SnapshotAttributeValue,
} from './snapshot/types';

export { startRuntimeMetrics } from './runtime/runtime-metrics';
export type { RuntimeMetricsHandle } from './runtime/runtime-metrics';
export type { RuntimeMetricsOptions } from './runtime/options';
