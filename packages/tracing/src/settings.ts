import {
  defineSetting,
  envValue,
  invalid,
  listSetting,
  oneOfSetting,
  otlpSettings,
  type SettingKind,
} from '@otelkit/core/internal';
import { batchSettings } from './batch-settings';
import type { ResolvedHttpOptions } from './config';
import type { HttpInstrumentationOptions, PropagatorName, SamplerName, TracesExporterName } from './options';
import { SENSITIVE_QUERY_PARAMETERS } from './redact/query';
import { SPAN_LIMIT_SETTINGS } from './span-limit-settings';

const OWNER = '@otelkit/tracing';
const EXPORTERS: readonly TracesExporterName[] = ['otlp', 'console', 'none'];
const SAMPLERS: readonly SamplerName[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];
const PROPAGATORS: readonly PropagatorName[] = ['tracecontext', 'baggage', 'none'];
const HTTP_DEFAULTS: ResolvedHttpOptions = {
  server: true,
  client: true,
  fetch: true,
  serverTiming: false,
  metrics: true,
};

/** A sampling ratio from 0 to 1 (`0.25`, `1`, `.5`). */
export function parseRatio(setting: string, raw: unknown): number {
  const text = typeof raw === 'number' ? String(raw) : String(raw).trim();
  const value = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= 1)) invalid(setting, raw, 'a number from 0 to 1');
  return value;
}

/** A query parameter name: URL query characters other than `&`, `=`, `#`, `,` and spaces, at most 128. */
const QUERY_NAME = /^[A-Za-z0-9._~!$'()*+:;@%[\]/?-]{1,128}$/;
const QUERY_NAMES_EXPECTED =
  'a comma list of query parameter names (URL query characters, at most 128 each), or none';

const queryNames: SettingKind<readonly string[]> = {
  parse: (name, raw) => {
    if (raw.trim() === 'none') return [];
    const names = raw.split(',').map((n) => n.trim());
    if (!names.every((n) => QUERY_NAME.test(n))) invalid(name, raw, QUERY_NAMES_EXPECTED);
    return names;
  },
  check: (name, value) => {
    if (!Array.isArray(value) || !value.every((n) => typeof n === 'string' && QUERY_NAME.test(n))) {
      invalid(name, value, QUERY_NAMES_EXPECTED);
    }
    return [...(value as string[])];
  },
};

const http: SettingKind<ResolvedHttpOptions | false> = {
  parse: (name, raw) => invalid(name, raw, 'options set in code'),
  check: (name, value) => {
    if (value === false) return false;
    if (value === null || typeof value !== 'object')
      invalid(name, typeof value, 'false or an object of HTTP options');
    const hook = (value as HttpInstrumentationOptions).ignoreIncomingRequestHook;
    if (hook !== undefined && typeof hook !== 'function') {
      invalid(`${name}.ignoreIncomingRequestHook`, typeof hook, 'a function (request) => boolean');
    }
    return { ...HTTP_DEFAULTS, ...(value as HttpInstrumentationOptions) };
  },
};

const otlp = otlpSettings('traces', {
  optionPrefix: '',
  protocolOption: false,
  defaultEndpoint: 'http://localhost:4318/v1/traces',
  owner: OWNER,
});
const batch = batchSettings('OTEL_BSP', '', 5_000, 'batch span processor');

/** Tracing's settings, declared once, in resolution order (the sampler before its ratio). */
export const TRACING_SETTINGS = {
  exporters: defineSetting<readonly TracesExporterName[]>({
    option: 'exporters',
    env: ['OTEL_TRACES_EXPORTER'],
    kind: listSetting(EXPORTERS),
    default: ['otlp'],
    doc: '`otlp`, `console`, `none`',
    owner: OWNER,
  }),
  endpoint: otlp.endpoint,
  headers: otlp.headers,
  timeoutMs: otlp.timeoutMs,
  protocol: otlp.protocol,
  sampler: defineSetting<SamplerName>({
    option: 'sampler',
    env: ['OTEL_TRACES_SAMPLER'],
    kind: oneOfSetting(SAMPLERS),
    // Without an explicit sampler, an OTELKIT_PRESET samples its ratio of new traces (parent-based).
    default: ({ preset }) => (preset === undefined ? 'parentbased_always_on' : 'parentbased_traceidratio'),
    defaultDoc: '`parentbased_always_on` (`parentbased_traceidratio` with a preset)',
    doc: '`always_on`, `always_off`, `traceidratio`, `parentbased_always_on`, `parentbased_always_off`, `parentbased_traceidratio`',
    owner: OWNER,
  }),
  samplerRatio: defineSetting<number>({
    option: 'samplerRatio',
    env: ['OTEL_TRACES_SAMPLER_ARG'],
    kind: { parse: parseRatio, check: parseRatio },
    default: 1,
    preset: 'tracesSamplerRatio',
    // The argument applies to the ratio samplers only, as the specification says.
    read: ({ env, values }) => {
      if (!String(values.sampler).endsWith('traceidratio')) return undefined;
      const raw = envValue(env, 'OTEL_TRACES_SAMPLER_ARG');
      if (raw === undefined) return undefined;
      return { name: 'OTEL_TRACES_SAMPLER_ARG', value: parseRatio('OTEL_TRACES_SAMPLER_ARG', raw) };
    },
    reload: true,
    doc: 'the ratio of the `traceidratio` samplers, 0 to 1',
    owner: OWNER,
  }),
  propagators: defineSetting<readonly PropagatorName[]>({
    option: 'propagators',
    env: ['OTEL_PROPAGATORS'],
    kind: listSetting(PROPAGATORS),
    default: ['tracecontext', 'baggage'],
    doc: '`tracecontext`, `baggage`, `none`',
    owner: OWNER,
  }),
  maxQueueSize: batch.maxQueueSize,
  maxExportBatchSize: batch.maxExportBatchSize,
  scheduledDelayMs: batch.scheduledDelayMs,
  exportTimeoutMs: batch.exportTimeoutMs,
  http: defineSetting<ResolvedHttpOptions | false>({
    option: 'http',
    kind: http,
    default: HTTP_DEFAULTS,
    defaultDoc: 'server, client, fetch and metrics on; `Server-Timing` off',
    doc: 'HTTP instrumentation, or `false` (option only)',
    owner: OWNER,
  }),
  sensitiveQueryParameters: defineSetting<readonly string[]>({
    option: 'sensitiveQueryParameters',
    env: ['OTELKIT_SENSITIVE_QUERY_PARAMETERS'],
    kind: queryNames,
    default: SENSITIVE_QUERY_PARAMETERS,
    defaultDoc:
      "the HTTP semantic conventions' list (`X-Amz-Signature`, `sig`, `AWSAccessKeyId`, …) plus otelkit's (`key`, `token`, `code`, `api_key`, …)",
    doc: 'comma list (case-sensitive) of query parameters whose values become `REDACTED` in `url.full` / `url.query`, or `none`; replaces the default list ([tracing README](packages/tracing/README.md#logs-and-redaction))',
    owner: OWNER,
  }),
  ...SPAN_LIMIT_SETTINGS,
};
