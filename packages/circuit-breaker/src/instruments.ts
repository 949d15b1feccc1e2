import type {
  BatchObservableResult,
  Histogram,
  Meter,
  ObservableCounter,
  ObservableGauge,
} from '@opentelemetry/api';
import { diag } from '@opentelemetry/api';

/** Instrumentation scope name used for the global meter. */
export const METER_NAME = '@otelkit/circuit-breaker';

/** Metric names, as the OpenTelemetry instruments are named. */
export const METRIC_NAMES = Object.freeze({
  state: 'otelkit.circuit_breaker.state',
  calls: 'otelkit.circuit_breaker.calls',
  duration: 'otelkit.circuit_breaker.call.duration',
  transitions: 'otelkit.circuit_breaker.transitions',
});

/** Bucket boundaries (seconds) advised for the call duration histogram. */
export const DURATION_BUCKETS_S: readonly number[] = Object.freeze([
  0.001, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60,
]);

/** The instruments of one meter, shared by every breaker that reports through it. */
export interface BreakerInstruments {
  readonly state: ObservableGauge;
  readonly calls: ObservableCounter;
  readonly transitions: ObservableCounter;
  readonly duration: Histogram;
}

/** A breaker as the metrics collection sees it. */
export interface CollectableBreaker {
  /** Observes the breaker's gauges and counters and flushes its buffered durations. */
  collectMetrics(result: BatchObservableResult, instruments: BreakerInstruments): void;
}

/**
 * The live breakers reporting through one meter. It holds them weakly: a breaker that is disposed
 * leaves at once, one that is garbage collected leaves when its finalizer runs (or at the next
 * collection, whichever is first), so creating a breaker per request does not grow this set.
 */
export class MeterBinding {
  readonly instruments: BreakerInstruments;
  private readonly live = new Set<WeakRef<CollectableBreaker>>();
  private readonly finalizer = new FinalizationRegistry<WeakRef<CollectableBreaker>>((ref) => {
    this.live.delete(ref);
  });

  constructor(meter: Meter) {
    this.instruments = {
      state: meter.createObservableGauge(METRIC_NAMES.state, {
        description: 'Circuit breaker state: 1 for the current state, 0 for the others',
      }),
      calls: meter.createObservableCounter(METRIC_NAMES.calls, {
        description: 'Calls through the circuit breaker by outcome (fallback counts calls a fallback served)',
        unit: '{call}',
      }),
      transitions: meter.createObservableCounter(METRIC_NAMES.transitions, {
        description: 'Circuit breaker state transitions',
        unit: '{transition}',
      }),
      duration: meter.createHistogram(METRIC_NAMES.duration, {
        description: 'Duration of calls the circuit breaker let through',
        unit: 's',
        advice: { explicitBucketBoundaries: [...DURATION_BUCKETS_S] },
      }),
    };
    const { state, calls, transitions } = this.instruments;
    meter.addBatchObservableCallback((result) => this.collect(result), [state, calls, transitions]);
  }

  /** Number of breakers currently reporting (for tests and diagnostics). */
  get size(): number {
    return this.live.size;
  }

  /** Starts reporting `breaker`; returns the handle to pass to `remove`. */
  add(breaker: CollectableBreaker): WeakRef<CollectableBreaker> {
    const ref = new WeakRef(breaker);
    this.live.add(ref);
    this.finalizer.register(breaker, ref, ref);
    return ref;
  }

  /** Stops reporting the breaker behind `ref`. */
  remove(ref: WeakRef<CollectableBreaker>): void {
    this.live.delete(ref);
    this.finalizer.unregister(ref);
  }

  private collect(result: BatchObservableResult): void {
    for (const ref of this.live) {
      const breaker = ref.deref();
      if (breaker === undefined) {
        this.live.delete(ref);
        continue;
      }
      try {
        breaker.collectMetrics(result, this.instruments);
      } catch (err) {
        diag.warn('@otelkit/circuit-breaker: collecting breaker metrics failed', err);
      }
    }
  }
}

const bindings = new WeakMap<Meter, MeterBinding>();

/** The binding of `meter`, created (instruments and one batch callback) on first use. */
export function bindingFor(meter: Meter): MeterBinding {
  let binding = bindings.get(meter);
  if (binding === undefined) {
    binding = new MeterBinding(meter);
    bindings.set(meter, binding);
  }
  return binding;
}
