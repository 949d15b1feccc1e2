import type { LogLevelName } from './types';

/** The one list of `OTEL_LOG_LEVEL` values (OpenTelemetry specification), quietest first. */
export const LOG_LEVELS: readonly LogLevelName[] = [
  'none',
  'error',
  'warn',
  'info',
  'debug',
  'verbose',
  'all',
];
