import { context, diag, propagation, type TextMapPropagator, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { LoggerProvider } from '@opentelemetry/sdk-logs';
import {
  ConsoleSpanExporter,
  type SpanExporter,
  type SpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { checkExistingGlobals, RESOLVED, withTimeout } from '@otelkit/core/internal';
import { resolveTracingConfig, type TracingConfig } from './config';
import { CountingBatchProcessor } from './export/counting-batch-processor';
import { CrashFlush } from './export/crash-flush';
import { EnrichSpanProcessor } from './export/enrich-processor';
import type { ExportWorkerData } from './export/export-protocol';
import { LazySpanExporter } from './export/lazy-exporter';
import { createOtlpTraceExporter } from './export/otlp-trace-exporter';
import { PassThroughTracerProvider } from './export/pass-through';
import { WorkerSpanExporter } from './export/worker-exporter';
import { SampleFirstTracer } from './sample-first-tracer';

/** Loaded only when a logs exporter is configured: `@opentelemetry/sdk-logs` is not needed otherwise. */
type LogExportModule = typeof import('./logs/log-export');

import { installHttpInstrumentation } from './http/instrument';
import { PooledIdGenerator } from './id-generator';
import { setLogServiceName } from './logs/logger';
import type { TracingOptions, TracingTelemetry } from './options';
import { createPropagator } from './propagators';
import { ReloadableSampler } from './reloadable-sampler';
import { VERSION } from './version';

/** What {@link startTracing} returns. */
export interface Tracing {
  /** The validated tracing configuration. */
  readonly config: TracingConfig;
  /** The registered tracer provider (`undefined` when telemetry is disabled). */
  readonly tracerProvider: TracerProvider | undefined;
  /** The registered propagator. */
  readonly propagator: TextMapPropagator;
  /** The registered logger provider (`undefined` when `OTEL_LOGS_EXPORTER` is `none` or telemetry is disabled). */
  readonly loggerProvider: LoggerProvider | undefined;
  /** Exports every finished span and every log record now. */
  forceFlush(): Promise<void>;
  /** Flushes finished spans and log records, stops HTTP instrumentation and unregisters the providers. Idempotent. */
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/** The OTLP/HTTP exporter, built on first use (its modules are a third of what the preload loads). */
function otlpExporter(settings: ExportWorkerData, thread: boolean): SpanExporter {
  const local = (): SpanExporter => createOtlpTraceExporter(settings);
  if (!thread) return new LazySpanExporter(local);
  return new WorkerSpanExporter(settings, local);
}

function createProcessors(
  config: TracingConfig,
  telemetry: TracingTelemetry,
  exportThread: boolean,
  crash: CrashFlush,
  settings: ExportWorkerData,
): SpanProcessor[] {
  const processors: SpanProcessor[] = [
    new EnrichSpanProcessor({ sensitiveQueryParameters: config.sensitiveQueryParameters }),
  ];
  for (const name of config.exporters) {
    if (name === 'none') continue;
    const exporter =
      name === 'otlp' ? crash.wrap(otlpExporter(settings, exportThread)) : new ConsoleSpanExporter();
    const endpoint = name === 'otlp' ? settings.url : undefined;
    processors.push(new CountingBatchProcessor(exporter, telemetry.exportStats, name, config, endpoint));
  }
  processors.push(...config.spanProcessors);
  return processors;
}

function otlpSettings(config: TracingConfig, telemetry: TracingTelemetry): ExportWorkerData {
  return {
    url: config.endpoint,
    headers: { ...config.headers },
    timeoutMillis: config.timeoutMs,
    protocol: config.protocol,
    logLevel: telemetry.config.logLevel,
  };
}

/**
 * Starts tracing on top of `startTelemetry()`: a `TracerProvider` with the telemetry's Resource,
 * AsyncLocalStorage context, the sampler of `OTEL_TRACES_SAMPLER`, batch export per
 * `OTEL_TRACES_EXPORTER` (OTLP/HTTP by default, outcomes counted in core's export self-metrics), the
 * propagators of `OTEL_PROPAGATORS`, correlation IDs on every span, and HTTP server/client spans with
 * RED metrics. Registers all of it globally and its `shutdown()` with `telemetry.onShutdown`.
 *
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the variable and the bad value.
 * @example
 * const telemetry = startTelemetry({ serviceName: 'orders' });
 * const tracing = startTracing(telemetry);
 * process.on('SIGTERM', () => telemetry.shutdown()); // flushes spans too
 */
export function startTracing(telemetry: TracingTelemetry, options: TracingOptions = {}): Tracing {
  const config =
    options[RESOLVED] ?? resolveTracingConfig(options, options.env ?? process.env, telemetry.config.preset);
  if (active !== undefined) {
    diag.warn('otelkit: startTracing() called while tracing is running; returning the running instance');
    return active;
  }
  const propagator = createPropagator(config.propagators);
  setLogServiceName(telemetry.config.serviceName);
  if (telemetry.config.disabled) {
    return {
      config,
      tracerProvider: undefined,
      propagator,
      loggerProvider: undefined,
      forceFlush: async () => {},
      shutdown: async () => {},
    };
  }
  const existing = checkExistingGlobals(['trace', 'propagation'], telemetry.config.existingProviders);
  // A Sampler object of the user's is used as given; a named one can change its ratio at run time.
  const sampler =
    typeof config.sampler === 'string'
      ? new ReloadableSampler(config.sampler, config.samplerRatio)
      : config.sampler;
  if (telemetry.config.configFile !== undefined && sampler instanceof ReloadableSampler) {
    telemetry.addReloadTarget?.(sampler.reloadTarget(telemetry.config.configFile));
  }
  // Spans still buffered when an uncaught exception ends the process are sent on the way out.
  const settings = otlpSettings(config, telemetry);
  const crash = new CrashFlush({
    exporter: settings,
    timeoutMs: Math.min(config.timeoutMs, telemetry.config.shutdownTimeoutMs),
  });
  const spanProcessors = createProcessors(config, telemetry, options.exportThread === true, crash, settings);
  // Nothing but the enrich processor: no span would leave the process, so none is built (HTTP RED
  // metrics, correlation IDs and propagation of an incoming traceparent carry on).
  const recording = spanProcessors.some((p) => !(p instanceof EnrichSpanProcessor));
  const idGenerator = new PooledIdGenerator();
  const provider = new (recording ? TracerProvider : PassThroughTracerProvider)({
    resource: telemetry.resource,
    sampler,
    spanLimits: { ...config.spanLimits },
    idGenerator,
    spanProcessors,
  });
  // Log records still queued when an uncaught exception ends the process are sent on the way out too.
  const logExport = config.logs.exporters.some((name) => name !== 'none')
    ? (require('./logs/log-export') as LogExportModule).startLogExport(config.logs, telemetry, (source) =>
        crash.addLogs(source),
      )
    : undefined;
  const stopCrashFlush =
    config.exporters.includes('otlp') || config.logs.exporters.includes('otlp')
      ? crash.install(() => provider.forceFlush())
      : () => {};
  const contextManager = new AsyncLocalStorageContextManager().enable();
  const ownContext = context.setGlobalContextManager(contextManager);
  if (!ownContext) {
    diag.warn('otelkit: another global context manager was already registered; otelkit uses it');
  }
  // Checked above (OTELKIT_EXISTING_PROVIDERS): with `separate`, earlier globals stay and these are skipped.
  const ownPropagator = !existing.includes('propagation') && propagation.setGlobalPropagator(propagator);
  if (!existing.includes('trace')) trace.setGlobalTracerProvider(provider);
  const sdkTracer = provider.getTracer('@otelkit/tracing', VERSION);
  // A named sampler is asked first, so an unsampled request costs no SDK span start.
  const tracer =
    recording && sampler instanceof ReloadableSampler
      ? new SampleFirstTracer(sdkTracer, sampler, idGenerator)
      : sdkTracer;
  const uninstall =
    config.http === false
      ? () => {}
      : installHttpInstrumentation(tracer, telemetry.getMeter('@otelkit/tracing', VERSION), config.http);

  let stopping: Promise<void> | undefined;
  const tracing: Tracing = {
    config,
    tracerProvider: provider,
    propagator,
    loggerProvider: logExport?.provider,
    forceFlush: async () => {
      await Promise.all([provider.forceFlush(), logExport?.forceFlush()]);
    },
    shutdown: () => stop(telemetry.config.shutdownTimeoutMs),
  };
  /** Stops everything, waiting at most `budgetMs` for the span and log flushes. */
  function stop(budgetMs: number): Promise<void> {
    stopping ??= (async () => {
      uninstall();
      stopCrashFlush();
      await Promise.all([
        withTimeout(provider.shutdown(), budgetMs, 'span flush').catch((error: unknown) =>
          diag.warn(`otelkit: span flush failed: ${String(error)}`),
        ),
        logExport?.shutdown(budgetMs),
      ]);
      if (trace.getTracerProvider() === provider || isProxyFor(provider)) trace.disable();
      if (ownPropagator) propagation.disable();
      if (ownContext) context.disable();
      if (active === tracing) active = undefined;
    })();
    return stopping;
  }
  telemetry.onShutdown((remainingMs) => stop(remainingMs));
  active = tracing;
  return tracing;
}

/** The API hands out a proxy provider; its delegate tells whether ours is the global one. */
function isProxyFor(provider: TracerProvider): boolean {
  const global = trace.getTracerProvider() as { getDelegate?: () => unknown };
  return typeof global.getDelegate === 'function' && global.getDelegate() === provider;
}
