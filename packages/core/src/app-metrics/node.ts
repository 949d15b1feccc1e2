import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendReply } from '../export/metrics-endpoint';
import { type AppMetricsOptions, createMetricsResponder, metricsPath, servesMethod } from './responder';

/** What Express and Connect hand a middleware as its third argument. */
export type NextFunction = (error?: unknown) => void;

/**
 * A node:http request handler, also an Express/Connect middleware: `(req, res)` or `(req, res, next)`.
 * Never throws; the returned promise (which servers ignore) resolves once the answer is written.
 */
export type NodeMetricsHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: NextFunction,
) => Promise<void>;

/** What Express adds to a request, as far as the handler looks. */
interface ExpressRequest extends IncomingMessage {
  readonly originalUrl?: string;
  readonly route?: unknown;
}

/** The path of a request target (`/metrics?x` -> `/metrics`), or `undefined` when there is none. */
function pathOf(target: string | undefined): string | undefined {
  if (target === undefined) return undefined;
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

/**
 * Serves otelkit's `/metrics` on the app's own node:http server, Express or Connect app: the same
 * negotiated Prometheus/OpenMetrics answer as the observability server's, with the same credentials
 * (see {@link AppMetricsOptions}). Called as `(req, res)`, or on an Express route (`app.get(path, h)`),
 * it owns the request: GET and HEAD are served, other methods get 405. Called as middleware
 * `(req, res, next)` (`app.use(h)`) it serves GET and HEAD of `options.path` (default `/metrics`) and
 * passes every other request on with `next()`.
 * Answers 401 with `WWW-Authenticate` to a scrape without the right credentials, 503 while no telemetry
 * runs or without the `prometheus` exporter.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` for malformed `options.auth`.
 * @example
 * // node --require @otelkit/register app.js
 * const app = express();
 * app.use(metricsHandler()); // GET /metrics on the app's port
 * // or: http.createServer((req, res) => (req.url === '/metrics' ? metrics(req, res) : app(req, res)))
 */
export function metricsHandler(options: AppMetricsOptions = {}): NodeMetricsHandler {
  const respond = createMetricsResponder(options);
  const path = metricsPath(options);
  return async (request, response, next) => {
    const method = request.method ?? 'GET';
    const { originalUrl, route } = request as ExpressRequest;
    // On a route of the app's choosing (`app.get('/prom', h)`, where Express sets `req.route`) it owns
    // the request; as middleware it serves its path only.
    if (next !== undefined && route === undefined) {
      // Express strips a mount path from `url` (`app.use('/metrics', h)` sees `/`), not from `originalUrl`.
      const mine = pathOf(request.url) === path || pathOf(originalUrl) === path;
      if (!mine || !servesMethod(method)) {
        next();
        return;
      }
    }
    const reply = await respond({
      method,
      accept: request.headers.accept,
      authorization: request.headers.authorization,
    });
    if (!response.headersSent) sendReply(response, reply);
  };
}
