import { OtelkitError } from './errors';

/** One entry of the error catalogue. */
export interface ErrorCode {
  /** The stable, searchable code (`OTELKIT_ERR_*`). */
  readonly code: string;
  /** What went wrong, in one line (the README's error table). */
  readonly meaning: string;
  /**
   * The exit status when otelkit itself ends the process for this error (the preload, the CLI);
   * `undefined` when the error only reaches the caller.
   */
  readonly exitCode: number | undefined;
  /** The message, with `{name}` placeholders filled by {@link otelkitError}. */
  readonly message: string;
  /** The package that throws it. */
  readonly owner: string;
}

/**
 * Every `OTELKIT_ERR_*` code, in one place (in the spirit of fastify's `lib/errors.js`): each throw site
 * takes its code and message from here. `@otelkit/circuit-breaker` depends only on
 * `@opentelemetry/api`, so it keeps its own constants; they are listed here for the documentation
 * (a test checks both lists agree).
 */
export const ERROR_CODES = {
  INVALID_CONFIG: {
    code: 'OTELKIT_ERR_INVALID_CONFIG',
    meaning: 'a setting (option or environment variable) has a value otelkit cannot use; nothing starts',
    exitCode: 1,
    message: 'OTELKIT_ERR_INVALID_CONFIG: {setting}={value} is invalid: expected {expected}',
    owner: '@otelkit/core',
  },
  CONFIG_MODULE: {
    code: 'OTELKIT_ERR_CONFIG_MODULE',
    meaning:
      'the options module named by `OTELKIT_CONFIG` is missing, throws when loaded, or does not export an options object; nothing starts',
    exitCode: 1,
    message: 'OTELKIT_ERR_CONFIG_MODULE: OTELKIT_CONFIG={file}: {problem}',
    owner: '@otelkit/core',
  },
  EXISTING_PROVIDER: {
    code: 'OTELKIT_ERR_EXISTING_PROVIDER',
    meaning:
      'a global MeterProvider, TracerProvider or propagator was registered before otelkit started (`OTELKIT_EXISTING_PROVIDERS=refuse`); otelkit does not start, the app runs on',
    exitCode: undefined,
    message:
      'OTELKIT_ERR_EXISTING_PROVIDER: another OpenTelemetry setup registered a global {kinds} before otelkit started; otelkit is not started, so telemetry does not split across two pipelines. Give otelkit your readers and span processors (metricReaders, spanProcessors) instead, or set OTELKIT_EXISTING_PROVIDERS=separate',
    owner: '@otelkit/core',
  },
  INVALID_RUNTIME_METRICS_OPTION: {
    code: 'OTELKIT_ERR_INVALID_RUNTIME_METRICS_OPTION',
    meaning: 'an option of `startRuntimeMetrics()` is invalid',
    exitCode: undefined,
    message:
      'OTELKIT_ERR_INVALID_RUNTIME_METRICS_OPTION: runtime metrics option {setting}={value} is invalid: expected {expected}',
    owner: '@otelkit/core',
  },
  INVALID_NAMESPACE: {
    code: 'OTELKIT_ERR_INVALID_NAMESPACE',
    meaning: 'the namespace of `createOperationMonitor()` is not a metric-name prefix',
    exitCode: undefined,
    message: 'OTELKIT_ERR_INVALID_NAMESPACE: namespace={value} is invalid: expected {expected}',
    owner: '@otelkit/core',
  },
  INVALID_ROUTE: {
    code: 'OTELKIT_ERR_INVALID_ROUTE',
    meaning: 'a route mounted on the observability server has a malformed path, method or handler',
    exitCode: undefined,
    message: '{detail}',
    owner: '@otelkit/core',
  },
  TLS_FILE: {
    code: 'OTELKIT_ERR_TLS_FILE',
    meaning: 'a TLS certificate, key or CA file cannot be read or used when the server starts listening',
    exitCode: undefined,
    message: 'server option {setting}: {detail}',
    owner: '@otelkit/core',
  },
  SERVER_LISTEN: {
    code: 'OTELKIT_ERR_SERVER_LISTEN',
    meaning: 'the observability server cannot listen (port in use, address not available, closed)',
    exitCode: undefined,
    message: 'cannot listen on {address}: {reason}',
    owner: '@otelkit/core',
  },
  USAGE: {
    code: 'OTELKIT_ERR_USAGE',
    meaning: 'the `otelkit` command line cannot be run: unknown flag, missing or bad value',
    exitCode: 2,
    message: '{detail}',
    owner: '@otelkit/cli',
  },
  UNREACHABLE: {
    code: 'OTELKIT_ERR_UNREACHABLE',
    meaning: '`otelkit health` or `otelkit metrics` cannot reach the target (refused, DNS, TLS, timeout)',
    exitCode: 2,
    message: 'cannot reach {url}: {reason}',
    owner: '@otelkit/cli',
  },
  CIRCUIT_OPEN: {
    code: 'OTELKIT_ERR_CIRCUIT_OPEN',
    meaning: 'a call was refused because its circuit breaker is open (or isolated)',
    exitCode: undefined,
    message: "circuit breaker '{breaker}' is {state}: call rejected without being attempted",
    owner: '@otelkit/circuit-breaker',
  },
  CIRCUIT_TIMEOUT: {
    code: 'OTELKIT_ERR_CIRCUIT_TIMEOUT',
    meaning: 'a call through a circuit breaker took longer than its timeout',
    exitCode: undefined,
    message: "circuit breaker '{breaker}': call timed out after {timeoutMs} ms",
    owner: '@otelkit/circuit-breaker',
  },
  BULKHEAD_FULL: {
    code: 'OTELKIT_ERR_BULKHEAD_FULL',
    meaning: 'a call was refused because the bulkhead has no free slot or queue place',
    exitCode: undefined,
    message:
      "bulkhead '{bulkhead}' is full ({maxConcurrent} running, {maxQueue} queued): call rejected without being attempted",
    owner: '@otelkit/circuit-breaker',
  },
  INVALID_BREAKER_OPTION: {
    code: 'OTELKIT_ERR_INVALID_BREAKER_OPTION',
    meaning: 'an option of `createCircuitBreaker()` or `createBulkhead()` is invalid',
    exitCode: undefined,
    message: 'OTELKIT_ERR_INVALID_BREAKER_OPTION: invalid option {option}={value}: expected {expected}',
    owner: '@otelkit/circuit-breaker',
  },
} as const satisfies Record<string, ErrorCode>;

/** A key of {@link ERROR_CODES}. */
export type ErrorCodeName = keyof typeof ERROR_CODES;

/** Fills the `{name}` placeholders of a message template. */
export function formatMessage(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * The {@link OtelkitError} of catalogue entry `name`, its message filled from `params`.
 * @example
 * throw otelkitError('SERVER_LISTEN', { address: '0.0.0.0:9464', reason: 'EADDRINUSE' });
 */
export function otelkitError(
  name: ErrorCodeName,
  params: Readonly<Record<string, string>>,
  options?: { cause?: unknown },
): OtelkitError {
  const entry: ErrorCode = ERROR_CODES[name];
  return new OtelkitError(entry.code, formatMessage(entry.message, params), options);
}
