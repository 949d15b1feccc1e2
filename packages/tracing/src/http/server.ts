import { channel } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  type Attributes,
  type Context,
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { correlationIdFrom, withCorrelationId } from '../correlation/context';
import { isValidCorrelationId, newCorrelationId } from '../correlation/id';
import { isPassThrough, NO_SPAN } from '../export/pass-through';
import { recordFailure } from '../record-failure';
import { BoundedCache } from './bounded-cache';
import { LinkedContext } from './linked-context';
import type { RedHistogram } from './red-metrics';
import { noteRequestThrew, SERVER_STATE_KEY, type ServerRequestState } from './request-state';
import { normalizeMethod, parseHostHeader, pathOf, statusErrorType } from './semconv';

/** The marker core sets on otelkit's own server (`Symbol.for`, so it is shared across copies). */
const INTERNAL_SERVER = Symbol.for('otelkit.internal-server');

/** What every request's context is derived from (empty, immutable). */
const REQUEST_ROOT = LinkedContext.root();

type HostOf = ReturnType<typeof parseHostHeader> | null;

/** `Host` headers seen so far, parsed (a server sees few; an attacker's many fall back to parsing). */
const hosts = new BoundedCache<HostOf>(256);

function hostOf(header: string | undefined): ReturnType<typeof parseHostHeader> {
  if (header === undefined) return undefined;
  const cached = hosts.get(header, () => parseHostHeader(header) ?? null);
  if (cached === undefined) return parseHostHeader(header);
  return cached ?? undefined;
}

/** Settings of {@link instrumentServers}. @internal */
export interface ServerInstrumentationOptions {
  readonly tracer: Tracer;
  readonly metrics: RedHistogram | undefined;
  readonly serverTiming: boolean;
  /** Requests to leave alone (the `ignoreIncomingRequestHook` option). */
  readonly ignore?: ((request: IncomingMessage) => boolean) | undefined;
}

type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
type WithState = IncomingMessage & { [STATE]?: ServerRequestState };
interface FinishMessage {
  readonly request: WithState;
  readonly response: ServerResponse;
}

const STATE = Symbol('otelkit.http.server');

/** The correlation ID of an incoming request: a valid header, else valid baggage, else a new one. */
function correlationOf(req: IncomingMessage, parent: Context): Context {
  const header = req.headers['x-correlation-id'] ?? req.headers['x-request-id'];
  if (isValidCorrelationId(header)) return withCorrelationId(parent, header);
  if (correlationIdFrom(parent) !== undefined) return parent;
  return withCorrelationId(parent, newCorrelationId());
}

/** Express sets `req.route` (and `req.baseUrl` for mounted routers) once a route matched. */
function frameworkRoute(req: IncomingMessage): string | undefined {
  const route = (req as { route?: { path?: unknown } }).route;
  if (route === undefined || typeof route.path !== 'string') return undefined;
  const base = (req as { baseUrl?: unknown }).baseUrl;
  return typeof base === 'string' ? base + route.path : route.path;
}

/**
 * Server spans and `http.server.request.duration` for `node:http` and `node:https` servers. Each
 * request's span and correlation ID become the active context of the `request` event (`emit` of
 * `proto`, which both server classes inherit from `net.Server`, runs the listeners inside
 * `context.with` when the request is an `IncomingMessage`); the span ends on node's
 * `http.server.response.finish` diagnostics channel. Returns the function that undoes it.
 * @internal
 */
export function instrumentServers(
  proto: { emit: Emit },
  Request: abstract new (...args: never[]) => IncomingMessage,
  options: ServerInstrumentationOptions,
): () => void {
  const { tracer, metrics, serverTiming, ignore } = options;
  const recording = !isPassThrough(tracer);
  const ignored = (req: IncomingMessage): boolean => {
    try {
      return ignore?.(req) === true;
    } catch {
      return false;
    }
  };

  /** No span of otelkit's: the state carries the extracted remote span (non-recording), if any. */
  const startUntraced = (req: WithState, parent: Context, method: string): Context => {
    const state: ServerRequestState = {
      span: trace.getSpan(parent) ?? NO_SPAN,
      method,
      startMs: performance.now(),
      route: undefined,
      ended: false,
    };
    req[STATE] = state;
    return parent.setValue(SERVER_STATE_KEY, state);
  };

  const start = (req: WithState, res: ServerResponse): Context => {
    const parent = correlationOf(req, propagation.extract(REQUEST_ROOT, req.headers));
    const method = normalizeMethod(req.method);
    if (!recording) return startUntraced(req, parent, method);
    const scheme = (req.socket as { encrypted?: boolean } | null)?.encrypted === true ? 'https' : 'http';
    const attributes: Attributes = {
      'http.request.method': method,
      'url.path': pathOf(req.url),
      'url.scheme': scheme,
      'network.protocol.version': req.httpVersion,
    };
    if (method === '_OTHER') attributes['http.request.method_original'] = String(req.method).slice(0, 32);
    const host = hostOf(req.headers.host);
    if (host !== undefined) {
      attributes['server.address'] = host.address;
      if (host.port !== undefined) attributes['server.port'] = host.port;
    }
    const span = tracer.startSpan(method, { kind: SpanKind.SERVER, attributes }, parent);
    const state: ServerRequestState = {
      span,
      method,
      startMs: performance.now(),
      route: undefined,
      ended: false,
    };
    req[STATE] = state;
    if (serverTiming) {
      const sc = span.spanContext();
      if (sc.traceFlags & 1)
        res.setHeader('server-timing', `traceparent;desc="00-${sc.traceId}-${sc.spanId}-01"`);
    }
    return trace.setSpan(parent, span).setValue(SERVER_STATE_KEY, state);
  };

  const finish = (message: unknown): void => {
    const { request, response } = message as FinishMessage;
    const state = request[STATE];
    if (state === undefined || state.ended) return;
    state.ended = true;
    const seconds = (performance.now() - state.startMs) / 1000;
    const status = response.statusCode;
    const route = state.route ?? frameworkRoute(request);
    const errorType = statusErrorType(status, false);
    if (recording) endSpan(state, status, route, errorType);
    metrics?.record(seconds, { method: state.method, status, target: route, errorType });
  };

  const endSpan = (
    state: ServerRequestState,
    status: number,
    route: string | undefined,
    errorType: string | undefined,
  ): void => {
    const span = state.span;
    span.setAttribute('http.response.status_code', status);
    if (route !== undefined) {
      span.setAttribute('http.route', route);
      span.updateName(`${state.method} ${route}`);
    }
    if (errorType !== undefined) {
      span.setAttribute('error.type', errorType);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };

  const failed = (req: WithState, error: unknown): void => {
    const state = req[STATE];
    if (state === undefined || state.ended) return;
    try {
      recordFailure(state.span, error);
      noteRequestThrew(state, error);
    } catch {
      // Telemetry never stands in the way of the app's own error.
    }
  };

  const hadOwn = Object.hasOwn(proto, 'emit');
  const original = proto.emit;
  proto.emit = function emit(this: Server, event: string | symbol, req?: unknown, res?: unknown): boolean {
    // Other events and servers (an http2 server's compatibility requests), and otelkit's own
    // observability server (scrapes, probes: not the app's traffic).
    if (
      event !== 'request' ||
      !(req instanceof Request) ||
      (this as unknown as Record<symbol, unknown>)[INTERNAL_SERVER] === true ||
      (ignore !== undefined && ignored(req as IncomingMessage))
    ) {
      // biome-ignore lint/complexity/noArguments: forwards every argument unchanged, without copying
      return Reflect.apply(original, this, arguments);
    }
    let ctx: Context;
    try {
      ctx = start(req as WithState, res as ServerResponse);
    } catch {
      // biome-ignore lint/complexity/noArguments: as above
      return Reflect.apply(original, this, arguments);
    }
    try {
      return context.with(ctx, original, this, event, req, res);
    } catch (error) {
      // The handler threw: the exception belongs on the request's span (which stays open: the app
      // may still answer; an uncaught-exception monitor ends it if the process goes down).
      failed(req as WithState, error);
      throw error;
    }
  };
  const finished = channel('http.server.response.finish');
  finished.subscribe(finish);
  return () => {
    finished.unsubscribe(finish);
    if (hadOwn) proto.emit = original;
    else delete (proto as { emit?: Emit }).emit;
  };
}
