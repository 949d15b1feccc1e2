import { channel } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import {
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { redactString } from '../redact/redact';
import type { RedHistogram } from './red-metrics';
import { normalizeMethod, parseHostHeader, statusErrorType } from './semconv';

/** What a client span needs at its end. @internal */
export interface ClientState {
  readonly span: Span;
  readonly method: string;
  readonly host: string | undefined;
  readonly startMs: number;
  ended: boolean;
}

/** Ends a client span with a status code (0: none) or an error, and records the duration. @internal */
export function endClient(
  state: ClientState,
  status: number,
  error: unknown,
  metrics: RedHistogram | undefined,
): void {
  if (state.ended) return;
  state.ended = true;
  const seconds = (performance.now() - state.startMs) / 1000;
  const span = state.span;
  let errorType: string | undefined;
  if (error !== undefined) {
    const code = (error as { code?: unknown } | null)?.code;
    errorType = typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error';
    if (error instanceof Error) span.recordException(error);
  } else {
    span.setAttribute('http.response.status_code', status);
    errorType = statusErrorType(status, true);
  }
  if (errorType !== undefined) {
    span.setAttribute('error.type', errorType);
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
  metrics?.record(seconds, { method: state.method, status, target: state.host, errorType });
}

/** `url.full` without credentials (userinfo and secret query values masked). @internal */
export function fullUrl(origin: string, path: string): string {
  const url = origin + path;
  return url.includes('?') || url.includes('@') ? redactString(url) : url;
}

type WithState = ClientRequest & { [STATE]?: ClientState };
const STATE = Symbol('otelkit.http.client');
const setter = {
  set(carrier: ClientRequest, key: string, value: string): void {
    carrier.setHeader(key, value);
  },
};

/**
 * Client spans, context propagation and `http.client.request.duration` for every `ClientRequest`
 * (`http.request`/`get`, `https.request`/`get`, and libraries built on them). The span starts on node's
 * `http.client.request.created` diagnostics channel, published when the request object is built and
 * its headers can still be set (Node.js >= 22.12), so no module function is patched and `node:https`
 * need not be loaded; it ends on the `http.client.response.finish` or `http.client.request.error`
 * channel. Returns the function that undoes it.
 * @internal
 */
export function instrumentHttpClient(tracer: Tracer, metrics: RedHistogram | undefined): () => void {
  const onRequest = (req: WithState): void => {
    const parent = context.active();
    if (isTracingSuppressed(parent) || req[STATE] !== undefined) return;
    const scheme = (req as { protocol?: string }).protocol === 'https:' ? 'https' : 'http';
    const method = normalizeMethod(req.method);
    const host = parseHostHeader(String(req.getHeader('host') ?? req.host));
    const port = host?.port ?? (scheme === 'https' ? 443 : 80);
    const address = host?.address ?? req.host;
    const span = tracer.startSpan(
      method,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'server.address': address,
          'server.port': port,
          'url.full': fullUrl(
            `${scheme}://${address.includes(':') ? `[${address}]` : address}:${port}`,
            req.path,
          ),
        },
      },
      parent,
    );
    req[STATE] = { span, method, host: address, startMs: performance.now(), ended: false };
    if (!req.headersSent) propagation.inject(trace.setSpan(parent, span), req, setter);
  };
  const onCreated = (message: unknown): void => {
    try {
      onRequest((message as { request: WithState }).request);
    } catch {
      // Headers already rendered (array-form headers): the request goes out without propagation.
    }
  };
  const onResponse = (message: unknown): void => {
    const { request, response } = message as { request: WithState; response: IncomingMessage };
    const state = request[STATE];
    if (state !== undefined) endClient(state, response.statusCode ?? 0, undefined, metrics);
  };
  const onError = (message: unknown): void => {
    const { request, error } = message as { request: WithState; error: unknown };
    const state = request[STATE];
    if (state !== undefined) endClient(state, 0, error ?? new Error('request failed'), metrics);
  };
  const created = channel('http.client.request.created');
  const response = channel('http.client.response.finish');
  const error = channel('http.client.request.error');
  created.subscribe(onCreated);
  response.subscribe(onResponse);
  error.subscribe(onError);
  return () => {
    created.unsubscribe(onCreated);
    response.unsubscribe(onResponse);
    error.unsubscribe(onError);
  };
}
