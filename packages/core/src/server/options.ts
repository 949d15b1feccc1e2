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

/**
 * Options of {@link createObservabilityServer}; every field is optional. Validated and defaulted by
 * `resolveServerOptions` with core's server settings (`config/server-settings.ts`), defaults in `SERVER_DEFAULTS` there.
 */
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
