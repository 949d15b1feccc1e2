import type { IncomingMessage } from 'node:http';
import type { TextMapPropagator } from '@opentelemetry/api';
import type { Sampler, SpanProcessor } from '@opentelemetry/sdk-trace';
import type { RESOLVED, Telemetry } from '@otelkit/core/internal';
import type { TracingConfig } from './config';
import type { LogsOptions } from './logs/logs-config';

/** Names accepted by `OTEL_TRACES_EXPORTER` / `exporters`. */
export type TracesExporterName = 'otlp' | 'console' | 'none';

/** Samplers of `OTEL_TRACES_SAMPLER` that otelkit supports (the specification's built-in ones). */
export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

/** Propagators of `OTEL_PROPAGATORS` that otelkit supports. */
export type PropagatorName = 'tracecontext' | 'baggage' | 'none';

/** HTTP instrumentation settings. */
export interface HttpInstrumentationOptions {
  /** Server spans and `http.server.request.duration` for `node:http` / `node:https` servers. Default true. */
  readonly server?: boolean;
  /** Client spans, propagation and `http.client.request.duration` for `http`/`https` requests. Default true. */
  readonly client?: boolean;
  /** The same for `fetch` (undici). Default true. */
  readonly fetch?: boolean;
  /** Adds `Server-Timing: traceparent;desc="…"` to responses of sampled requests. Default false. */
  readonly serverTiming?: boolean;
  /** Record RED metrics (request duration histograms). Default true. */
  readonly metrics?: boolean;
  /**
   * Requests of the app's servers to leave alone (no span, no RED metric), e.g. health checks:
   * `(request) => request.url === '/ping'`. A hook that throws ignores nothing. Default: none.
   */
  readonly ignoreIncomingRequestHook?: (request: IncomingMessage) => boolean;
}

/** Options of {@link startTracing}; every field overrides its environment variable. */
export interface TracingOptions {
  /** Span exporters; env `OTEL_TRACES_EXPORTER` (default `otlp`). */
  readonly exporters?: readonly TracesExporterName[];
  /** OTLP/HTTP traces endpoint (full URL); env `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`. */
  readonly endpoint?: string;
  /** OTLP headers; env `OTEL_EXPORTER_OTLP_TRACES_HEADERS` or `OTEL_EXPORTER_OTLP_HEADERS`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Timeout of one OTLP request; env `OTEL_EXPORTER_OTLP_TRACES_TIMEOUT` or `OTEL_EXPORTER_OTLP_TIMEOUT` (10000). */
  readonly timeoutMs?: number;
  /**
   * Sampler: a name, or a `Sampler` object (of `@opentelemetry/sdk-trace` 3.x) that wins over
   * `OTEL_TRACES_SAMPLER` (and is not changed by the settings file's `samplerRatio`); env
   * `OTEL_TRACES_SAMPLER` (default `parentbased_always_on`).
   */
  readonly sampler?: SamplerName | Sampler;
  /** Sampling ratio for the `traceidratio` samplers, 0..1; env `OTEL_TRACES_SAMPLER_ARG` (default 1). */
  readonly samplerRatio?: number;
  /**
   * Propagators: names and `TextMapPropagator` objects (B3, Jaeger, your own), composed in order;
   * env `OTEL_PROPAGATORS` (default `tracecontext,baggage`).
   */
  readonly propagators?: readonly (PropagatorName | TextMapPropagator)[];
  /**
   * Extra span processors, after otelkit's own (which set correlation IDs and redact): each sees every
   * span the sampler records, whatever `OTEL_TRACES_EXPORTER` says (`none` included). Flushed and shut
   * down with tracing. No environment variable.
   * @example
   * startTracing(telemetry, { spanProcessors: [new BatchSpanProcessor({ exporter: new ZipkinExporter() })] });
   */
  readonly spanProcessors?: readonly SpanProcessor[];
  /** Batch delay; env `OTEL_BSP_SCHEDULE_DELAY` (5000). */
  readonly scheduledDelayMs?: number;
  /** Batch export timeout; env `OTEL_BSP_EXPORT_TIMEOUT` (30000). */
  readonly exportTimeoutMs?: number;
  /** Queue bound, spans past it are dropped and counted; env `OTEL_BSP_MAX_QUEUE_SIZE` (2048). */
  readonly maxQueueSize?: number;
  /** Spans per export; env `OTEL_BSP_MAX_EXPORT_BATCH_SIZE` (512, at most the queue size). */
  readonly maxExportBatchSize?: number;
  /**
   * Build and send OTLP batches on a worker thread, so the app's event loop only copies finished spans
   * (about 5 µs less per traced request at 100% sampling) at the cost of the thread's memory (about
   * 45 MiB more RSS in the reliability run). Default false: export on the main thread. No environment
   * variable.
   */
  readonly exportThread?: boolean;
  /**
   * Query parameters whose values are replaced by `REDACTED` in `url.full` and `url.query` of every
   * span (case-sensitive; the list replaces the default, as the HTTP semantic conventions'
   * `sensitive_query_parameters` does); env `OTELKIT_SENSITIVE_QUERY_PARAMETERS` (comma list, or
   * `none`). Default: the conventions' `X-Amz-Signature`, `X-Amz-Credential`, `X-Amz-Security-Token`,
   * `AWSAccessKeyId`, `Signature`, `sig`, `X-Goog-Signature`, plus `X-Goog-Credential`, `key`,
   * `api_key`, `apikey`, `apiKey`, `api-key`, `token`, `access_token`, `refresh_token`, `id_token`,
   * `code`, `client_secret`, `password`, `secret`, `signature`. Credential-named keys (`password=`,
   * `token=` …) are masked as `[REDACTED]` in every string attribute whatever this list says.
   */
  readonly sensitiveQueryParameters?: readonly string[];
  /** Log record export over OTLP (see {@link LogsOptions}; `OTEL_LOGS_EXPORTER`, `OTEL_BLRP_*`). */
  readonly logs?: LogsOptions;
  /** HTTP instrumentation, or `false` to turn it off. Default: all on. */
  readonly http?: HttpInstrumentationOptions | false;
  /** The environment to read; default `process.env` (or the telemetry's `env` option). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Tracing's settings already resolved (by `register()`); not for direct use. @internal */
  readonly [RESOLVED]?: TracingConfig;
}

/** The parts of core's `Telemetry` handle that tracing uses (a full `Telemetry` fits). */
export type TracingTelemetry = Pick<
  Telemetry,
  'config' | 'resource' | 'exportStats' | 'getMeter' | 'onShutdown'
> &
  Partial<Pick<Telemetry, 'addReloadTarget'>>;
