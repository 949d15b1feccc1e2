/** Methods the HTTP semantic conventions know; anything else is reported as `_OTHER`. */
const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'QUERY',
]);

/**
 * The `http.request.method` value: the method when known (case-sensitive, as the conventions say),
 * else `_OTHER` (the original then goes into `http.request.method_original`).
 * @see https://opentelemetry.io/docs/specs/semconv/http/http-spans/
 */
export function normalizeMethod(method: string | undefined): string {
  if (method === undefined) return 'GET';
  return KNOWN_METHODS.has(method) ? method : '_OTHER';
}

const MAX_PATH = 2_048;

/** The path of a request target (`/a/b?x=1` -> `/a/b`), bounded; the query is never recorded. */
export function pathOf(target: string | undefined): string {
  if (target === undefined || target === '') return '/';
  let end = target.indexOf('?');
  if (end === -1) end = target.indexOf('#');
  const path = end === -1 ? target : target.slice(0, end);
  return path.length > MAX_PATH ? path.slice(0, MAX_PATH) : path;
}

const HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]{1,253})(?::(\d{1,5}))?$/;

/** Host and port from a `Host` header (untrusted: anything malformed yields `undefined`). */
export function parseHostHeader(
  host: string | undefined,
): { address: string; port: number | undefined } | undefined {
  if (host === undefined) return undefined;
  const match = HOST.exec(host);
  if (match === null) return undefined;
  const address = match[1]!.startsWith('[') ? match[1]!.slice(1, -1) : match[1]!;
  return { address, port: match[2] === undefined ? undefined : Number(match[2]) };
}

/**
 * `error.type` for a finished request: the status code as a string for 5xx on servers (4xx and 5xx
 * on clients), otherwise `undefined`.
 */
export function statusErrorType(status: number, client: boolean): string | undefined {
  return status >= 500 || (client && status >= 400) ? String(status) : undefined;
}
