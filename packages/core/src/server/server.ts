import { createServer as createHttpServer, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { diag } from '@opentelemetry/api';
import { type ResolvedServerOptions, resolveServerOptions } from '../config/server-settings';
import { otelkitError } from '../error-codes';
import { createAuthenticator } from './auth';
import { ConnectionGuard } from './connections';
import { createRequestListener } from './dispatch';
import type { ObservabilityServerOptions } from './options';
import type { RouteRegistry } from './route';
import { RouteTable } from './router';
import { readTlsFiles, type TlsMaterial } from './tls';

/** Where the server listens. `url` uses `localhost` when bound to all interfaces. */
export interface ServerAddress {
  readonly host: string;
  readonly port: number;
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:9464`. */
  readonly url: string;
}

/** The one HTTP(S) server of a process for `/metrics`, health probes and the status page. */
export interface ObservabilityServer extends RouteRegistry {
  /**
   * Reads the TLS files (if any) and binds. Resolves with the bound address; calling it again while
   * listening returns the same address. Rejects with `OTELKIT_ERR_TLS_FILE` or `OTELKIT_ERR_SERVER_LISTEN`.
   */
  listen(): Promise<ServerAddress>;
  /** The bound address, or `undefined` when not listening. */
  address(): ServerAddress | undefined;
  /**
   * Stops accepting connections, closes idle keep-alive connections at once and the rest after
   * `closeGraceMs`. Idempotent; never hangs.
   */
  close(): Promise<void>;
  /** Mounted paths, sorted. */
  routes(): string[];
}

interface Started {
  readonly server: Server;
  readonly address: ServerAddress;
}

type State =
  | { readonly phase: 'idle' }
  | { readonly phase: 'starting'; readonly ready: Promise<Started> }
  | { readonly phase: 'listening'; readonly server: Server; readonly address: ServerAddress }
  | { readonly phase: 'closing'; readonly done: Promise<void> }
  | { readonly phase: 'closed' };

/**
 * Marks otelkit's own server so that otelkit's HTTP instrumentation leaves it out: a scrape of
 * `/metrics` or a probe is not the app's traffic, and must not add spans or RED metrics.
 */
export const INTERNAL_SERVER = Symbol.for('otelkit.internal-server');

function markInternal(server: Server): Server {
  (server as unknown as Record<symbol, boolean>)[INTERNAL_SERVER] = true;
  return server;
}

function describe(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code !== undefined ? `${code}: ${message}` : String(message ?? error);
}

function toAddress(server: Server, scheme: string): ServerAddress {
  const { address, port } = server.address() as AddressInfo;
  const unspecified = address === '0.0.0.0' || address === '::';
  const urlHost = unspecified ? 'localhost' : address.includes(':') ? `[${address}]` : address;
  return { host: address, port, url: `${scheme}://${urlHost}:${port}` };
}

function createNodeServer(
  options: ResolvedServerOptions,
  tls: TlsMaterial | undefined,
  listener: ReturnType<typeof createRequestListener>,
): Server {
  const httpOptions: ServerOptions = {
    requestTimeout: options.requestTimeoutMs,
    headersTimeout: options.headersTimeoutMs,
    keepAliveTimeout: options.keepAliveTimeoutMs,
    maxHeaderSize: options.maxHeaderSize,
    // Node checks the two timeouts above on this interval (default 30 s, far coarser than they are).
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(options.headersTimeoutMs / 4))),
  };
  if (tls === undefined) return markInternal(createHttpServer(httpOptions, listener));
  const { certFile, keyFile } = options.tls!;
  try {
    // node:https (and TLS) only for a TLS server: most processes never load them.
    const { createServer: createHttpsServer } = require('node:https') as typeof import('node:https');
    return markInternal(
      createHttpsServer(
        {
          ...httpOptions,
          cert: tls.cert,
          key: tls.key,
          ca: tls.ca,
          requestCert: tls.ca !== undefined,
          rejectUnauthorized: tls.ca !== undefined,
          handshakeTimeout: options.headersTimeoutMs,
        },
        listener,
      ) as unknown as Server,
    );
  } catch (cause) {
    throw otelkitError(
      'TLS_FILE',
      {
        setting: 'tls',
        detail: `cannot use certFile ${certFile} with keyFile ${keyFile} (${describe(cause)})`,
      },
      { cause },
    );
  }
}

/**
 * Creates the observability server. Nothing is bound and no file is read until `listen()`; routes
 * may be mounted before or after. The server and its connections are `unref()`ed, so they never keep
 * the process alive on their own.
 *
 * Dispatch: exact path match (plus `prefix` routes), query ignored; `/metrics/` is not `/metrics`
 * (404). Unknown path 404, missing credentials 401 (checked before the method, so a 405 tells nothing
 * to an anonymous caller), wrong method 405 with `Allow`, a refused state-changing request 403
 * (see `operatorApi`), handler failure 500.
 * Throws `OTELKIT_ERR_INVALID_CONFIG` naming the option and the value for bad options (the same check as `OTELKIT_PORT` and its siblings).
 * @example
 * const server = createObservabilityServer({ port: 9464, auth: { type: 'bearer', token } });
 * server.route('/livez', (_req, res) => { res.end('ok\n'); }, { auth: false });
 * const { url } = await server.listen();
 */
export function createObservabilityServer(options: ObservabilityServerOptions = {}): ObservabilityServer {
  const resolved = resolveServerOptions(options);
  const scheme = resolved.tls === undefined ? 'http' : 'https';
  const table = new RouteTable();
  const reportError = (error: Error): void => {
    try {
      resolved.onError?.(error);
    } catch (thrown) {
      diag.error(`otelkit server: onError threw: ${describe(thrown)}`);
    }
  };
  const listener = createRequestListener({
    routes: table,
    authenticator: resolved.auth === undefined ? undefined : createAuthenticator(resolved.auth),
    operatorApi: resolved.operatorApi,
    maxBusy: Math.max(1, Math.floor(resolved.maxConnections / 2)),
    maxUrlLength: resolved.maxUrlLength,
    scheme,
    reportError,
  });
  let state: State = { phase: 'idle' };
  const hostPort = `${resolved.host}:${resolved.port}`;

  async function start(): Promise<Started> {
    const tls = resolved.tls === undefined ? undefined : await readTlsFiles(resolved.tls);
    const server = createNodeServer(resolved, tls, listener);
    // Not server.maxConnections: Node drops new connections at that cap, probes included.
    const connections = new ConnectionGuard(resolved.maxConnections);
    server.unref();
    server.on('connection', (socket: Socket) => {
      socket.unref();
      connections.admit(socket);
    });
    server.prependListener('request', (request, response) => {
      connections.track(request.socket, (listener) => response.once('close', listener));
    });
    await new Promise<void>((resolve, reject) => {
      const onListenError = (cause: Error): void => {
        reject(otelkitError('SERVER_LISTEN', { address: hostPort, reason: describe(cause) }, { cause }));
      };
      server.once('error', onListenError);
      server.listen({ host: resolved.host, port: resolved.port }, () => {
        server.off('error', onListenError);
        resolve();
      });
    });
    server.on('error', (error) => {
      diag.error(`otelkit server: ${describe(error)}`);
      reportError(error);
    });
    const address = toAddress(server, scheme);
    diag.debug(`otelkit server: listening on ${address.url}`);
    return { server, address };
  }

  function shutDown(server: Server): Promise<void> {
    return new Promise<void>((resolve) => {
      const cutOff = setTimeout(() => server.closeAllConnections(), resolved.closeGraceMs);
      server.close(() => {
        clearTimeout(cutOff);
        resolve();
      });
      server.closeIdleConnections();
    });
  }

  return {
    route(path, handler, routeOptions) {
      table.mount(path, handler, routeOptions);
    },
    routes: () => table.paths(),
    address: () => (state.phase === 'listening' ? state.address : undefined),
    listen() {
      switch (state.phase) {
        case 'idle': {
          const ready = start();
          const starting: State = { phase: 'starting', ready };
          state = starting;
          return ready.then(
            (started) => {
              if (state === starting) state = { phase: 'listening', ...started };
              return started.address;
            },
            (error: unknown) => {
              if (state === starting) state = { phase: 'idle' };
              throw error;
            },
          );
        }
        case 'starting':
          return state.ready.then((started) => started.address);
        case 'listening':
          return Promise.resolve(state.address);
        default:
          return Promise.reject(
            otelkitError('SERVER_LISTEN', { address: hostPort, reason: 'the server was closed' }),
          );
      }
    },
    close() {
      switch (state.phase) {
        case 'idle':
          state = { phase: 'closed' };
          return Promise.resolve();
        case 'closing':
          return state.done;
        case 'closed':
          return Promise.resolve();
        default: {
          const current = state;
          const done = (
            current.phase === 'listening'
              ? shutDown(current.server)
              : current.ready.then(
                  (started) => shutDown(started.server),
                  () => undefined,
                )
          ).then(() => {
            state = { phase: 'closed' };
          });
          state = { phase: 'closing', done };
          return done;
        }
      }
    },
  };
}
