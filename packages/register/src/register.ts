import { diag, metrics, trace } from '@opentelemetry/api';
import {
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
import { loadedBeforeHooks, loadInstrumentations } from './instrumentations';
import { isHttpServer, onServerListening } from './listen-hook';
import { mountBreakerOperator } from './operator/breakers';
import { breakersReloadTarget } from './reload-breakers';
import { REGISTER_SETTINGS } from './settings';
import { configurationSummary } from './summary';

/** Options of {@link register}: core's options plus the composed packages'. */
export interface RegisterOptions extends TelemetryOptions {
  /** Tracing options, or `false` for metrics only. */
  readonly tracing?: TracingOptions | false;
  /** Health options, or `false` for no probes and no signal handling. */
  readonly health?: HealthOptions | false;
  /** Library instrumentations to enable; default from `OTEL_NODE_ENABLED_INSTRUMENTATIONS`. */
  readonly instrumentations?: readonly string[];
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
export function register(options: RegisterOptions = {}): Registration | undefined {
  const env = options.env ?? process.env;
  const worker = isClusterWorker();
  // Every section is resolved once and validated before anything starts, so a refused configuration
  // leaves no server or provider behind (for programs that catch the error); each start function then
  // takes its frozen section instead of resolving it again.
  const telemetryOptions: TelemetryOptions = { ...options, server: worker ? false : options.server };
  const core = resolveConfig(telemetryOptions, env);
  const { config } = core;
  if (config.disabled) return undefined;
  const enabled = resolveSection(REGISTER_SETTINGS, { options, env }).values.instrumentations;
  const tracingOptions: TracingOptions | undefined =
    options.tracing === false ? undefined : { env, ...options.tracing };
  const tracingConfig =
    tracingOptions === undefined ? undefined : resolveTracingConfig(tracingOptions, env, config.preset);
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
      : resolveHealthOptions(healthOptions, config.shutdownTimeoutMs, config.preset);

  const telemetry = startTelemetry({ ...telemetryOptions, [RESOLVED]: core });
  let tracing: Tracing | undefined;
  let health: Health | undefined;
  try {
    tracing =
      tracingOptions === undefined
        ? undefined
        : startTracing(telemetry, { ...tracingOptions, [RESOLVED]: tracingConfig });
    const loaded = loadInstrumentations(enabled);
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
    for (const line of configurationSummary(core, tracing, healthResolved, loaded.report, role))
      diag.debug(`otelkit: ${line}`);
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
