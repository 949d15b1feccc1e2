import { otelkitError } from '../error-codes';
import type { RouteHandler, RouteOptions } from './route';

/** A mounted route, normalised once at mount time. */
export interface MountedRoute {
  readonly path: string;
  readonly handler: RouteHandler;
  /** Upper-case methods; includes `HEAD` whenever `GET` is allowed. */
  readonly methods: ReadonlySet<string>;
  /** Value of the `Allow` header of a 405 response. */
  readonly allow: string;
  readonly auth: boolean;
  readonly prefix: boolean;
}

const DEFAULT_METHODS: readonly string[] = ['GET', 'HEAD'];
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function validatePath(path: string): void {
  const valid =
    typeof path === 'string' &&
    path.startsWith('/') &&
    !/[?#\s]/.test(path) &&
    (path === '/' || !path.endsWith('/'));
  if (!valid) {
    throw otelkitError('INVALID_ROUTE', {
      detail: `route path must start with '/', have no query, fragment, whitespace or trailing slash, got ${JSON.stringify(path)}`,
    });
  }
}

function normaliseMethods(path: string, methods: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const method of methods) {
    if (typeof method !== 'string' || !TOKEN.test(method)) {
      throw otelkitError('INVALID_ROUTE', {
        detail: `route ${path}: invalid method ${JSON.stringify(method)}`,
      });
    }
    set.add(method.toUpperCase());
  }
  if (set.has('GET')) set.add('HEAD');
  return set;
}

/**
 * The route table of the observability server: exact paths in a map, prefix routes checked
 * longest first. Paths are matched as sent (percent-encoded, after dot-segment removal); a
 * trailing slash is a different path, so `/metrics/` does not match `/metrics`.
 */
export class RouteTable {
  private readonly exact = new Map<string, MountedRoute>();
  private prefixes: MountedRoute[] = [];

  /** Mounts or replaces the route on `path`; throws `OTELKIT_ERR_INVALID_ROUTE` for a malformed path or method. */
  mount(path: string, handler: RouteHandler, options: RouteOptions = {}): void {
    validatePath(path);
    if (typeof handler !== 'function') {
      throw otelkitError('INVALID_ROUTE', { detail: `route ${path}: handler must be a function` });
    }
    const methods = normaliseMethods(path, options.methods ?? DEFAULT_METHODS);
    const route: MountedRoute = {
      path,
      handler,
      methods,
      allow: [...methods].join(', '),
      auth: options.auth ?? true,
      prefix: options.prefix ?? false,
    };
    this.exact.set(path, route);
    this.prefixes = [...this.exact.values()]
      .filter((r) => r.prefix)
      .sort((a, b) => b.path.length - a.path.length);
  }

  /** The route serving `path`, or `undefined`. */
  match(path: string): MountedRoute | undefined {
    const exact = this.exact.get(path);
    if (exact !== undefined) return exact;
    for (const route of this.prefixes) {
      const base = route.path === '/' ? '/' : `${route.path}/`;
      if (path.startsWith(base)) return route;
    }
    return undefined;
  }

  /** Mounted paths, sorted. */
  paths(): string[] {
    return [...this.exact.keys()].sort();
  }
}
