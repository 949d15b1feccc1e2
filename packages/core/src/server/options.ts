import { OtelkitError } from '../errors';
import type { OperatorApiMode } from './action-guard';

/** Credentials the observability server requires on routes that do not opt out of auth. */
export type ServerAuthOptions =
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | { readonly type: 'bearer'; readonly token: string };

/** PEM files for HTTPS. They are read when `listen()` is called. */
export interface ServerTlsOptions {
  /** Server certificate (chain), PEM. */
  readonly certFile: string;
  /** Private key of the certificate, PEM. */
  readonly keyFile: string;
  /**
   * CA bundle, PEM. When set, clients must present a certificate signed by it (mutual TLS);
   * connections without one are refused during the handshake.
   */
  readonly caFile?: string;
}

/** Options of {@link createObservabilityServer}; every field is optional, defaults in {@link SERVER_DEFAULTS}. */
export interface ObservabilityServerOptions {
  /** Interface to bind. Default `'0.0.0.0'`. */
  readonly host?: string;
  /** TCP port; `0` picks a free port. Default `9464`. */
  readonly port?: number;
  /** Time a client has to send a whole request (headers and body). Default `10_000`. */
  readonly requestTimeoutMs?: number;
  /** Time a client has to send the request headers; at most `requestTimeoutMs`. Default `5_000` (or `requestTimeoutMs` when smaller). */
  readonly headersTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open. Default `5_000`. */
  readonly keepAliveTimeoutMs?: number;
  /** Largest request line plus headers, in bytes; larger requests get 431. Default `16_384`. */
  readonly maxHeaderSize?: number;
  /** Longest request target (path and query), in characters; longer ones get 414. Default `8_192`. */
  readonly maxUrlLength?: number;
  /**
   * Connections open at once. At the cap, a new connection closes the oldest one that has no request
   * in progress (idle keep-alive, or still sending its headers), so probes get through while a client
   * holds many half-open sockets; only when every connection is serving a request is the new one
   * dropped. Default `256`.
   */
  readonly maxConnections?: number;
  /** How long `close()` lets in-flight requests finish before cutting their connections. Default `1_000`. */
  readonly closeGraceMs?: number;
  /** Credentials required on routes mounted without `auth: false`. Default: none. */
  readonly auth?: ServerAuthOptions;
  /**
   * Who may send state-changing requests (POST and other non-GET methods, e.g. operator actions):
   * `'auth'` only authenticated callers, so such routes answer 403 while `auth` is unset; `'open'`
   * anyone (local development). Either way they must be non-simple requests (`Content-Type:
   * application/json` or an `X-Requested-By` header) from no foreign `Origin`. Default `'auth'`.
   */
  readonly operatorApi?: OperatorApiMode;
  /** Serve HTTPS with these files. Default: plain HTTP. */
  readonly tls?: ServerTlsOptions;
  /** Receives background errors: failing handlers, server errors after start. Default: `diag.error` only. */
  readonly onError?: (error: Error) => void;
}

/** Defaults of {@link ObservabilityServerOptions}, in one place. */
export const SERVER_DEFAULTS = {
  host: '0.0.0.0',
  port: 9464,
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderSize: 16_384,
  maxUrlLength: 8_192,
  maxConnections: 256,
  closeGraceMs: 1_000,
  operatorApi: 'auth',
} as const;

/** Options after defaults and validation. */
export interface ResolvedServerOptions {
  readonly host: string;
  readonly port: number;
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxHeaderSize: number;
  readonly maxUrlLength: number;
  readonly maxConnections: number;
  readonly closeGraceMs: number;
  readonly auth: ServerAuthOptions | undefined;
  readonly operatorApi: OperatorApiMode;
  readonly tls: ServerTlsOptions | undefined;
  readonly onError: ((error: Error) => void) | undefined;
}

const INVALID = 'OTELKIT_ERR_INVALID_SERVER_OPTION';

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new OtelkitError(INVALID, `server option ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

function nonEmpty(name: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new OtelkitError(INVALID, `server option ${name} must be a non-empty string`);
  }
}

function validateAuth(auth: ServerAuthOptions): ServerAuthOptions {
  if (auth.type === 'basic') {
    nonEmpty('auth.username', auth.username);
    nonEmpty('auth.password', auth.password);
    if (auth.username.includes(':')) {
      // Not echoed: a user name with ':' is often "user:password" pasted whole.
      throw new OtelkitError(INVALID, `server option auth.username must not contain ':'`);
    }
  } else if (auth.type === 'bearer') {
    nonEmpty('auth.token', auth.token);
  } else {
    const type: unknown = (auth as { type?: unknown }).type;
    throw new OtelkitError(
      INVALID,
      `server option auth.type must be 'basic' or 'bearer', got ${String(type)}`,
    );
  }
  return auth;
}

function resolveOperatorApi(mode: OperatorApiMode | undefined): OperatorApiMode {
  if (mode === undefined) return SERVER_DEFAULTS.operatorApi;
  if (mode !== 'auth' && mode !== 'open') {
    throw new OtelkitError(
      INVALID,
      `server option operatorApi must be 'auth' or 'open', got ${String(mode)}`,
    );
  }
  return mode;
}

/** Applies {@link SERVER_DEFAULTS} and validates; throws an {@link OtelkitError} naming the bad option. */
export function resolveServerOptions(options: ObservabilityServerOptions): ResolvedServerOptions {
  const port = options.port ?? SERVER_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new OtelkitError(
      'OTELKIT_ERR_INVALID_PORT',
      `server option port must be 0..65535, got ${String(port)}`,
    );
  }
  const host = options.host ?? SERVER_DEFAULTS.host;
  nonEmpty('host', host);
  const requestTimeoutMs = positiveInteger(
    'requestTimeoutMs',
    options.requestTimeoutMs ?? SERVER_DEFAULTS.requestTimeoutMs,
  );
  const headersTimeoutMs = positiveInteger(
    'headersTimeoutMs',
    options.headersTimeoutMs ?? Math.min(SERVER_DEFAULTS.headersTimeoutMs, requestTimeoutMs),
  );
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new OtelkitError(
      INVALID,
      `server option headersTimeoutMs (${headersTimeoutMs}) must not exceed requestTimeoutMs (${requestTimeoutMs})`,
    );
  }
  if (options.tls !== undefined) {
    nonEmpty('tls.certFile', options.tls.certFile);
    nonEmpty('tls.keyFile', options.tls.keyFile);
    if (options.tls.caFile !== undefined) nonEmpty('tls.caFile', options.tls.caFile);
  }
  return {
    host,
    port,
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: positiveInteger(
      'keepAliveTimeoutMs',
      options.keepAliveTimeoutMs ?? SERVER_DEFAULTS.keepAliveTimeoutMs,
    ),
    maxHeaderSize: positiveInteger('maxHeaderSize', options.maxHeaderSize ?? SERVER_DEFAULTS.maxHeaderSize),
    maxUrlLength: positiveInteger('maxUrlLength', options.maxUrlLength ?? SERVER_DEFAULTS.maxUrlLength),
    maxConnections: positiveInteger(
      'maxConnections',
      options.maxConnections ?? SERVER_DEFAULTS.maxConnections,
    ),
    closeGraceMs: positiveInteger('closeGraceMs', options.closeGraceMs ?? SERVER_DEFAULTS.closeGraceMs),
    auth: options.auth === undefined ? undefined : validateAuth(options.auth),
    operatorApi: resolveOperatorApi(options.operatorApi),
    tls: options.tls,
    onError: options.onError,
  };
}
