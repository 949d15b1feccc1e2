import { IncomingMessage } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { Tracer } from '@opentelemetry/api';
import {
  METRIC_HTTP_CLIENT_REQUEST_DURATION,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
  type OtelkitMeter,
} from '@otelkit/core/internal';
import type { ResolvedHttpOptions } from '../config';
import { instrumentFetch } from './client-fetch';
import { instrumentHttpClient } from './client-http';
import { RedHistogram } from './red-metrics';
import { instrumentServers } from './server';

/**
 * Turns on HTTP spans and RED metrics for `http`/`https` servers and clients and `fetch`, as
 * `options` say. Returns the function that turns them off again.
 * @internal
 */
export function installHttpInstrumentation(
  tracer: Tracer,
  meter: OtelkitMeter,
  options: ResolvedHttpOptions,
): () => void {
  const serverMetrics = options.metrics
    ? new RedHistogram(
        meter,
        METRIC_HTTP_SERVER_REQUEST_DURATION,
        'Duration of HTTP server requests.',
        'http.route',
      )
    : undefined;
  const clientMetrics = options.metrics
    ? new RedHistogram(
        meter,
        METRIC_HTTP_CLIENT_REQUEST_DURATION,
        'Duration of HTTP client requests.',
        'server.address',
      )
    : undefined;
  const undo: Array<() => void> = [];
  if (options.server) {
    // http.Server and https.Server (through tls.Server) both inherit emit() from net.Server: one patch
    // covers both without loading node:https (and TLS) into processes that never serve it.
    undo.push(
      instrumentServers(NetServer.prototype, IncomingMessage, {
        tracer,
        metrics: serverMetrics,
        serverTiming: options.serverTiming,
        ignore: options.ignoreIncomingRequestHook,
      }),
    );
  }
  if (options.client) undo.push(instrumentHttpClient(tracer, clientMetrics));
  if (options.fetch) undo.push(instrumentFetch(tracer, clientMetrics));
  return () => {
    for (const fn of undo.reverse()) fn();
  };
}
