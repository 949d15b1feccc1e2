import { diag } from '@opentelemetry/api';
import { invalid } from '../config/parse';
import { serverAuth } from '../config/server-settings';
import { type MetricsReply, metricsReply, textReply } from '../export/metrics-endpoint';
import { type Authenticator, createAuthenticator } from '../server/auth';
import type { ServerAuthOptions } from '../server/options';
import { runningTelemetry, type Telemetry } from '../telemetry';

/** Options of the app-port `/metrics` handlers ({@link metricsHandler} and its Fastify and fetch forms). */
export interface AppMetricsOptions {
  /**
   * The telemetry whose metrics to serve. Default: the running one (the preload's, or the one
   * `startTelemetry()` returned), looked up at each request, so a handler may be created first.
   */
  readonly telemetry?: Telemetry;
  /**
   * Credentials a scrape must send. Default: the observability server's (`OTELKIT_AUTH_*` or the
   * `auth` option of the telemetry), so metrics protected there are protected here too; `false` serves
   * them to anyone who reaches the app's port.
   */
  readonly auth?: ServerAuthOptions | false;
  /**
   * Where the middleware form ({@link metricsHandler} called with `next`) and the Fastify plugin serve.
   * Handlers that own their route (no `next`, the fetch form) answer whatever request they are given.
   * Default `'/metrics'`.
   */
  readonly path?: string;
}

/** The parts of a request the answer depends on. */
export interface MetricsRequest {
  readonly method: string;
  readonly accept: string | undefined;
  readonly authorization: string | undefined;
}

/** Methods the handlers serve; other methods get 405. */
export const METRICS_METHODS = ['GET', 'HEAD'] as const;
const ALLOW = METRICS_METHODS.join(', ');

/** One authenticator per credentials object (the telemetry's config keeps its own for life). */
const authenticators = new WeakMap<ServerAuthOptions, Authenticator>();

function authenticatorFor(auth: ServerAuthOptions | undefined): Authenticator | undefined {
  if (auth === undefined) return undefined;
  let authenticator = authenticators.get(auth);
  if (authenticator === undefined) {
    authenticator = createAuthenticator(auth);
    authenticators.set(auth, authenticator);
  }
  return authenticator;
}

/** `options.path`, checked (default `/metrics`). */
export function metricsPath(options: AppMetricsOptions): string {
  const { path = '/metrics' } = options;
  if (typeof path !== 'string' || !path.startsWith('/') || /[?#\s]/.test(path)) {
    invalid('options.path', path, "a path starting with '/', without query, fragment or whitespace");
  }
  return path;
}

function notStarted(method: string): MetricsReply {
  return textReply(503, method, 'otelkit: telemetry is not started\n');
}

/** Whether `method` is one the handlers serve. */
export function servesMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/**
 * The answer of the app-port handlers, whatever the framework: credentials first (a 405 would tell an
 * anonymous caller what the route takes), then the method, then the running telemetry's `/metrics`, the
 * very answer of its observability server (same negotiation, same body, a cluster primary's workers
 * included). Never rejects: a failing collection is a 500 without details, reported through `diag`.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` at creation for malformed `auth`.
 */
export function createMetricsResponder(
  options: AppMetricsOptions = {},
): (request: MetricsRequest) => Promise<MetricsReply> {
  const explicit =
    options.auth === undefined || options.auth === false
      ? options.auth
      : serverAuth.check('options.auth', options.auth);
  const ownAuthenticator =
    explicit === undefined || explicit === false ? undefined : createAuthenticator(explicit);
  return async (request) => {
    const { method } = request;
    const telemetry = options.telemetry ?? runningTelemetry();
    // Credentials inherited from a telemetry that is not there are unknown: nothing is served, nothing leaks.
    if (telemetry === undefined && explicit === undefined) return notStarted(method);
    const authenticator =
      explicit === undefined ? authenticatorFor(telemetry?.config.auth) : ownAuthenticator;
    if (authenticator !== undefined && authenticator.authenticate(request.authorization) === undefined) {
      return textReply(401, method, 'unauthorized\n', { 'www-authenticate': authenticator.challenge });
    }
    if (!servesMethod(method)) return textReply(405, method, 'method not allowed\n', { allow: ALLOW });
    if (telemetry === undefined) return notStarted(method);
    try {
      const reply = await metricsReply(telemetry.server, telemetry, request);
      return (
        reply ??
        textReply(503, method, 'otelkit: no prometheus exporter (add prometheus to OTEL_METRICS_EXPORTER)\n')
      );
    } catch (thrown) {
      diag.error(
        `otelkit: app-port /metrics failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
      );
      return textReply(500, method, 'internal error\n');
    }
  };
}
