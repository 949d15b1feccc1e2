import { afterEach, beforeEach } from 'node:test';
import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';

/**
 * Captures `diag` warnings for each test of the calling describe block (not the whole process: test
 * files may share one). Returns the list, emptied before each test and filled as warnings arrive.
 */
export function captureWarnings(): string[] {
  const warnings: string[] = [];
  const logger: DiagLogger = {
    error() {},
    warn: (message: string) => {
      warnings.push(message);
    },
    info() {},
    debug() {},
    verbose() {},
  };
  beforeEach(() => {
    warnings.length = 0;
    diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  });
  afterEach(() => diag.disable());
  return warnings;
}
