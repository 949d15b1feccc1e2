import { invalid } from '../config/parse';
import { SERVER_SETTINGS, serverAuth, serverTls } from '../config/server-settings';
import { defaultOf, defineSetting } from '../settings/define';
import { integer, POSITIVE_MS } from '../settings/kinds';
import { resolveSection } from '../settings/resolve-section';
import type { SettingContext } from '../settings/setting';
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

const OWNER = '@otelkit/core';

function positive(option: string, fallback: number | ((context: SettingContext) => number), doc: string) {
  return defineSetting({ option, kind: integer(POSITIVE_MS), default: fallback, doc, owner: OWNER });
}

/**
 * The options of {@link createObservabilityServer} as settings: the ones the environment also sets
 * (host, port, request timeout, operator API) are core's settings themselves, auth and TLS are checked
 * by the same kinds, so a direct caller gets the same validation and the same error as `OTELKIT_PORT`.
 */
const SERVER_OPTION_SETTINGS = {
  host: SERVER_SETTINGS.host,
  port: SERVER_SETTINGS.port,
  requestTimeoutMs: SERVER_SETTINGS.requestTimeoutMs,
  headersTimeoutMs: positive(
    'headersTimeoutMs',
    ({ values }) => Math.min(5_000, values.requestTimeoutMs as number),
    'time a client has to send the request headers',
  ),
  keepAliveTimeoutMs: positive(
    'keepAliveTimeoutMs',
    5_000,
    'how long an idle keep-alive connection stays open',
  ),
  maxHeaderSize: positive('maxHeaderSize', 16_384, 'largest request line plus headers, in bytes'),
  maxUrlLength: positive('maxUrlLength', 8_192, 'longest request target, in characters'),
  maxConnections: positive('maxConnections', 256, 'connections open at once'),
  closeGraceMs: positive('closeGraceMs', 1_000, 'how long close() lets in-flight requests finish'),
  auth: defineSetting<ServerAuthOptions | undefined>({
    option: 'auth',
    kind: serverAuth,
    default: undefined,
    doc: 'credentials',
    owner: OWNER,
  }),
  operatorApi: SERVER_SETTINGS.operatorApi,
  tls: defineSetting<ServerTlsOptions | undefined>({
    option: 'tls',
    kind: serverTls,
    default: undefined,
    doc: 'PEM files for HTTPS',
    owner: OWNER,
  }),
};

/** Defaults of {@link ObservabilityServerOptions}, read from the settings (one place). */
export const SERVER_DEFAULTS = {
  host: defaultOf(SERVER_OPTION_SETTINGS.host),
  port: defaultOf(SERVER_OPTION_SETTINGS.port),
  requestTimeoutMs: defaultOf(SERVER_OPTION_SETTINGS.requestTimeoutMs),
  headersTimeoutMs: 5_000,
  keepAliveTimeoutMs: defaultOf(SERVER_OPTION_SETTINGS.keepAliveTimeoutMs),
  maxHeaderSize: defaultOf(SERVER_OPTION_SETTINGS.maxHeaderSize),
  maxUrlLength: defaultOf(SERVER_OPTION_SETTINGS.maxUrlLength),
  maxConnections: defaultOf(SERVER_OPTION_SETTINGS.maxConnections),
  closeGraceMs: defaultOf(SERVER_OPTION_SETTINGS.closeGraceMs),
  operatorApi: defaultOf(SERVER_OPTION_SETTINGS.operatorApi),
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

/**
 * Applies {@link SERVER_DEFAULTS} and validates with core's settings (the one resolver, no
 * environment); throws `OTELKIT_ERR_INVALID_CONFIG` naming the bad option and its value.
 */
export function resolveServerOptions(options: ObservabilityServerOptions): ResolvedServerOptions {
  const { values, sources } = resolveSection(SERVER_OPTION_SETTINGS, { options, env: {} });
  if (values.headersTimeoutMs > values.requestTimeoutMs) {
    invalid(
      sources.headersTimeoutMs?.name ?? 'options.headersTimeoutMs',
      values.headersTimeoutMs,
      `at most options.requestTimeoutMs (${values.requestTimeoutMs})`,
    );
  }
  return { ...values, onError: options.onError };
}
