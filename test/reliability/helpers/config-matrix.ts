/** What kind of value a configuration variable takes. */
export type Kind =
  | 'int'
  | 'bool'
  | 'enum'
  | 'list'
  | 'names'
  | 'url'
  | 'host'
  | 'kv'
  | 'ratio'
  | 'string'
  | 'file';

/** A readable file that is not a PEM certificate: lets the other TLS file be the one checked. */
const READABLE_FILE = __filename;

/** Every variable otelkit reads at start-up, with its kind (and what else must be set for it to be read). */
export const VARIABLES: ReadonlyArray<{ name: string; kind: Kind; with?: Record<string, string> }> = [
  { name: 'OTELKIT_PORT', kind: 'int' },
  { name: 'OTELKIT_REQUEST_TIMEOUT_MS', kind: 'int' },
  { name: 'OTELKIT_SHUTDOWN_TIMEOUT_MS', kind: 'int' },
  { name: 'OTELKIT_SHUTDOWN_DELAY_MS', kind: 'int' },
  { name: 'OTELKIT_CARDINALITY_LIMIT', kind: 'int' },
  { name: 'OTEL_METRIC_EXPORT_INTERVAL', kind: 'int' },
  { name: 'OTEL_METRIC_EXPORT_TIMEOUT', kind: 'int', with: { OTEL_METRIC_EXPORT_INTERVAL: '2147483647' } },
  { name: 'OTEL_EXPORTER_OTLP_TIMEOUT', kind: 'int' },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_TIMEOUT', kind: 'int' },
  { name: 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', kind: 'int' },
  { name: 'OTEL_BSP_SCHEDULE_DELAY', kind: 'int' },
  { name: 'OTEL_BSP_EXPORT_TIMEOUT', kind: 'int' },
  { name: 'OTEL_BSP_MAX_QUEUE_SIZE', kind: 'int' },
  { name: 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE', kind: 'int', with: { OTEL_BSP_MAX_QUEUE_SIZE: '1000000' } },
  { name: 'OTEL_EXPORTER_OTLP_LOGS_TIMEOUT', kind: 'int' },
  { name: 'OTEL_BLRP_SCHEDULE_DELAY', kind: 'int' },
  { name: 'OTEL_BLRP_EXPORT_TIMEOUT', kind: 'int' },
  { name: 'OTEL_BLRP_MAX_QUEUE_SIZE', kind: 'int' },
  { name: 'OTEL_BLRP_MAX_EXPORT_BATCH_SIZE', kind: 'int', with: { OTEL_BLRP_MAX_QUEUE_SIZE: '1000000' } },
  { name: 'OTELKIT_RUNTIME_METRICS', kind: 'bool' },
  { name: 'OTELKIT_SERVER', kind: 'bool' },
  { name: 'OTEL_LOG_LEVEL', kind: 'enum' },
  { name: 'OTELKIT_RUNTIME_METRICS_NAMING', kind: 'enum' },
  { name: 'OTELKIT_PRESET', kind: 'enum' },
  { name: 'OTELKIT_OPERATOR_API', kind: 'enum' },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE', kind: 'enum' },
  { name: 'OTEL_TRACES_SAMPLER', kind: 'enum' },
  { name: 'OTEL_EXPORTER_OTLP_PROTOCOL', kind: 'enum' },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL', kind: 'enum' },
  { name: 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', kind: 'enum' },
  { name: 'OTEL_EXPORTER_OTLP_LOGS_PROTOCOL', kind: 'enum' },
  { name: 'OTEL_METRICS_EXPORTER', kind: 'list' },
  { name: 'OTEL_TRACES_EXPORTER', kind: 'list' },
  { name: 'OTEL_LOGS_EXPORTER', kind: 'list' },
  { name: 'OTEL_PROPAGATORS', kind: 'list' },
  { name: 'OTEL_NODE_ENABLED_INSTRUMENTATIONS', kind: 'list' },
  { name: 'OTELKIT_SENSITIVE_QUERY_PARAMETERS', kind: 'names' },
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', kind: 'url' },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', kind: 'url' },
  { name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', kind: 'url' },
  { name: 'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT', kind: 'url' },
  { name: 'OTELKIT_HOST', kind: 'host' },
  { name: 'OTEL_RESOURCE_ATTRIBUTES', kind: 'kv' },
  { name: 'OTEL_EXPORTER_OTLP_HEADERS', kind: 'kv' },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_HEADERS', kind: 'kv' },
  { name: 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', kind: 'kv' },
  { name: 'OTEL_EXPORTER_OTLP_LOGS_HEADERS', kind: 'kv' },
  { name: 'OTEL_TRACES_SAMPLER_ARG', kind: 'ratio', with: { OTEL_TRACES_SAMPLER: 'traceidratio' } },
  { name: 'OTEL_SERVICE_NAME', kind: 'string' },
  { name: 'OTELKIT_SERVICE_VERSION', kind: 'string' },
  { name: 'OTELKIT_ENVIRONMENT', kind: 'string' },
  { name: 'OTELKIT_TLS_CERT_FILE', kind: 'file', with: { OTELKIT_TLS_KEY_FILE: READABLE_FILE } },
  { name: 'OTELKIT_TLS_KEY_FILE', kind: 'file', with: { OTELKIT_TLS_CERT_FILE: READABLE_FILE } },
];

const HUGE = 'x'.repeat(100_000);
const CONTROL = 'bad\u001b[31m\r\n{"level":50}\u0000';

/** Values every variable of a kind must refuse: non-numeric, negative, out of range, unknown, huge, control characters. */
export const BAD_VALUES: Readonly<Record<Kind, readonly string[]>> = {
  int: ['abc', '-1', '2147483648', '1.5', '1e3', '0x10', '10ms', '9'.repeat(1000), HUGE, CONTROL],
  bool: ['yes', '1', '-1', HUGE, CONTROL],
  enum: ['bogus', '-1', HUGE, CONTROL],
  list: ['bogus', 'otlp,bogus', '-1', HUGE, CONTROL],
  names: ['a b', 'sig=x', 'sig,,key', 'x'.repeat(129), HUGE, CONTROL],
  url: ['not a url', 'ftp://x', '-1', HUGE, CONTROL],
  host: ['bad host!', 'x'.repeat(300), '-1 2', CONTROL],
  kv: ['novalue', '=v', 'k=%E0%A4%A', HUGE, CONTROL],
  ratio: ['-0.5', '1.5', 'abc', 'NaN', 'Infinity', HUGE, CONTROL],
  string: [],
  file: ['/nonexistent/otelkit.pem', '/', 'x'.repeat(5_000), CONTROL],
};

/** Values every variable accepts as "not set" (empty) or, for strings, as given. */
export const ACCEPTED_VALUES: Readonly<Record<Kind, readonly string[]>> = {
  int: ['', '   '],
  bool: ['', ' '],
  enum: [''],
  list: [''],
  names: ['', 'none', 'sig,X-Amz-Signature'],
  url: [''],
  host: [''],
  kv: ['', ','],
  ratio: [''],
  string: ['', HUGE, 'name with spaces'],
  file: [],
};

/** A value shown in a test name: clipped, escaped. */
export function label(value: string): string {
  const shown = value.length > 24 ? `${value.slice(0, 12)}…(${value.length} chars)` : value;
  return JSON.stringify(shown);
}
