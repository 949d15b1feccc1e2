import type { HrTime } from '@opentelemetry/api';
import type { AggregationTemporality, MetricData } from '@opentelemetry/sdk-metrics';

/** What a reader's producer hands every in-process instrument at collection. */
export interface CollectContext {
  readonly endTime: HrTime;
  /** The reader's temporality for monotonic sums and for histograms. */
  readonly temporality: AggregationTemporality;
  /** Per-reader memory of what was last reported, for deltas (keyed by series object). */
  readonly reported: WeakMap<object, Reported>;
}

/** What a reader reported last time for one series (delta temporality). */
export interface Reported {
  readonly time: HrTime;
  readonly value: number;
  readonly count?: number;
  readonly counts?: Float64Array;
}

/**
 * An instrument that aggregates in the process (otelkit's synchronous instruments) and turns its
 * state into SDK metric data when a reader collects.
 */
export interface LocalInstrument {
  readonly name: string;
  collect(context: CollectContext): MetricData | undefined;
}

/** The current time as an OpenTelemetry `HrTime`. */
export function nowHrTime(): HrTime {
  const ms = Date.now();
  return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
}
