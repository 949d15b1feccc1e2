import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who may use state-changing routes (operator actions such as isolating a circuit breaker):
 * `auth` (default) only authenticated callers, so they are off while the server has no credentials;
 * `open` anyone who can reach the port (env `OTELKIT_OPERATOR_API=open`, for local development).
 */
export type OperatorApiMode = 'auth' | 'open';

/** The custom header that marks a request as sent by a tool rather than by a web page's form or image. */
export const OPERATOR_HEADER = 'x-requested-by';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether `method` may change state (anything but GET, HEAD and OPTIONS). */
export function changesState(method: string): boolean {
  return !SAFE_METHODS.has(method);
}

/**
 * A request no browser sends cross-origin without a CORS preflight (which the server never grants):
 * a JSON body type or a custom header. Forms, images and `text/plain` fetches are simple requests.
 */
function isNonSimple(headers: IncomingHttpHeaders): boolean {
  const marker = headers[OPERATOR_HEADER];
  if (typeof marker === 'string' && marker.trim() !== '') return true;
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** Host and port of a URL, default ports left out, or `undefined` when it does not parse. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * True when the request names a page of another origin: an `Origin` other than this server's own
 * (compared with the `Host` header, scheme included), `Origin: null`, or `Sec-Fetch-Site: cross-site`.
 * A request without `Origin` (curl, scripts, Kubernetes) is not foreign.
 */
function isForeign(headers: IncomingHttpHeaders, scheme: string): boolean {
  if (headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  const host = headers.host;
  if (host === undefined || origin === 'null') return true;
  const own = hostOf(`${scheme}://${host}`);
  return own === undefined || !origin.toLowerCase().startsWith(`${scheme}://`) || hostOf(origin) !== own;
}

/** What a refused state-changing request is answered with. */
export interface ActionRefusal {
  readonly status: 403;
  readonly body: string;
}

/**
 * Checks a request whose method changes state, after authentication: refused when the caller is not
 * authenticated and the mode is not `open`, when it is a simple (CSRF-able) request, or when it comes
 * from a foreign origin. `undefined` when it may proceed.
 */
export function refuseAction(
  headers: IncomingHttpHeaders,
  authenticated: boolean,
  mode: OperatorApiMode,
  scheme: string,
): ActionRefusal | undefined {
  if (!authenticated && mode !== 'open') {
    return {
      status: 403,
      body: 'operator actions are off: configure auth (OTELKIT_AUTH_USERNAME and OTELKIT_AUTH_PASSWORD, or OTELKIT_AUTH_TOKEN), or set OTELKIT_OPERATOR_API=open for local development\n',
    };
  }
  if (!isNonSimple(headers)) {
    return {
      status: 403,
      body: `operator actions need a Content-Type of application/json or an ${OPERATOR_HEADER} header\n`,
    };
  }
  if (isForeign(headers, scheme)) return { status: 403, body: 'cross-origin request refused\n' };
  return undefined;
}
