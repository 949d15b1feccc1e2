import type { GenerateOptions } from './options';

/** `for:` of the anomaly alerts when neither `--anomaly-for` nor `--alert-for` is given. */
export const ANOMALY_FOR_DEFAULT = '10m';

/** The three signals that get a baseline. */
export type BaselineSignal = 'latency' | 'failureRatio' | 'throughput';

/** Names of the recorded series of one signal (`level:metric:operations`, aggregated by job, operation). */
export interface SignalSeries {
  /** The current value over the rate window, e.g. `sync:operation_duration_seconds:p95_rate5m`. */
  readonly current: string;
  /** Mean of `current` over the anomaly window, `offset` ago. */
  readonly mean: string;
  /** Standard deviation of `current` over the same range. */
  readonly stddev: string;
  /** `(current - mean) / max(stddev, floor)`. */
  readonly zscore: string;
}

/** The `for:` the anomaly alerts get: `--anomaly-for`, else `--alert-for`, else {@link ANOMALY_FOR_DEFAULT}. */
export function anomalyFor(options: GenerateOptions): string {
  return options.anomaly.for ?? options.alertFor ?? ANOMALY_FOR_DEFAULT;
}

/** Recorded series names of `signal` for these options (namespace and rate window are in the name). */
export function signalSeries(options: GenerateOptions, signal: BaselineSignal): SignalSeries {
  const ns = options.namespace;
  const w = options.rateWindow;
  const current = {
    latency: `${ns}:operation_duration_seconds:p95_rate${w}`,
    failureRatio: `${ns}:operation_failure_ratio:rate${w}`,
    throughput: `${ns}:operation_throughput:rate${w}`,
  }[signal];
  return {
    current,
    mean: `${current}_baseline_mean`,
    stddev: `${current}_baseline_stddev`,
    zscore: `${current}_zscore`,
  };
}
