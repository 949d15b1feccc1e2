import { durationFlag, type FlagSpecs, type FlagValues, numberFlag } from '../args';
import { formatDuration, parseDuration } from '../duration';
import { ANOMALY_FOR_DEFAULT } from '../generate/baseline-names';
import { type AnomalySettings, GENERATE_DEFAULTS } from '../generate/options';
import { UsageError } from '../usage-error';

const A = GENERATE_DEFAULTS.anomaly;

/** Flags of `otelkit generate-config` for the baselines and anomaly alerts. */
export const ANOMALY_FLAGS: FlagSpecs = {
  'anomaly-window': {
    type: 'string',
    value: 'DUR',
    help: 'range each baseline (mean, stddev) is computed over, at least 10m',
    default: A.window,
  },
  'anomaly-offset': {
    type: 'string',
    value: 'DUR',
    help: 'how long ago the baseline range ends; at least anomaly for + 2 x rate window',
    default: A.offset,
  },
  'anomaly-z': {
    type: 'string',
    value: 'Z',
    help: 'standard deviations from the baseline mean that alert',
    default: String(A.z),
  },
  'anomaly-for': {
    type: 'string',
    value: 'DUR',
    help: 'for: of the anomaly alerts',
    default: `--alert-for, else ${ANOMALY_FOR_DEFAULT}`,
  },
  'anomaly-min-rate': {
    type: 'string',
    value: 'OPS',
    help: 'operations/s below which an operation is not judged against its baseline',
    default: String(A.minRate),
  },
  'anomaly-floor': {
    type: 'string',
    value: 'RATIO',
    help: 'least stddev of p95 duration and throughput, as a fraction of the mean',
    default: String(A.floor),
  },
  'anomaly-failure-floor': {
    type: 'string',
    value: 'RATIO',
    help: 'least stddev of the failure ratio (absolute)',
    default: String(A.failureFloor),
  },
};

function invalid(flag: string, value: string | number, why: string): UsageError {
  return new UsageError(`--${flag}=${JSON.stringify(String(value))} is invalid: ${why}`);
}

/** Turns the anomaly flags into {@link AnomalySettings}; every bad value or combination is a {@link UsageError}. */
export function anomalyFromFlags(
  v: FlagValues,
  rateWindow: string,
  alertFor: string | undefined,
): AnomalySettings {
  const window = durationFlag(v, 'anomaly-window', A.window);
  if (parseDuration('--anomaly-window', window) < 600)
    throw invalid('anomaly-window', window, 'must be at least 10m');
  const explicitFor =
    typeof v['anomaly-for'] === 'string' ? durationFlag(v, 'anomaly-for', '0s', true) : undefined;
  const hold = parseDuration('--anomaly-for', explicitFor ?? alertFor ?? ANOMALY_FOR_DEFAULT);
  const offset = durationFlag(v, 'anomaly-offset', A.offset);
  const least = hold + 2 * parseDuration('--rate-window', rateWindow);
  if (parseDuration('--anomaly-offset', offset) < least) {
    throw invalid(
      'anomaly-offset',
      offset,
      `must be at least the anomaly for: (${formatDuration(hold)}) + 2 x --rate-window = ${formatDuration(least)}, so that a change is not in its own baseline before the alert fires`,
    );
  }
  const z = numberFlag(v, 'anomaly-z', A.z, 1, 20);
  const floor = numberFlag(v, 'anomaly-floor', A.floor, 0.01, 1);
  const failureFloor = numberFlag(v, 'anomaly-failure-floor', A.failureFloor, 0.0001, 0.05);
  // A drop to zero is 1/floor floors below the mean; a failure ratio cannot rise more than 1.
  if (z * floor >= 0.5)
    throw invalid(
      'anomaly-floor',
      floor,
      `--anomaly-z x --anomaly-floor must be below 0.5 (is ${Number((z * floor).toPrecision(6))})`,
    );
  if (z * failureFloor > 0.45) {
    throw invalid(
      'anomaly-failure-floor',
      failureFloor,
      `--anomaly-z x --anomaly-failure-floor must be at most 0.45 (is ${Number((z * failureFloor).toPrecision(6))})`,
    );
  }
  return {
    window,
    offset,
    z,
    for: explicitFor,
    minRate: numberFlag(v, 'anomaly-min-rate', A.minRate, 0.000001, 1_000_000),
    floor,
    failureFloor,
  };
}
