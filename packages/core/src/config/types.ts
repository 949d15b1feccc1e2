import type { Attributes } from '@opentelemetry/api';
import type { Resource, ResourceDetector } from '@opentelemetry/resources';
import type { IMetricReader, ViewOptions } from '@opentelemetry/sdk-metrics';
import type { OperatorApiMode } from '../server/action-guard';
import type { OtlpHttpProtocol } from '../settings/otlp';
import type { RESOLVED } from '../settings/resolved';
import type { Provenance } from '../settings/setting';
import type { PresetName } from './presets';
import type { ConfigResolution } from './resolve';

/** Names accepted by `OTEL_METRICS_EXPORTER` / `metricsExporters`. */
export type MetricsExporterName = 'prometheus' | 'otlp' | 'console' | 'none';

/** `OTEL_LOG_LEVEL` values (OpenTelemetry specification, case-insensitive). */
export type LogLevelName = 'none' | 'error' | 'warn' | 'info' | 'debug' | 'verbose' | 'all';

/** OTLP aggregation temporality preference (`OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE`). */
export type TemporalityPreference = 'cumulative' | 'delta' | 'lowmemory';

/**
 * What otelkit does when a global MeterProvider, TracerProvider or propagator was registered before
 * it starts: `refuse` to start (one line), or run `separate`ly beside it.
 */
export type ExistingProviders = 'refuse' | 'separate';

/** Naming scheme of runtime metrics. */
export type RuntimeMetricsNaming = 'otel' | 'prom-client';

/** Credentials the observability server requires, when set. */
export type ServerAuth =
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | { readonly type: 'bearer'; readonly token: string };

/** Certificate and key files for serving the observability endpoints over HTTPS. */
export interface ServerTls {
  readonly certFile: string;
  readonly keyFile: string;
}

/** OTLP/HTTP export settings (for metrics here; tracing reads the same variables for traces). */
export interface OtlpOptions {
  /** Full URL of the signal's endpoint, e.g. `http://collector:4318/v1/metrics`. */
  readonly endpoint?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly temporality?: TemporalityPreference;
}

/**
 * Options of {@link startTelemetry}. Every field is optional; an option wins over the matching
 * environment variable, which wins over the default. See the README's configuration table.
 */
export interface TelemetryOptions {
  /** Coherent defaults for an environment; env `OTELKIT_PRESET`. Explicit settings still win. */
  readonly preset?: PresetName;
  /** `service.name`; env `OTEL_SERVICE_NAME`. */
  readonly serviceName?: string;
  /** `service.version`; env `OTELKIT_SERVICE_VERSION`, else `npm_package_version`. */
  readonly serviceVersion?: string;
  /** `deployment.environment.name`; env `OTELKIT_ENVIRONMENT`, else `NODE_ENV`. */
  readonly environment?: string;
  /** Extra resource attributes; merged over `OTEL_RESOURCE_ATTRIBUTES`. */
  readonly resourceAttributes?: Attributes;
  /** Turns the whole SDK off (no server, no export); env `OTEL_SDK_DISABLED`. */
  readonly disabled?: boolean;
  /** otelkit's diagnostic log level; env `OTEL_LOG_LEVEL`. */
  readonly logLevel?: LogLevelName;
  /** Metric exporters; env `OTEL_METRICS_EXPORTER`. */
  readonly metricsExporters?: readonly MetricsExporterName[];
  /** OTLP metrics export. */
  readonly otlp?: OtlpOptions;
  /** Push interval of the OTLP metrics reader; env `OTEL_METRIC_EXPORT_INTERVAL`. */
  readonly exportIntervalMs?: number;
  /** Timeout of one push; env `OTEL_METRIC_EXPORT_TIMEOUT`. */
  readonly exportTimeoutMs?: number;
  /** Maximum attribute sets per instrument before the overflow series; env `OTELKIT_CARDINALITY_LIMIT`. */
  readonly cardinalityLimit?: number;
  /** Runtime metrics on/off; env `OTELKIT_RUNTIME_METRICS`. */
  readonly runtimeMetrics?: boolean;
  /** Runtime metric names; env `OTELKIT_RUNTIME_METRICS_NAMING`. */
  readonly runtimeMetricsNaming?: RuntimeMetricsNaming;
  /** Start the observability server; env `OTELKIT_SERVER`. */
  readonly server?: boolean;
  /** Server bind address; env `OTELKIT_HOST`. */
  readonly host?: string;
  /** Server port (0 picks a free one); env `OTELKIT_PORT`. */
  readonly port?: number;
  /** Server request timeout; env `OTELKIT_REQUEST_TIMEOUT_MS`. */
  readonly requestTimeoutMs?: number;
  /** Server auth; env `OTELKIT_AUTH_USERNAME` + `OTELKIT_AUTH_PASSWORD`, or `OTELKIT_AUTH_TOKEN`. */
  readonly auth?: ServerAuth;
  /** Server TLS; env `OTELKIT_TLS_CERT_FILE` + `OTELKIT_TLS_KEY_FILE`. */
  readonly tls?: ServerTls;
  /**
   * Who may use the operator actions (breaker isolate/reset, check runs, any POST route): `'auth'`
   * (default) only authenticated callers, so they are off without `auth`; `'open'` anyone who reaches
   * the port, for local development (one warning at start-up); env `OTELKIT_OPERATOR_API`.
   */
  readonly operatorApi?: OperatorApiMode;
  /** Deadline for flushing on shutdown; env `OTELKIT_SHUTDOWN_TIMEOUT_MS`. */
  readonly shutdownTimeoutMs?: number;
  /**
   * A YAML or JSON file of settings that may change at run time (log level, sampling ratio, health
   * thresholds, breaker settings), re-read on SIGHUP and when it changes; env `OTELKIT_CONFIG_FILE`.
   */
  readonly configFile?: string;
  /**
   * OpenTelemetry Views (`ViewOptions` of `@opentelemetry/sdk-metrics` 3.x), applied to every otelkit
   * metric, the in-process instruments included: select by instrument name (`*` and `?` wildcards),
   * type, unit, meter name/version/schema URL; rename, describe, keep or drop attributes
   * (`attributesProcessors`), drop the instrument, change its aggregation, set its cardinality limit.
   * A malformed view stops start-up naming `views[i]`. No environment variable.
   * @see https://opentelemetry.io/docs/specs/otel/metrics/sdk/#view
   * @example
   * startTelemetry({
   *   views: [{ instrumentName: 'http.server.request.duration', attributesProcessors: [createDenyListAttributesProcessor(['http.route'])] }],
   * });
   */
  readonly views?: readonly ViewOptions[];
  /**
   * Extra metric readers (`MetricReader`s of `@opentelemetry/sdk-metrics` 3.x), beside the ones of
   * `OTEL_METRICS_EXPORTER`: a `PeriodicExportingMetricReader` pushing to a second backend, a console
   * exporter, a pull reader of your own. Each receives every otelkit metric (operation monitor, HTTP RED,
   * runtime, health, breakers, self-metrics, the app's) exactly as the built-in readers do, in its own
   * temporality. Shut down with the telemetry. No environment variable.
   * @example
   * startTelemetry({
   *   metricReaders: [new PeriodicExportingMetricReader({ exporter: new ConsoleMetricExporter() })],
   * });
   */
  readonly metricReaders?: readonly IMetricReader[];
  /**
   * A `Resource` merged over otelkit's (its attributes win over `OTEL_RESOURCE_ATTRIBUTES` and the
   * service settings: code wins over the environment). No environment variable.
   */
  readonly resource?: Resource;
  /**
   * Resource detectors (`ResourceDetector`s of `@opentelemetry/resources` 3.x: cloud, container, k8s …)
   * run once at start-up; their attributes sit under `OTEL_RESOURCE_ATTRIBUTES` and the service
   * settings. Attributes a detector resolves asynchronously reach pushed spans and metrics once they
   * settle (the exporters wait); a scrape of `/metrics` before then shows the rest.
   */
  readonly resourceDetectors?: readonly ResourceDetector[];
  /**
   * When a global MeterProvider, TracerProvider or propagator was registered before otelkit starts (by
   * the app or another library): `'refuse'` (default) starts nothing and throws
   * `OTELKIT_ERR_EXISTING_PROVIDER` (the preload prints one line, the app runs on), so metrics never
   * split across two pipelines and no span is recorded twice; `'separate'` runs otelkit's own pipeline
   * beside it (one warning). Env `OTELKIT_EXISTING_PROVIDERS`.
   */
  readonly existingProviders?: ExistingProviders;
  /** The environment to read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Core's settings already resolved (by `register()`); not for direct use. @internal */
  readonly [RESOLVED]?: ConfigResolution;
}

export type { SettingSource } from '../settings/setting';

/** The validated, complete configuration. */
export interface ResolvedConfig {
  /** The preset in force, if any (its other entries are read by tracing and health). */
  readonly preset: PresetName | undefined;
  readonly disabled: boolean;
  readonly serviceName: string;
  readonly serviceVersion: string | undefined;
  readonly environment: string | undefined;
  readonly resourceAttributes: Attributes;
  readonly logLevel: LogLevelName;
  readonly metricsExporters: readonly MetricsExporterName[];
  readonly otlp: {
    readonly endpoint: string | undefined;
    readonly headers: Readonly<Record<string, string>>;
    readonly timeoutMs: number;
    readonly temporality: TemporalityPreference;
    /** `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` (both encodings are sent as JSON). */
    readonly protocol: OtlpHttpProtocol;
  };
  readonly exportIntervalMs: number;
  readonly exportTimeoutMs: number;
  readonly cardinalityLimit: number;
  readonly runtimeMetrics: boolean;
  readonly runtimeMetricsNaming: RuntimeMetricsNaming;
  readonly server: boolean;
  readonly host: string;
  readonly port: number;
  readonly requestTimeoutMs: number;
  readonly auth: ServerAuth | undefined;
  readonly tls: ServerTls | undefined;
  readonly operatorApi: OperatorApiMode;
  readonly shutdownTimeoutMs: number;
  readonly configFile: string | undefined;
  readonly existingProviders: ExistingProviders;
  /** For each setting above, where its value came from (and which variable, for the environment). */
  readonly sources: Readonly<Record<string, Provenance>>;
}
