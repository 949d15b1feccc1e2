// What @otelkit/register and the repository scripts share with this package beyond its public API:
// `@otelkit/tracing/internal` (package.json `exports`). Not for applications; no compatibility promise. At
// run time it is the same module instance as `@otelkit/tracing` (scripts/bundle.mjs).

// The public API too: this module is a superset of it, so a sibling file imports from one place.
export * from './index';
export { pinoSeverity } from './logs/log-record';
export type { LogsConfig, OtlpHttpProtocol } from './logs/logs-config';
export { LOGS_DEFAULTS, resolveLogsConfig } from './logs/logs-config';
export { LOGS_SETTINGS } from './logs/logs-settings';
export { TRACING_SETTINGS } from './settings';
