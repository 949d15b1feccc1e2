import type { IncomingHttpHeaders } from 'node:http';
import { type AppMetricsOptions, createMetricsResponder, METRICS_METHODS, metricsPath } from './responder';

/** The parts of a Fastify request the handler reads. */
export interface FastifyRequestLike {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
}

/** The parts of a Fastify reply the handler writes. */
export interface FastifyReplyLike {
  code(statusCode: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  send(payload?: string): FastifyReplyLike;
}

/** A Fastify route handler. */
export type FastifyMetricsHandler = (
  request: FastifyRequestLike,
  reply: FastifyReplyLike,
) => Promise<FastifyReplyLike>;

/** The part of a Fastify instance the plugin uses. */
export interface FastifyInstanceLike {
  route(options: { method: string[]; url: string; handler: FastifyMetricsHandler }): unknown;
}

/**
 * A Fastify route handler serving otelkit's `/metrics`: the same negotiated Prometheus/OpenMetrics
 * answer as the observability server's, with the same credentials (see {@link AppMetricsOptions}),
 * sent through the reply so the app's hooks see it. GET and HEAD are served, other methods routed to
 * it get 405.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` for malformed `options.auth`.
 * @example
 * fastify.get('/metrics', metricsFastifyHandler());
 */
export function metricsFastifyHandler(options: AppMetricsOptions = {}): FastifyMetricsHandler {
  const respond = createMetricsResponder(options);
  return async (request, reply) => {
    const answer = await respond({
      method: request.method,
      accept: request.headers.accept,
      authorization: request.headers.authorization,
    });
    // HEAD: Fastify keeps the Content-Length given (that of GET) and sends no body.
    return reply
      .code(answer.status)
      .headers(answer.headers)
      .send(answer.body ?? '');
  };
}

/**
 * A Fastify plugin mounting {@link metricsFastifyHandler} on GET and HEAD of `options.path` (default
 * `/metrics`, under the prefix the plugin is registered with).
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` for malformed `options.auth`.
 * @example
 * await fastify.register(metricsFastifyPlugin({ auth: { type: 'bearer', token: process.env.SCRAPE_TOKEN } }));
 */
export function metricsFastifyPlugin(
  options: AppMetricsOptions = {},
): (instance: FastifyInstanceLike) => Promise<void> {
  const handler = metricsFastifyHandler(options);
  const url = metricsPath(options);
  return async (instance) => {
    instance.route({ method: [...METRICS_METHODS], url, handler });
  };
}
