export type { TracingConfig } from './config';
export { resolveTracingConfig, TRACING_DEFAULTS } from './config';
export type { CorrelationScope } from './correlation/context';
export {
  CORRELATION_KEY,
  getCorrelationAttributes,
  getCorrelationId,
  withCorrelation,
} from './correlation/context';
export { isValidCorrelationId, MAX_CORRELATION_ID_LENGTH, newCorrelationId } from './correlation/id';
export { setHttpRoute } from './http/request-state';
export type { LogCorrelationFields } from './logs/fields';
export { logCorrelationFields } from './logs/fields';
export type { CreateLoggerOptions } from './logs/logger';
export { createLogger, otelkitPinoOptions } from './logs/logger';
export type { LogsExporterName, LogsOptions } from './logs/logs-config';
export type {
  HttpInstrumentationOptions,
  PropagatorName,
  SamplerName,
  TracesExporterName,
  TracingOptions,
  TracingTelemetry,
} from './options';
export { isSecretKey, REDACTED, redactString, redactValue } from './redact/redact';
export type { TracedOptions } from './traced';
export { Traced, traced } from './traced';
export type { Tracing } from './tracing';
export { startTracing } from './tracing';
export { VERSION } from './version';
