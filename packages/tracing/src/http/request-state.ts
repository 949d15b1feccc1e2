import { type Context, context, type Span } from '@opentelemetry/api';

/** What otelkit keeps about one server request while it runs. @internal */
export interface ServerRequestState {
  readonly span: Span;
  readonly method: string;
  readonly startMs: number;
  route: string | undefined;
  ended: boolean;
}

/** Context key of the current server request's state. @internal */
export const SERVER_STATE_KEY = Symbol.for('otelkit.http.server.state');

/** The request whose handler threw last, synchronously (its context is gone once the error escapes). */
let thrown: { readonly state: ServerRequestState; readonly error: unknown } | undefined;

/** Remembers that the `request` listeners of `state`'s request threw `error`. @internal */
export function noteRequestThrew(state: ServerRequestState, error: unknown): void {
  thrown = { state, error };
}

/** The request whose handler threw `error`, if one did (for an uncaught exception's monitor). @internal */
export function requestThatThrew(error: unknown): ServerRequestState | undefined {
  return thrown !== undefined && thrown.error === error ? thrown.state : undefined;
}

/**
 * Tells otelkit the route template of the current server request (`/users/:id`), for the span name,
 * the `http.route` attribute and the `http.route` label of `http.server.request.duration`. Express's
 * `req.route` is picked up without this call; other frameworks call it from a hook or handler.
 * Ignored outside a server request. Never pass the raw URL: it would make one series per URL.
 * @example
 * app.get('/users/:id', (req, res) => { setHttpRoute('/users/:id'); … });
 */
export function setHttpRoute(route: string, ctx: Context = context.active()): void {
  const state = ctx.getValue(SERVER_STATE_KEY) as ServerRequestState | undefined;
  if (state !== undefined && typeof route === 'string' && route.length <= 256) state.route = route;
}
