import type { IncomingMessage, ServerResponse } from 'node:http';
import { diag } from '@opentelemetry/api';
import { changesState, type OperatorApiMode, refuseAction } from './action-guard';
import type { Authenticator } from './auth';
import type { RouteRequest } from './route';
import type { RouteTable } from './router';

/** What the request listener needs besides the request. */
export interface DispatchContext {
  readonly routes: RouteTable;
  readonly authenticator: Authenticator | undefined;
  /** Who may send state-changing requests (see {@link refuseAction}). */
  readonly operatorApi: OperatorApiMode;
  readonly maxUrlLength: number;
  /** `http` or `https`: the scheme of `RouteRequest.url`. */
  readonly scheme: string;
  /**
   * Requests on routes behind auth (all but the probes) served at once; further ones get 503 at once.
   * Half the connection cap, so a storm of slow requests never holds every connection: idle ones
   * remain for a probe to take the place of.
   */
  readonly maxBusy: number;
  /** Reports a failing handler; never throws. */
  readonly reportError: (error: Error) => void;
}

/** Headers on every response; a handler may override them (e.g. a cacheable page). */
const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Cache-Control', 'no-store'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
];

function setSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of SECURITY_HEADERS) response.setHeader(name, value);
}

function sendText(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  response.statusCode = status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}

/**
 * Parses the request target. Origin-form (`/path?q`) is resolved against a fixed base, so `//host/x`
 * stays a path instead of becoming a host; absolute-form (`http://host/path`) is accepted as RFC 9112
 * requires. Anything else is `undefined` (400).
 */
function parseTarget(target: string, scheme: string): URL | undefined {
  try {
    if (target.startsWith('/')) return new URL(`${scheme}://localhost${target}`);
    if (/^https?:\/\//i.test(target)) return new URL(target);
  } catch {
    return undefined;
  }
  return undefined;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

function answerInternalError(response: ServerResponse): void {
  if (response.headersSent) {
    // Part of a response is on the wire; cutting the connection is the only honest signal left.
    response.destroy();
    return;
  }
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  setSecurityHeaders(response);
  sendText(response, 500, 'internal error\n');
}

/** Requests in progress on routes behind auth. */
interface BusyCount {
  count: number;
}

async function dispatch(
  context: DispatchContext,
  busy: BusyCount,
  raw: IncomingMessage,
  response: ServerResponse,
) {
  setSecurityHeaders(response);
  const target = raw.url ?? '';
  if (target.length > context.maxUrlLength) return sendText(response, 414, 'uri too long\n');
  const url = parseTarget(target, context.scheme);
  if (url === undefined) return sendText(response, 400, 'bad request\n');
  const route = context.routes.match(url.pathname);
  if (route === undefined) return sendText(response, 404, 'not found\n');
  const method = raw.method ?? 'GET';
  // Credentials before the method: a 405 with Allow would tell an anonymous caller what a route takes.
  // Open routes (the probes) check credentials only when some are sent, and never refuse: they decide
  // how much the answer shows (`authorized`).
  const { authenticator } = context;
  const authorization = raw.headers.authorization;
  let identity: string | undefined;
  if (authenticator !== undefined && (route.auth || authorization !== undefined)) {
    identity = authenticator.authenticate(authorization);
    if (identity === undefined && route.auth) {
      return sendText(response, 401, 'unauthorized\n', {
        'WWW-Authenticate': authenticator.challenge,
      });
    }
  }
  if (!route.methods.has(method))
    return sendText(response, 405, 'method not allowed\n', { Allow: route.allow });
  if (changesState(method)) {
    const refusal = refuseAction(raw.headers, identity !== undefined, context.operatorApi, context.scheme);
    if (refusal !== undefined) return sendText(response, refusal.status, refusal.body);
  }
  if (route.auth) {
    if (busy.count >= context.maxBusy) {
      return sendText(response, 503, 'busy\n', { 'Retry-After': '1' });
    }
    busy.count++;
    response.once('close', () => {
      busy.count--;
    });
  }
  const authorized = authenticator === undefined || identity !== undefined;
  const request: RouteRequest = {
    method,
    path: url.pathname,
    url,
    headers: raw.headers,
    identity,
    authorized,
    raw,
  };
  try {
    await route.handler(request, response);
  } catch (thrown) {
    const error = toError(thrown);
    diag.error(`otelkit server: handler for ${method} ${route.path} failed: ${error.message}`);
    context.reportError(error);
    answerInternalError(response);
  }
}

/**
 * The `request` listener of the observability server: parse, route, check credentials, then the
 * method, then (for state-changing methods) the operator policy, and run the handler. It never throws or rejects; a failing handler becomes a 500 without details.
 */
export function createRequestListener(
  context: DispatchContext,
): (raw: IncomingMessage, response: ServerResponse) => void {
  const busy: BusyCount = { count: 0 };
  return (raw, response) => {
    dispatch(context, busy, raw, response).catch((thrown: unknown) => {
      // Only reachable if writing an error response itself failed.
      diag.error(`otelkit server: could not answer request: ${toError(thrown).message}`);
      response.destroy();
    });
  };
}
