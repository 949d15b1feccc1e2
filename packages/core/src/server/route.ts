import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A request as seen by a route handler of the observability server.
 * `url` is already parsed; the body, if any, is left unread on `raw`.
 */
export interface RouteRequest {
  readonly method: string;
  /** The path without the query string, e.g. `/readyz`. */
  readonly path: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  /** The authenticated identity (`basic:<user>` or `bearer`), when auth is configured. */
  readonly identity: string | undefined;
  /**
   * Whether the caller may see what protected routes show: no auth is configured, or the request
   * carried valid credentials (checked on `auth: false` routes too, where a request without them is
   * still answered).
   */
  readonly authorized: boolean;
  readonly raw: IncomingMessage;
}

/** Handles one request; may answer synchronously or return a promise. */
export type RouteHandler = (request: RouteRequest, response: ServerResponse) => unknown;

/** Options for a mounted route. */
export interface RouteOptions {
  /**
   * Allowed methods; others get 405 with an `Allow` header (after auth). A state-changing method
   * (anything but GET, HEAD, OPTIONS) is served only to authenticated callers (or with the server's
   * `operatorApi: 'open'`), as a non-simple request from no foreign origin; otherwise 403.
   * Default `['GET', 'HEAD']`.
   */
  readonly methods?: readonly string[];
  /**
   * Whether the server's auth (when configured) applies. Default `true`.
   * Kubernetes probes usually cannot send credentials, so health routes may opt out.
   */
  readonly auth?: boolean;
  /**
   * Match every path that starts with `path` + `/` as well (for routes with parameters such as
   * `/health/checks/{name}/run`). Default `false`: exact match only.
   */
  readonly prefix?: boolean;
}

/** Where later packages (health, status page, operator API) mount their routes. */
export interface RouteRegistry {
  /**
   * Mounts `handler` on `path`. Mounting the same path twice replaces the earlier handler.
   * @example
   * telemetry.server?.route('/livez', (req, res) => { res.end('ok'); }, { auth: false });
   */
  route(path: string, handler: RouteHandler, options?: RouteOptions): void;
}
