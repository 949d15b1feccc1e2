import { type AppMetricsOptions, createMetricsResponder } from './responder';

/** A fetch-style handler: a web `Request` in, a web `Response` out. */
export type FetchMetricsHandler = (request: Request) => Promise<Response>;

/**
 * Serves otelkit's `/metrics` from a fetch-style route (Next.js route handlers, Hono, Bun and Deno
 * servers): the same negotiated Prometheus/OpenMetrics answer as the observability server's, with the
 * same credentials (see {@link AppMetricsOptions}). It owns the request it is given: GET and HEAD are
 * served, other methods get 405, a scrape without the right credentials 401.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` for malformed `options.auth`.
 * @example
 * // Hono
 * app.get('/metrics', (c) => metrics(c.req.raw));
 * // Next.js, app/metrics/route.ts
 * export const GET = metricsFetchHandler();
 * export const HEAD = GET;
 */
export function metricsFetchHandler(options: AppMetricsOptions = {}): FetchMetricsHandler {
  const respond = createMetricsResponder(options);
  return async (request) => {
    const reply = await respond({
      method: request.method,
      accept: request.headers.get('accept') ?? undefined,
      authorization: request.headers.get('authorization') ?? undefined,
    });
    return new Response(reply.body ?? null, { status: reply.status, headers: reply.headers });
  };
}
