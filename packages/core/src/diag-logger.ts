import { DiagConsoleLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import type { LogLevelName } from './config/types';

const LEVELS: Record<LogLevelName, DiagLogLevel> = {
  none: DiagLogLevel.NONE,
  error: DiagLogLevel.ERROR,
  warn: DiagLogLevel.WARN,
  info: DiagLogLevel.INFO,
  debug: DiagLogLevel.DEBUG,
  verbose: DiagLogLevel.VERBOSE,
  all: DiagLogLevel.ALL,
};

/**
 * Routes OpenTelemetry's diagnostic log (and so otelkit's) to stderr at the configured
 * `OTEL_LOG_LEVEL`. The console logger writes `console.error`/`console.warn`, never stdout.
 */
export function setDiagLogLevel(level: LogLevelName): void {
  diag.setLogger(new DiagConsoleLogger(), { logLevel: LEVELS[level], suppressOverrideMessage: true });
}
