import { format } from 'node:util';
import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
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

function line(message: string, ...args: unknown[]): void {
  process.stderr.write(`${format(message, ...args)}\n`);
}

/**
 * Every level to stderr: the upstream console logger sends info and debug to stdout, where they would
 * mix with the app's own output (and its JSON logs).
 */
const STDERR_LOGGER: DiagLogger = {
  error: line,
  warn: line,
  info: line,
  debug: line,
  verbose: line,
};

/** Routes OpenTelemetry's diagnostic log (and so otelkit's) to stderr at the configured `OTEL_LOG_LEVEL`. */
export function setDiagLogLevel(level: LogLevelName): void {
  diag.setLogger(STDERR_LOGGER, { logLevel: LEVELS[level], suppressOverrideMessage: true });
}
