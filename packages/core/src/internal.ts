// What the otelkit packages share beyond the public API: `@otelkit/core/internal` (package.json `exports`).
// Not for applications; no compatibility promise. It re-exports the public index, so a sibling file
// imports from one place. At run time it is the same module instance as `@otelkit/core`: the bundle of
// src/index.ts carries this namespace as `__internal` and dist/internal.js hands it out (scripts/bundle.mjs).

export { checkExistingGlobals } from './coexist';
export type { ConfigModuleOptions } from './config/config-module';
export { loadConfigModule } from './config/config-module';
export { LOG_LEVELS } from './config/log-levels';
export type { IntegerBounds, KeyValueListOptions } from './config/parse';
export {
  checkInteger,
  HIDDEN,
  hideListValues,
  hideUserinfo,
  INVALID_CONFIG,
  invalid,
  parseBoolean,
  parseEnum,
  parseEnumList,
  parseInteger,
  parseKeyValueList,
  parseUrl,
} from './config/parse';
export type { Preset } from './config/presets';
export { PRESET_NAMES, PRESETS } from './config/presets';
export type { ConfigResolution } from './config/resolve';
export { DEFAULTS, resolveConfig } from './config/resolve';
export { SERVER_DEFAULTS } from './config/server-settings';
export { CORE_SETTINGS, DEFAULT_CARDINALITY_LIMIT, PRESET_SETTINGS } from './config/settings';
export type { SettingSource } from './config/types';
export { setDiagLogLevel } from './diag-logger';
export { formatMessage, otelkitError } from './error-codes';
export { ExemplarStore, exemplars } from './exemplars/store';
export type { GaugeMetric } from './export/gauge-metrics';
export { gaugeMetrics } from './export/gauge-metrics';
export { LocalMetricProducer } from './export/local-producer';
export type { MetricsData } from './export/metrics-data';
export { fromMetricsData, toMetricsData } from './export/metrics-data';
export type { PeerMetrics } from './export/metrics-endpoint';
export { addPeerMetrics } from './export/metrics-endpoint';
export { unlessUnreachable } from './export/unless-unreachable';
export { withAttributes } from './export/with-attributes';
export {
  histogramQuantile,
  serializeMetrics,
  toJsonSnapshot,
  toPrometheusLabelName,
  toPrometheusMetricName,
} from './exposition';
// The public API too (each name listed: add it here when index.ts gains one): this module is a
// superset of it, so a sibling file imports from one place.
export type {
  AppMetricsOptions,
  BoundCounter,
  BoundGauge,
  BoundHistogram,
  BoundUpDownCounter,
  ErrorCode,
  ErrorCodeName,
  ExistingProviders,
  ExpositionFormat,
  FastifyInstanceLike,
  FastifyMetricsHandler,
  FastifyReplyLike,
  FastifyRequestLike,
  FetchMetricsHandler,
  LogLevelName,
  MetricsExporterName,
  MetricsSnapshot,
  NodeMetricsHandler,
  ObservabilityServer,
  OperationHandle,
  OperationMonitor,
  OperationMonitorOptions,
  OperatorApiMode,
  OtelkitCounter,
  OtelkitGauge,
  OtelkitHistogram,
  OtelkitMeter,
  OtelkitUpDownCounter,
  OtlpOptions,
  PresetName,
  ResolvedConfig,
  RouteHandler,
  RouteOptions,
  RouteRegistry,
  RouteRequest,
  RuntimeMetricsHandle,
  RuntimeMetricsNaming,
  RuntimeMetricsOptions,
  ServerAddress,
  ServerAuth,
  ServerTls,
  Telemetry,
  TelemetryOptions,
  TemporalityPreference,
} from './index';
export {
  asOtelkitMeter,
  createOperationMonitor,
  ERROR_CODES,
  isOtelkitError,
  metricsFastifyHandler,
  metricsFastifyPlugin,
  metricsFetchHandler,
  metricsHandler,
  OtelkitError,
  startRuntimeMetrics,
  startTelemetry,
  VERSION,
} from './index';
export { SECONDS_BUCKETS } from './meter/buckets';
export { OVERFLOW_ATTRIBUTES } from './meter/guard';
export { DEFAULT_BOUNDARIES } from './meter/local-histogram';
export { LocalInstrumentRegistry } from './meter/local-registry';
export { GuardedMeterProvider } from './meter/provider';
export { errorType } from './monitor/error-type';
export {
  contentTypeFor,
  negotiateFormat,
  OPENMETRICS_CONTENT_TYPE,
  PROMETHEUS_CONTENT_TYPE,
} from './prometheus/content-type';
export type { ExemplarLike } from './prometheus/exemplars';
export type { MetricKind, PrometheusMetricName } from './prometheus/naming';
export type { SerializeOptions } from './prometheus/serializer';
export { MAX_REDACT_LENGTH, redactString, truncateForRedaction } from './redact/redact-string';
export { isSecretKey, REDACTED } from './redact/secret-key';
export { readSettingsFile } from './reload/file';
export type { ReloadResult, ReloadTarget } from './reload/reloader';
export { logReload, Reloader } from './reload/reloader';
export { buildResource } from './resource';
export { RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES, RUNTIME_PROMETHEUS_NAMES } from './runtime/names';
export {
  INVALID_RUNTIME_METRICS_OPTION,
  OTEL_GC_DURATION_BUCKETS,
  PROM_CLIENT_GC_DURATION_BUCKETS,
  RUNTIME_METRICS_DEFAULTS,
} from './runtime/options';
export type { Signal } from './self/export-stats';
export { ExportStats } from './self/export-stats';
export {
  ATTR_CIRCUIT_BREAKER_NAME,
  ATTR_CIRCUIT_BREAKER_STATE,
  ATTR_CLUSTER_WORKER,
  ATTR_HEALTH_CHECK,
  ATTR_HEALTH_KIND,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_OPERATION,
  ATTR_OPERATION_STATUS,
} from './semconv/attributes';
export {
  eventLoopDelayMetricName,
  METRIC_CARDINALITY_LIMIT,
  METRIC_CIRCUIT_BREAKER_CALL_DURATION,
  METRIC_CIRCUIT_BREAKER_CALLS,
  METRIC_CIRCUIT_BREAKER_STATE,
  METRIC_CIRCUIT_BREAKER_TRANSITIONS,
  METRIC_CLUSTER_WORKERS,
  METRIC_EXPORTER_DROPPED,
  METRIC_EXPORTER_EXPORTS,
  METRIC_EXPORTER_LAST_SUCCESS_TIMESTAMP,
  METRIC_HEALTH_CHECK_DURATION,
  METRIC_HEALTH_STATUS,
  METRIC_HTTP_CLIENT_REQUEST_DURATION,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
  METRIC_NODEJS_EVENTLOOP_UTILIZATION,
  METRIC_NODEJS_MEMORY_EXTERNAL,
  METRIC_NODEJS_MEMORY_HEAP_LIMIT,
  METRIC_OVERFLOW_MEASUREMENTS,
  METRIC_PROCESS_CPU_TIME,
  METRIC_PROCESS_MEMORY_USAGE,
  METRIC_PROCESS_UPTIME,
  METRIC_V8JS_GC_DURATION,
  METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE,
  METRIC_V8JS_MEMORY_HEAP_USED,
  METRIC_V8JS_RESOURCE_ACTIVE,
  operationMetricNames,
} from './semconv/metrics';
export type { ObservabilityServerOptions, ServerAuthOptions, ServerTlsOptions } from './server/options';
export { createObservabilityServer } from './server/server';
export type {
  Env,
  OtlpHttpProtocol,
  OtlpSettings,
  OtlpSettingsOptions,
  OtlpSignal,
  Provenance,
  ResolvedSection,
  SecretKind,
  SectionInput,
  SectionValues,
  Setting,
  SettingContext,
  SettingKind,
  SettingSpec,
  SettingsSection,
} from './settings';
export {
  boolean as booleanSetting,
  defaultOf,
  defineSetting,
  docValue,
  envValue,
  firstEnv,
  host as hostSetting,
  integer as integerSetting,
  listOf as listSetting,
  MAX_TIMER_MS,
  OTLP_BASE_ENDPOINT,
  oneOf as oneOfSetting,
  optionAt,
  otlpSettings,
  POSITIVE_MS,
  resolveSection,
  signalUrl,
  text as textSetting,
} from './settings';
export type { SettingRow } from './settings/describe';
export { describeSettings, maskSetting, SHOWN_HIDDEN, showSettingValue } from './settings/describe';
export { RESOLVED } from './settings/resolved';
export type { QuantileInput } from './snapshot/quantile';
export type {
  BucketSnapshot,
  HistogramPointSnapshot,
  MetricSnapshot,
  NumberPointSnapshot,
  SnapshotAttributes,
  SnapshotAttributeValue,
} from './snapshot/types';
export { withTimeout } from './timeout';
