import { invalid, parseEnum, parseKeyValueList, parseUrl } from '../config/parse';
import { defineSetting } from './define';
import { integer, POSITIVE_MS, type SettingKind } from './kinds';
import type { Setting } from './setting';

/** The OTLP signals otelkit exports. */
export type OtlpSignal = 'metrics' | 'traces' | 'logs';

/** OTLP/HTTP encodings of `OTEL_EXPORTER_OTLP_PROTOCOL` and its per-signal forms. */
export type OtlpHttpProtocol = 'http/protobuf' | 'http/json';

const PROTOCOLS: readonly OtlpHttpProtocol[] = ['http/protobuf', 'http/json'];

/** The generic OTLP endpoint, a base URL the signal path is appended to. */
export const OTLP_BASE_ENDPOINT = 'OTEL_EXPORTER_OTLP_ENDPOINT';

/**
 * Appends a signal path to `OTEL_EXPORTER_OTLP_ENDPOINT`, as the specification says
 * (`http://collector:4318` -> `http://collector:4318/v1/traces`).
 */
export function signalUrl(base: string, path: string): string {
  return base.endsWith('/') ? `${base}${path}` : `${base}/${path}`;
}

const protocol: SettingKind<OtlpHttpProtocol> = {
  parse: (name, raw) => {
    const value = PROTOCOLS.find((p) => p === raw.trim().toLowerCase());
    if (value === undefined)
      invalid(name, raw, 'http/json or http/protobuf (otelkit exports OTLP over HTTP)');
    return value;
  },
  check: (name, value) => parseEnum(name, String(value), PROTOCOLS),
};

const headers: SettingKind<Readonly<Record<string, string>>> = {
  parse: (name, raw) => parseKeyValueList(name, raw, { headers: true }),
  check: (name, value) => {
    if (typeof value !== 'object' || value === null) invalid(name, '(hidden)', 'an object of header values');
    return value as Readonly<Record<string, string>>;
  },
};

/** Where a signal's OTLP settings live in its options, and its default endpoint. */
export interface OtlpSettingsOptions<E extends string | undefined> {
  /** Option path prefix: `otlp.` (core), `` (tracing), `logs.` (logs). */
  readonly optionPrefix: string;
  /** Whether the protocol is also an option (else only the variables are checked). */
  readonly protocolOption: boolean;
  /** The endpoint without any variable: `undefined` (no push) or the local collector. */
  readonly defaultEndpoint: E;
  readonly owner: string;
  /** The protocol's doc line, when the signal sends something else than the default says. */
  readonly protocolDoc?: string;
}

/** The four OTLP settings of one signal. */
export type OtlpSettings<E extends string | undefined> = {
  readonly endpoint: Setting<string | E>;
  readonly headers: Setting<Readonly<Record<string, string>>>;
  readonly timeoutMs: Setting<number>;
  readonly protocol: Setting<OtlpHttpProtocol>;
};

/**
 * Declares a signal's OTLP endpoint, headers, timeout and protocol once, for metrics, traces and logs:
 * the option, else `OTEL_EXPORTER_OTLP_<SIGNAL>_*`, else `OTEL_EXPORTER_OTLP_*` (the endpoint with
 * `/v1/<signal>` appended), else the default.
 * @see https://opentelemetry.io/docs/specs/otel/protocol/exporter/
 */
export function otlpSettings<E extends string | undefined>(
  signal: OtlpSignal,
  options: OtlpSettingsOptions<E>,
): OtlpSettings<E> {
  const { optionPrefix: at, owner } = options;
  const specific = (suffix: string) => [
    `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_${suffix}`,
    `OTEL_EXPORTER_OTLP_${suffix}`,
  ];
  const path = `v1/${signal}`;
  const endpoint: SettingKind<string | E> = {
    parse: (name, raw) =>
      name === OTLP_BASE_ENDPOINT ? signalUrl(parseUrl(name, raw), path) : parseUrl(name, raw),
    check: (name, value) => parseUrl(name, String(value)),
  };
  return {
    endpoint: defineSetting({
      option: `${at}endpoint`,
      env: specific('ENDPOINT'),
      kind: endpoint,
      default: options.defaultEndpoint,
      defaultDoc: options.defaultEndpoint === undefined ? '—' : `\`${options.defaultEndpoint}\``,
      doc: `OTLP/HTTP ${signal} URL (the generic variable is a base: \`<base>/${path}\`)`,
      owner,
      secret: 'userinfo',
    }),
    headers: defineSetting({
      option: `${at}headers`,
      env: specific('HEADERS'),
      kind: headers,
      default: {},
      doc: `\`key=value,…\` headers on every ${signal} export`,
      owner,
      secret: 'headers',
    }),
    timeoutMs: defineSetting({
      option: `${at}timeoutMs`,
      env: specific('TIMEOUT'),
      kind: integer(POSITIVE_MS),
      default: 10_000,
      doc: `ms per ${signal} export request`,
      owner,
    }),
    protocol: defineSetting({
      option: options.protocolOption ? `${at}protocol` : undefined,
      env: specific('PROTOCOL'),
      kind: protocol,
      default: 'http/protobuf',
      doc:
        options.protocolDoc ??
        `${signal} encoding: \`http/protobuf\` or \`http/json\`; \`grpc\` is refused (otelkit exports OTLP over HTTP)`,
      owner,
    }),
  };
}
