import { ERROR_CODES } from '@otelkit/core';

/** Error code of a command line the CLI cannot run: unknown flag, missing or bad value. */
export const USAGE_ERROR = ERROR_CODES.USAGE.code;

/** Exit code for usage errors (and for `otelkit health` when the target is unreachable). */
export const EXIT_USAGE: number = ERROR_CODES.USAGE.exitCode;

/**
 * A bad command line. The CLI prints its one-line message, followed by a hint to `--help`, and exits
 * with {@link EXIT_USAGE}.
 */
export class UsageError extends Error {
  /** Stable error code: `OTELKIT_ERR_USAGE`. */
  readonly code = USAGE_ERROR;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** True for a {@link UsageError}, also one from another copy of the package (checks the `code`). */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && (error as { code?: unknown }).code === USAGE_ERROR;
}
