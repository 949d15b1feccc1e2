import { diag, type MeterProvider, metrics } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import { type ResourceMetrics, MeterProvider as SdkMeterProvider } from '@opentelemetry/sdk-metrics';
import { checkExistingGlobals } from './coexist';
import { resolveConfig } from './config/resolve';
import { CORE_SETTINGS } from './config/settings';
import type { ResolvedConfig, TelemetryOptions } from './config/types';
import { setDiagLogLevel } from './diag-logger';
import { mountMetricsRoutes, PullCollector } from './export/metrics-endpoint';
import { createReaders, otlpMetricsUrl } from './export/readers';
import { unlessUnreachable } from './export/unless-unreachable';
import { withLocalMetrics } from './export/user-reader';
import { LocalInstrumentRegistry } from './meter/local-registry';
import type { OtelkitMeter } from './meter/meter';
import { GuardedMeterProvider } from './meter/provider';
import type { ExpositionFormat } from './prometheus/content-type';
import { readSettingsFile } from './reload/file';
import { logReload, Reloader, type ReloadResult, type ReloadTarget } from './reload/reloader';
import { buildResource } from './resource';
import { startRuntimeMetrics } from './runtime/runtime-metrics';
import { ExportStats } from './self/export-stats';
import { registerSelfMetrics } from './self/self-metrics';
import { createObservabilityServer, type ObservabilityServer, type ServerAddress } from './server/server';
import { RESOLVED } from './settings/resolved';
import type { MetricsSnapshot } from './snapshot/types';
import { withTimeout } from './timeout';
import { sdkViews } from './views/sdk-views';

/** The settings-file reloader of a telemetry instance, with core's own section (`logLevel`). */
function createReloader(config: ResolvedConfig, path: string) {
  const counts: Record<string, number> = { applied: 0, rejected: 0, unchanged: 0 };
  const reloader = new Reloader(
    path,
    () => readSettingsFile(path),
    (result, trigger) => {
      counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
      logReload(path, result, trigger);
    },
    (key) => (config as unknown as Record<string, unknown>)[key],
  );
  reloader.add({
    section: 'logLevel',
    check: (value) => {
      const level = CORE_SETTINGS.logLevel.check(`logLevel in ${path}`, value);
      return () => setDiagLogLevel(level);
    },
  });
  return { reloader, counts: (): Readonly<Record<string, number>> => counts };
}

/** What {@link startTelemetry} returns: the running pieces and one `shutdown()`. */
export interface Telemetry {
  /** The validated configuration in force. */
  readonly config: ResolvedConfig;
  /** The process's OpenTelemetry resource (shared with tracing). */
  readonly resource: Resource | undefined;
  /** The global meter provider (guarded); `undefined` when the SDK is disabled. */
  readonly meterProvider: MeterProvider | undefined;
  /** The observability server to mount routes on; `undefined` when disabled. */
  readonly server: ObservabilityServer | undefined;
  /**
   * Resolves once the server listens, with its address; resolves `undefined` (after one warning) when
   * it cannot listen, for example when the port is in use. Never rejects.
   */
  readonly ready: Promise<ServerAddress | undefined>;
  /** Export outcomes of push exporters; @otelkit/tracing reports its span exporter here too. */
  readonly exportStats: ExportStats;
  /** A meter from the global provider, with `bind()` on its instruments. */
  getMeter(name: string, version?: string): OtelkitMeter;
  /** Collects current metrics through the pull reader (`undefined` without the `prometheus` exporter). */
  collect(): Promise<ResourceMetrics | undefined>;
  /** The JSON snapshot served on `/metrics/json`. */
  snapshot(): Promise<MetricsSnapshot | undefined>;
  /**
   * The text served on `/metrics` in `format` (`undefined` without the `prometheus` exporter).
   * Concurrent callers share one collection and one serialisation.
   */
  exposition(format: ExpositionFormat): Promise<string | undefined>;
  /**
   * Lets a package take its section of `OTELKIT_CONFIG_FILE` (`tracing`, `health`, `breakers`): the
   * section is checked with every other before any is applied. A no-op without a settings file.
   */
  addReloadTarget(target: ReloadTarget): void;
  /** Re-reads the settings file now (as SIGHUP does); `undefined` without one. */
  reload(): ReloadResult | undefined;
  /**
   * Runs `hook` during shutdown, before the meter provider flushes (e.g. the tracer provider's flush).
   * It is given the milliseconds left of the shutdown deadline and should settle within them; it is
   * abandoned, with a warning, shortly after.
   */
  onShutdown(hook: (remainingMs: number) => Promise<void> | void): void;
  /**
   * Flushes and stops everything: shutdown hooks, runtime metrics, the OTLP reader (within
   * `shutdownTimeoutMs`) and the server. Idempotent: later calls return the first call's promise.
   */
  shutdown(): Promise<void>;
}

/** How long past its time a shutdown hook is waited for, so that it reports its own timeout. */
const HOOK_GRACE_MS = 100;

let active: Telemetry | undefined;

/** The telemetry {@link startTelemetry} started (by the preload or the app) and not yet shut down. */
export function runningTelemetry(): Telemetry | undefined {
  return active;
}

/**
 * Starts otelkit's metrics: one Resource, one MeterProvider with the readers picked by
 * `OTEL_METRICS_EXPORTER` (Prometheus pull on the observability server, OTLP/HTTP push, console),
 * runtime metrics and self-metrics, registered as the global OpenTelemetry meter provider.
 *
 * Configuration: `options` override environment variables, which override defaults.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the setting and value, before anything starts.
 * @example
 * const telemetry = startTelemetry({ serviceName: 'sync', port: 9464 });
 * await telemetry.ready; // http://localhost:9464/metrics
 * process.on('SIGTERM', () => telemetry.shutdown());
 */
export function startTelemetry(options: TelemetryOptions = {}): Telemetry {
  const { config, warnings, composition } = options[RESOLVED] ?? resolveConfig(options);
  if (active !== undefined) {
    diag.warn('otelkit: startTelemetry() called while telemetry is running; returning the running instance');
    return active;
  }
  setDiagLogLevel(config.logLevel);
  for (const warning of warnings) diag.warn(`otelkit: ${warning}`);
  const exportStats = new ExportStats();
  if (config.disabled) {
    diag.debug('otelkit: OTEL_SDK_DISABLED=true, telemetry is off');
    return disabledTelemetry(config, exportStats);
  }

  const existing = checkExistingGlobals(['metrics'], config.existingProviders);
  const resource = buildResource(config, composition);
  const local = new LocalInstrumentRegistry();
  const readers = createReaders(config, exportStats, local);
  const sdk = new SdkMeterProvider({
    resource,
    readers: [...readers.all, ...composition.metricReaders.map((reader) => withLocalMetrics(reader, local))],
    views: sdkViews(options.views, config.cardinalityLimit),
  });
  const provider = new GuardedMeterProvider(sdk, config.cardinalityLimit, local, options.views);
  // Checked above: with `separate`, the earlier provider stays global and this registration is skipped.
  if (existing.length === 0) metrics.setGlobalMeterProvider(provider);
  const reloader = config.configFile === undefined ? undefined : createReloader(config, config.configFile);
  const unregisterSelf = registerSelfMetrics(sdk.getMeter('@otelkit/core'), {
    exportStats,
    guards: () => provider.guards(),
    cardinalityLimit: config.cardinalityLimit,
    reloads: reloader?.counts,
  });
  if (reloader !== undefined) {
    // First read once the app has composed the other packages (they add their sections synchronously).
    setImmediate(() => {
      reloader.reloader.reload('start');
      reloader.reloader.watch();
    }).unref();
  }
  const runtime = config.runtimeMetrics
    ? startRuntimeMetrics(provider.getMeter('@otelkit/core/runtime'), { naming: config.runtimeMetricsNaming })
    : undefined;

  const collector = readers.prometheus === undefined ? undefined : new PullCollector(readers.prometheus);
  // The server reads its settings (host, port, timeouts, auth, TLS, operator API) from the resolved config.
  const server = config.server ? createObservabilityServer(config) : undefined;
  if (server !== undefined && config.operatorApi === 'open' && config.auth === undefined) {
    diag.warn(
      `otelkit: OTELKIT_OPERATOR_API=open: operator actions (circuit breaker isolate/reset, check runs) are served without authentication on ${config.host}:${config.port}; for local development only`,
    );
  }
  if (server !== undefined && collector !== undefined) mountMetricsRoutes(server, collector);
  const ready: Promise<ServerAddress | undefined> =
    server === undefined
      ? Promise.resolve(undefined)
      : server.listen().then(
          (address) => {
            diag.debug(`otelkit: observability server listening on ${address.url}`);
            return address;
          },
          (error: Error) => {
            diag.warn(
              `otelkit: observability server not started: ${error.message}; the app runs on without it`,
            );
            return undefined;
          },
        );

  const hooks: Array<(remainingMs: number) => Promise<void> | void> = [];
  let stopping: Promise<void> | undefined;
  const telemetry: Telemetry = {
    config,
    resource,
    meterProvider: provider,
    server,
    ready,
    exportStats,
    getMeter: (name, version) => provider.getMeter(name, version),
    collect: () => (collector === undefined ? Promise.resolve(undefined) : collector.collect()),
    snapshot: () => (collector === undefined ? Promise.resolve(undefined) : collector.snapshot()),
    exposition: (format) =>
      collector === undefined ? Promise.resolve(undefined) : collector.exposition(format),
    addReloadTarget: (target) => reloader?.reloader.add(target),
    reload: () => reloader?.reloader.reload('call'),
    onShutdown: (hook) => {
      hooks.push(hook);
    },
    shutdown: () => {
      stopping ??= (async () => {
        // One deadline for the whole sequence, so an unreachable backend delays exit by at most
        // OTELKIT_SHUTDOWN_TIMEOUT_MS, not that much per step.
        const deadline = Date.now() + config.shutdownTimeoutMs;
        const left = () => Math.max(1, deadline - Date.now());
        for (const hook of hooks) {
          // A hook bounds itself by the time it is given and reports why; this is the backstop.
          const remaining = left();
          await withTimeout(
            Promise.resolve().then(() => hook(remaining)),
            remaining + HOOK_GRACE_MS,
            'shutdown hook',
          ).catch((error: unknown) => diag.warn(`otelkit: shutdown hook failed: ${String(error)}`));
        }
        runtime?.stop();
        reloader?.reloader.stop();
        unregisterSelf();
        const otlpUrl = config.metricsExporters.includes('otlp') ? otlpMetricsUrl(config) : undefined;
        const flush = unlessUnreachable(sdk.shutdown({ timeoutMillis: left() }), otlpUrl);
        await withTimeout(flush, left(), 'metrics flush').catch((error: unknown) =>
          diag.warn(`otelkit: metrics flush failed: ${String(error)}`),
        );
        await server?.close();
        if (metrics.getMeterProvider() === provider) metrics.disable();
        if (active === telemetry) active = undefined;
      })();
      return stopping;
    },
  };
  active = telemetry;
  return telemetry;
}

function disabledTelemetry(config: ResolvedConfig, exportStats: ExportStats): Telemetry {
  const provider = new GuardedMeterProvider(metrics.getMeterProvider(), config.cardinalityLimit);
  return {
    config,
    resource: undefined,
    meterProvider: undefined,
    server: undefined,
    ready: Promise.resolve(undefined),
    exportStats,
    getMeter: (name, version) => provider.getMeter(name, version),
    collect: () => Promise.resolve(undefined),
    snapshot: () => Promise.resolve(undefined),
    exposition: () => Promise.resolve(undefined),
    addReloadTarget: () => {},
    reload: () => undefined,
    onShutdown: () => {},
    shutdown: () => Promise.resolve(),
  };
}
