/**
 * The one error class otelkit throws, and only at start-up: invalid configuration, a port that cannot be
 * bound, a TLS file that cannot be read. Every instance has a stable, searchable `code`
 * (`OTELKIT_ERR_*`) and a one-line message naming the setting and the value.
 */
export class OtelkitError extends Error {
  /** Stable error code, e.g. `OTELKIT_ERR_INVALID_CONFIG`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OtelkitError';
    this.code = code;
  }
}

/**
 * True for any otelkit error, also one thrown by another installed copy of the package
 * (the check is on the `code`, not on `instanceof`).
 */
export function isOtelkitError(error: unknown): error is OtelkitError {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('OTELKIT_ERR_');
}
