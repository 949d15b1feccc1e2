import type { OperatorApiMode } from '../server/action-guard';
import type { ObservabilityServerOptions, ServerAuthOptions, ServerTlsOptions } from '../server/options';
import { checkTlsFiles } from '../server/tls';
import { defaultOf, defineSetting } from '../settings/define';
import { envValue } from '../settings/env';
import { boolean, host, integer, oneOf, POSITIVE_MS, type SettingKind, text } from '../settings/kinds';
import { resolveSection } from '../settings/resolve-section';
import type { SettingContext } from '../settings/setting';
import { HIDDEN, type IntegerBounds, invalid } from './parse';
import type { ServerAuth, ServerTls } from './types';

const OWNER = '@otelkit/core';
/** Bounds of a TCP port; `0` picks a free one. */
export const PORT: IntegerBounds = { min: 0, max: 65_535 };
const OPERATOR_API_MODES: readonly OperatorApiMode[] = ['auth', 'open'];

/** {@link text} for a credential: the error line never shows it. */
function secret(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(name, HIDDEN, 'a non-empty string');
  return value;
}

/** Server credentials given in code: basic (user name without `:`) or bearer. */
export const serverAuth: SettingKind<ServerAuth> = {
  parse: (name) => invalid(name, HIDDEN, 'credentials set in code'),
  check: (name, value) => {
    const a = value as ServerAuth;
    if (a.type === 'basic') {
      text.check(`${name}.username`, a.username);
      // Not shown: a user name with ':' is often "user:password" pasted whole.
      if (a.username.includes(':')) invalid(`${name}.username`, HIDDEN, 'a user name without ":"');
      secret(`${name}.password`, a.password);
    } else if (a.type === 'bearer') secret(`${name}.token`, a.token);
    else invalid(`${name}.type`, (a as { type: unknown }).type, 'basic or bearer');
    return a;
  },
};

/** TLS file names given in code (their content is read when the server listens). */
export const serverTls: SettingKind<ServerTls & { readonly caFile?: string }> = {
  parse: (name, raw) => invalid(name, raw, 'files set in code'),
  check: (name, value) => {
    const tls = value as ServerTls & { readonly caFile?: string };
    text.check(`${name}.certFile`, tls.certFile);
    text.check(`${name}.keyFile`, tls.keyFile);
    if (tls.caFile !== undefined) text.check(`${name}.caFile`, tls.caFile);
    return tls;
  },
};

const TLS_VARIABLES = { certFile: 'OTELKIT_TLS_CERT_FILE', keyFile: 'OTELKIT_TLS_KEY_FILE' } as const;

/** Stops start-up when a TLS file is missing, unreadable or not PEM, naming the setting and the path. */
function usableTls<T extends ServerTls & { readonly caFile?: string }>(
  tls: T,
  prefix: string | undefined,
): T {
  const problem = checkTlsFiles(tls);
  if (problem !== undefined) {
    const setting =
      prefix === undefined && problem.file !== 'caFile'
        ? TLS_VARIABLES[problem.file]
        : `options.tls.${problem.file}`;
    invalid(setting, tls[problem.file], `a readable PEM file (${problem.reason})`);
  }
  return tls;
}

/** The observability server's settings (core's section; `createObservabilityServer` checks its options with the same kinds). */
export const SERVER_SETTINGS = {
  server: defineSetting({
    option: 'server',
    env: ['OTELKIT_SERVER'],
    kind: boolean,
    default: true,
    doc: '`false`: no observability server',
    owner: OWNER,
  }),
  host: defineSetting({
    option: 'host',
    env: ['OTELKIT_HOST'],
    kind: host,
    default: '0.0.0.0',
    doc: 'observability server bind address',
    owner: OWNER,
  }),
  port: defineSetting({
    option: 'port',
    env: ['OTELKIT_PORT'],
    kind: integer(PORT),
    default: 9464,
    doc: 'observability server port; `0` picks a free port (logged at debug)',
    owner: OWNER,
  }),
  requestTimeoutMs: defineSetting({
    option: 'requestTimeoutMs',
    env: ['OTELKIT_REQUEST_TIMEOUT_MS'],
    kind: integer(POSITIVE_MS),
    default: 10_000,
    doc: 'server request timeout',
    owner: OWNER,
  }),
  auth: defineSetting<ServerAuth | undefined>({
    option: 'auth',
    env: ['OTELKIT_AUTH_USERNAME', 'OTELKIT_AUTH_PASSWORD', 'OTELKIT_AUTH_TOKEN'],
    kind: serverAuth,
    default: undefined,
    read: ({ env }) => {
      const user = envValue(env, 'OTELKIT_AUTH_USERNAME');
      const password = envValue(env, 'OTELKIT_AUTH_PASSWORD');
      const token = envValue(env, 'OTELKIT_AUTH_TOKEN');
      if (token !== undefined && (user !== undefined || password !== undefined)) {
        invalid('OTELKIT_AUTH_TOKEN', '(set)', 'either a token or a user name and password, not both');
      }
      if (token !== undefined) return { name: 'OTELKIT_AUTH_TOKEN', value: { type: 'bearer', token } };
      if (user === undefined && password === undefined) return undefined;
      if (user === undefined)
        invalid('OTELKIT_AUTH_USERNAME', '', 'a user name when OTELKIT_AUTH_PASSWORD is set');
      if (password === undefined)
        invalid('OTELKIT_AUTH_PASSWORD', '', 'a password when OTELKIT_AUTH_USERNAME is set');
      if (user.includes(':')) invalid('OTELKIT_AUTH_USERNAME', HIDDEN, 'a user name without ":"');
      return { name: 'OTELKIT_AUTH_USERNAME', value: { type: 'basic', username: user, password } };
    },
    doc: 'auth on `/metrics`, the status routes and the operator API (probes stay open): `OTELKIT_AUTH_USERNAME` + `OTELKIT_AUTH_PASSWORD` (basic), or `OTELKIT_AUTH_TOKEN` (bearer)',
    owner: OWNER,
    secret: 'credentials',
  }),
  tls: defineSetting<(ServerTls & { readonly caFile?: string }) | undefined>({
    option: 'tls',
    env: ['OTELKIT_TLS_CERT_FILE', 'OTELKIT_TLS_KEY_FILE'],
    kind: {
      parse: serverTls.parse,
      check: (name, value) => usableTls(serverTls.check(name, value), 'options.tls.'),
    },
    default: undefined,
    read: ({ env }) => {
      const certFile = envValue(env, 'OTELKIT_TLS_CERT_FILE');
      const keyFile = envValue(env, 'OTELKIT_TLS_KEY_FILE');
      if (certFile === undefined && keyFile === undefined) return undefined;
      if (certFile === undefined)
        invalid('OTELKIT_TLS_CERT_FILE', '', 'a certificate file when OTELKIT_TLS_KEY_FILE is set');
      if (keyFile === undefined)
        invalid('OTELKIT_TLS_KEY_FILE', '', 'a key file when OTELKIT_TLS_CERT_FILE is set');
      return { name: 'OTELKIT_TLS_CERT_FILE', value: usableTls({ certFile, keyFile }, undefined) };
    },
    doc: 'serve HTTPS with these PEM files (`OTELKIT_TLS_CERT_FILE` + `OTELKIT_TLS_KEY_FILE`; a missing or unreadable file stops start-up)',
    owner: OWNER,
  }),
  operatorApi: defineSetting<OperatorApiMode>({
    option: 'operatorApi',
    env: ['OTELKIT_OPERATOR_API'],
    kind: oneOf(OPERATOR_API_MODES),
    default: 'auth',
    doc: '`auth`: operator actions (breaker isolate/reset, check runs, any `POST` route) only for authenticated callers, so they answer 403 while no auth is set; `open`: without auth too, for local development (one warning at start-up). Either way they need `Content-Type: application/json` or an `X-Requested-By` header and no foreign `Origin` ([SECURITY.md](SECURITY.md))',
    owner: OWNER,
  }),
};

function positive(option: string, fallback: number | ((context: SettingContext) => number), doc: string) {
  return defineSetting({ option, kind: integer(POSITIVE_MS), default: fallback, doc, owner: OWNER });
}

/**
 * The options of `createObservabilityServer` as settings: the ones the environment also sets
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
