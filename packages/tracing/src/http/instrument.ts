import http from 'node:http';
import https from 'node:https';
import type { Tracer } from '@opentelemetry/api';
import type { OtelkitMeter } from '@otelkit/core';
import type { HttpInstrumentationOptions } from '../options';
import { instrumentFetch } from './client-fetch';
import { type HttpModule, instrumentHttpClient } from './client-http';
import { RedHistogram } from './red-metrics';
import { instrumentServers } from './server';

type EmitOwner = Parameters<typeof instrumentServers>[0][number]['proto'];

/**
 * Turns on HTTP spans and RED metrics for servers, `http`/`https` clients and `fetch`, as
 * `options` say. Returns the function that turns them off again.
 * @internal
 */
export function installHttpInstrumentation(
  tracer: Tracer,
  meter: OtelkitMeter,
  options: Required<HttpInstrumentationOptions>,
): () => void {
  const serverMetrics = options.metrics
    ? new RedHistogram(
        meter,
        'http.server.request.duration',
        'Duration of HTTP server requests.',
        'http.route',
      )
    : undefined;
  const clientMetrics = options.metrics
    ? new RedHistogram(
        meter,
        'http.client.request.duration',
        'Duration of HTTP client requests.',
        'server.address',
      )
    : undefined;
  const undo: Array<() => void> = [];
  if (options.server) {
    undo.push(
      instrumentServers(
        [
          { proto: http.Server.prototype as unknown as EmitOwner, scheme: 'http' },
          { proto: https.Server.prototype as unknown as EmitOwner, scheme: 'https' },
        ],
        { tracer, metrics: serverMetrics, serverTiming: options.serverTiming },
      ),
    );
  }
  if (options.client) {
    const modules = [
      { module: http as unknown as HttpModule, scheme: 'http' as const },
      { module: https as unknown as HttpModule, scheme: 'https' as const },
    ];
    undo.push(instrumentHttpClient(modules, tracer, clientMetrics));
  }
  if (options.fetch) undo.push(instrumentFetch(tracer, clientMetrics));
  return () => {
    for (const fn of undo.reverse()) fn();
  };
}
