import type { BatchObservableCallback, Meter } from '@opentelemetry/api';
import { EventLoopMonitor } from './event-loop';
import { observeGc } from './gc';
import { type RuntimeMetricsOptions, resolveRuntimeMetricsOptions } from './options';
import { createOtelRecorder } from './otel-recorder';
import { HAS_PROCFS, readMaxFds } from './proc';
import { createPromClientRecorder } from './prom-client-recorder';
import type { RecorderFactory, RuntimeSources } from './recorder';
import { SafeReader } from './safe-read';

/** Returned by {@link startRuntimeMetrics}. */
export interface RuntimeMetricsHandle {
  /**
   * Stops collecting: disables the event loop delay histogram, disconnects the GC observer and removes the
   * observable callback. Safe to call more than once. Readers with cumulative temporality keep exporting
   * the last observed values; they just stop changing.
   */
  stop(): void;
}

const RECORDERS: Record<RuntimeSources['options']['naming'], RecorderFactory> = {
  otel: createOtelRecorder,
  'prom-client': createPromClientRecorder,
};

/**
 * Reports Node.js runtime metrics through `meter`: event loop delay and utilization, V8 heap (total, per
 * space, limit), external memory, RSS, GC pauses by kind, CPU time, active resources/handles/requests,
 * open and maximum file descriptors (Linux), process start time and the Node.js version.
 *
 * All observable instruments share one batch callback, so a collection reads process state once. Event
 * loop delay statistics are reset after each collection and describe the time since the previous one.
 * GC pauses go to a histogram from a `PerformanceObserver`. Nothing started here keeps the process alive,
 * and a value that cannot be read (say `/proc` is missing) is skipped with one `diag.debug`.
 * Metric names per mode: see {@link RUNTIME_PROMETHEUS_NAMES}.
 *
 * @throws OtelkitError `OTELKIT_ERR_INVALID_RUNTIME_METRICS_OPTION` for an invalid option.
 * @example
 * const runtime = startRuntimeMetrics(meterProvider.getMeter('otelkit'), { naming: 'prom-client' });
 * // on shutdown
 * runtime.stop();
 */
export function startRuntimeMetrics(meter: Meter, options?: RuntimeMetricsOptions): RuntimeMetricsHandle {
  const resolved = resolveRuntimeMetricsOptions(options);
  const reader = new SafeReader();
  const maxFds = HAS_PROCFS ? reader.read('/proc/self/limits', () => readMaxFds()) : undefined;
  const eventLoop = new EventLoopMonitor(resolved.eventLoopResolutionMs);
  const sources: RuntimeSources = { options: resolved, eventLoop, reader, hasProcfs: HAS_PROCFS, maxFds };
  const recorder = RECORDERS[resolved.naming](meter, sources);

  const callback: BatchObservableCallback = (result) => {
    try {
      recorder.observe(result);
    } catch (error) {
      reader.fail('runtime metrics', error);
    }
  };
  meter.addBatchObservableCallback(callback, [...recorder.observables]);
  const stopGc = observeGc(recorder.gcHistogram, recorder.gcKindAttribute);

  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      meter.removeBatchObservableCallback(callback, [...recorder.observables]);
      stopGc();
      eventLoop.stop();
    },
  };
}
