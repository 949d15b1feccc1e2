import { channel } from 'node:diagnostics_channel';
import { context, propagation, SpanKind, type Tracer, trace } from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { type ClientState, endClient, fullUrl } from './client-http';
import type { RedHistogram } from './red-metrics';
import { normalizeMethod } from './semconv';

/** The parts of undici's request object that the diagnostics channels hand out. */
interface UndiciRequest {
  readonly origin: string;
  readonly method: string;
  readonly path: string;
  addHeader(name: string, value: string): unknown;
  [STATE]?: ClientState;
}

const STATE = Symbol('otelkit.fetch');
const setter = {
  set(carrier: UndiciRequest, key: string, value: string): void {
    carrier.addHeader(key, value);
  },
};

/**
 * Client spans, propagation and `http.client.request.duration` for `fetch` (node's bundled undici),
 * through undici's diagnostics channels: `undici:request:create` starts the span and adds the
 * propagation headers, `undici:request:headers` (response headers received) or
 * `undici:request:error` ends it. Returns the function that undoes it.
 * @internal
 */
export function instrumentFetch(tracer: Tracer, metrics: RedHistogram | undefined): () => void {
  const onCreate = (message: unknown): void => {
    const request = (message as { request: UndiciRequest }).request;
    const parent = context.active();
    if (isTracingSuppressed(parent)) return;
    let url: URL;
    try {
      url = new URL(request.origin);
    } catch {
      return;
    }
    const method = normalizeMethod(request.method);
    const scheme = url.protocol === 'https:' ? 'https' : 'http';
    const port = url.port === '' ? (scheme === 'https' ? 443 : 80) : Number(url.port);
    const span = tracer.startSpan(
      method,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'server.address': url.hostname,
          'server.port': port,
          'url.full': fullUrl(`${scheme}://${url.host}`, request.path),
        },
      },
      parent,
    );
    request[STATE] = { span, method, host: url.hostname, startMs: performance.now(), ended: false };
    try {
      propagation.inject(trace.setSpan(parent, span), request, setter);
    } catch {
      // undici refused the header: the request goes out without propagation.
    }
  };
  const onHeaders = (message: unknown): void => {
    const { request, response } = message as { request: UndiciRequest; response: { statusCode: number } };
    const state = request[STATE];
    if (state !== undefined) endClient(state, response.statusCode, undefined, metrics);
  };
  const onError = (message: unknown): void => {
    const { request, error } = message as { request: UndiciRequest; error: unknown };
    const state = request[STATE];
    if (state !== undefined) endClient(state, 0, error ?? new Error('fetch failed'), metrics);
  };
  const create = channel('undici:request:create');
  const headers = channel('undici:request:headers');
  const error = channel('undici:request:error');
  create.subscribe(onCreate);
  headers.subscribe(onHeaders);
  error.subscribe(onError);
  return () => {
    create.unsubscribe(onCreate);
    headers.unsubscribe(onHeaders);
    error.unsubscribe(onError);
  };
}
