import { ERROR_CODES, formatMessage } from '@otelkit/core/internal';

/** A response read in full. */
export interface FetchedText {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly durationMs: number;
}

/** The target could not be reached (refused, DNS, TLS, timeout): `otelkit` exits 2. */
export class UnreachableError extends Error {
  readonly code = ERROR_CODES.UNREACHABLE.code;

  constructor(url: string, reason: string) {
    super(formatMessage(ERROR_CODES.UNREACHABLE.message, { url, reason }));
    this.name = 'UnreachableError';
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** GETs `url` with `accept`, failing with {@link UnreachableError} after `timeoutMs`. */
export async function getText(url: string, accept: string, timeoutMs: number): Promise<FetchedText> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      headers: { accept },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    });
    const body = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    throw new UnreachableError(url, reasonOf(error));
  }
}
