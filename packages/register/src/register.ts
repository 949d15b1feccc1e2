import { diag, metrics, trace } from '@opentelemetry/api';
import {
  checkExistingGlobals,
  RESOLVED,
  resolveConfig,
  resolveSection,
  startTelemetry,
  type Telemetry,
  type TelemetryOptions,
} from '@otelkit/core/internal';
import { type Health, type HealthOptions, resolveHealthOptions, startHealth } from '@otelkit/health/internal';
import { resolveTracingConfig, startTracing, type Tracing, type TracingOptions } from '@otelkit/tracing';
import { registerWorkersCheck } from './cluster/health';
import { isClusterWorker } from './cluster/lazy';
import { serveClusterMetrics } from './cluster/primary';
import { flushBeforeExit } from './exit-flush';
import { type InstrumentationsOptions, loadedBeforeHooks, loadInstrumentations } from './instrumentations';
import { isHttpServer, onServerListening } from './listen-hook';
import { mountBreakerOperator } from './operator/breakers';
import { breakersReloadTarget } from './reload-breakers';
import { REGISTER_SETTINGS } from './settings';
import { configurationSummary } from './summary';

/**
 * Options of {@link register} and of the `OTELKIT_CONFIG` module: core's options (including `views`,
 * `metricReaders`, `resource`, `resourceDetectors`) plus the composed packages', with tracing's
 * composition options (`sampler`, `propagators`, `spanProcessors`) also accepted at the top level.
 * Options win over environment variables, which win over defaults.
 */
export interface RegisterOptions extends TelemetryOptions {
  /** Tracing options, or `false` for metrics only. */
  readonly tracing?: TracingOptions | false;
  /** Health options, or `false` for no probes and no signal handling. */
  readonly health?: HealthOptions | false;
  /** Tracing's `sampler` (a name or a `Sampler` object); wins over `OTEL_TRACES_SAMPLER`. Same as `tracing.sampler`. */
  readonly sampler?: TracingOptions['sampler'];
  /** Tracing's `propagators` (names and `TextMapPropagator` objects). Same as `tracing.propagators`. */
  readonly propagators?: TracingOptions['propagators'];
  /** Extra span processors, seeing every recorded span. Same as `tracing.spanProcessors`. */
  readonly spanProcessors?: TracingOptions['spanProcessors'];
  /**
   * Library instrumentations: a list of names (as `OTEL_NODE_ENABLED_INSTRUMENTATIONS`, which it
   * replaces), or per-instrumentation settings (each key turned on with its settings; `http` holds
   * otelkit's own HTTP instrumentation options, as `tracing.http`).
   * @example
   * register({ instrumentations: { express: { ignoreLayersType: ['middleware'] }, http: { ignoreIncomingRequestHook: (req) => req.url === '/ping' } } });
   */
  readonly instrumentations?: readonly string[] | InstrumentationsOptions;
}

/** How an option is named in errors and provenance: `options.<path>` in code, `<path> in <file>` from `OTELKIT_CONFIG`. */
export type OptionNamer = (path: string) => string;

/** `values` without its `undefined` entries (so they do not hide the nested options they stand for). */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What {@link register} started. */
export interface Registration {
  readonly telemetry: Telemetry;
  readonly tracing: Tracing | undefined;
  readonly health: Health | undefined;
  /** Stops everything, flushing telemetry; idempotent. */
  shutdown(): Promise<void>;
}

/**
 * Composes core, tracing and health from options and the environment, as the preload does:
 * metrics and the observability server, traces with HTTP instrumentation (always on) and the library
 * instrumentations enabled by `OTEL_NODE_ENABLED_INSTRUMENTATIONS`, health probes and graceful
 * shutdown, the operator API (`GET /status`, check runs, circuit breaker isolate and reset),
 * readiness once the app's first server listens, a flush before a short script exits, and cluster
 * support (workers report through the primary's one `/metrics`).
 *
 * Returns `undefined` when `OTEL_SDK_DISABLED=true`.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` for invalid configuration, before anything starts.
 * @example
 * import { register } from '@otelkit/register/api';
 * const otel = register({ serviceName: 'api' });
 */
export function register(
  options: RegisterOptions = {},
  /** @internal how options are named in errors (the preload names the `OTELKIT_CONFIG` file) */
  optionName: OptionNamer = (path) => `options.${path}`,
): Registration | undefined {
  const env = options.env ?? process.env;
  const worker = isClusterWorker();
  // Every section is resolved once and validated before anything starts, so a refused configuration
  // leaves no server or provider behind (for programs that catch the error); each start function then
  // takes its frozen section instead of resolving it again.
  const telemetryOptions: TelemetryOptions = { ...options, server: worker ? false : options.server };
  const core = resolveConfig(telemetryOptions, env, optionName);
  const { config } = core;
  if (config.disabled) return undefined;
  const registerSection = resolveSection(REGISTER_SETTINGS, { options, env, optionName });
  const enabled = registerSection.values.instrumentations;
  const { http: httpFromInstrumentations, ...libraries } = enabled;
  const tracingOptions: TracingOptions | undefined =
    options.tracing === false
      ? undefined
      : {
          env,
          ...definedOnly({
            sampler: options.sampler,
            propagators: options.propagators,
            spanProcessors: options.spanProcessors,
          }),
          ...options.tracing,
          ...(httpFromInstrumentations === undefined || options.tracing?.http === false
            ? {}
            : { http: { ...options.tracing?.http, ...httpFromInstrumentations } }),
        };
  const tracingName: OptionNamer = (path) =>
    options.tracing !== false &&
    options.tracing?.[path.split(/[.[]/)[0] as keyof TracingOptions] !== undefined
      ? optionName(`tracing.${path}`)
      : optionName(path === 'http' || path.startsWith('http.') ? `instrumentations.${path}` : path);
  const tracingConfig =
    tracingOptions === undefined
      ? undefined
      : resolveTracingConfig(tracingOptions, env, config.preset, tracingName);
  const healthOptions: HealthOptions | undefined =
    options.health === false
      ? undefined
      : {
          env,
          handleSignals: true,
          routes: !worker,
          // Workers serve no page; elsewhere the preset (or the default) decides.
          ...(worker ? { statusPage: false } : {}),
          ...options.health,
        };
  const healthResolved =
    healthOptions === undefined
      ? undefined
      : resolveHealthOptions(healthOptions, config.shutdownTimeoutMs, config.preset, (path) =>
          optionName(`health.${path}`),
        );

  // Every global otelkit would take, checked at once: a refusal names them all and starts nothing.
  if (config.existingProviders === 'refuse') {
    checkExistingGlobals(
      tracingOptions === undefined ? ['metrics'] : ['metrics', 'trace', 'propagation'],
      'refuse',
    );
  }
  const telemetry = startTelemetry({ ...telemetryOptions, [RESOLVED]: core });
  let tracing: Tracing | undefined;
  let health: Health | undefined;
  try {
    tracing =
      tracingOptions === undefined
        ? undefined
        : startTracing(telemetry, { ...tracingOptions, [RESOLVED]: tracingConfig });
    const loaded = loadInstrumentations(libraries);
    if (loaded.instrumentations.length > 0) {
      const early = loadedBeforeHooks(loaded.names);
      if (early.length > 0) {
        diag.warn(
          `otelkit: ${early.join(', ')} loaded before otelkit's module hooks and may not be instrumented: ` +
            'start the app with --require/--import @otelkit/register, or call register() before importing it',
        );
      }
      // Loaded only when an instrumentation is enabled: it pulls in require-in-the-middle.
      const { registerInstrumentations } =
        require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
      registerInstrumentations({
        instrumentations: loaded.instrumentations,
        tracerProvider: trace.getTracerProvider(),
        meterProvider: metrics.getMeterProvider(),
      });
    }
    if (healthOptions !== undefined) {
      health = startHealth(telemetry, { ...healthOptions, [RESOLVED]: healthResolved });
    }
    const operator = options.health === false || options.health?.operatorRoutes !== false;
    if (!worker && operator) mountBreakerOperator(telemetry, health);
    if (config.configFile !== undefined) telemetry.addReloadTarget(breakersReloadTarget(config.configFile));
    const role = worker ? 'cluster worker' : 'process';
    const summary = configurationSummary(core, tracing, healthResolved, loaded.report, role, optionName);
    for (const line of summary) diag.debug(`otelkit: ${line}`);
  } catch (error) {
    void telemetry.shutdown();
    throw error;
  }

  let ready = false;
  const uninstallHook = onServerListening((server) => {
    if (health === undefined) return;
    if (isHttpServer(server)) health.trackServer(server);
    if (!ready) {
      ready = true;
      health.markReady();
    }
  });

  if (worker) (require('./cluster/worker') as typeof import('./cluster/worker')).answerPrimary(telemetry);
  else {
    serveClusterMetrics(telemetry);
    if (health !== undefined) registerWorkersCheck(health);
  }

  const stopFlush = flushBeforeExit(() => telemetry.shutdown());
  let stopping: Promise<void> | undefined;
  return {
    telemetry,
    tracing,
    health,
    shutdown: () => {
      stopping ??= (async () => {
        uninstallHook();
        stopFlush();
        health?.close();
        await telemetry.shutdown();
      })();
      return stopping;
    },
  };
}
