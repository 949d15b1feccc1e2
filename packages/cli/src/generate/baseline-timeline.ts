import { parseDuration } from '../duration';
import { anomalyFor } from './baseline-names';
import type { GenerateOptions } from './options';

/** Seconds between input samples of the baseline unit tests. */
export const BASELINE_TEST_STEP = 15;

/** Evaluation intervals the unit tests may use; the largest that keeps the cases exact is taken. */
const EVALUATIONS = [15, 30, 60, 120, 180, 240, 300, 600, 900, 1800, 3600];

/** Silent cases must stay well inside the band: an expected z-score at most this share of `--anomaly-z`. */
const DRIFT_MARGIN = 0.9;

/** The time grid of the baseline unit tests, in seconds. */
export interface BaselineTimeline {
  /** `evaluation_interval` of the test file. */
  readonly evaluation: number;
  /** First evaluation whose baseline window is full of recorded values. */
  readonly ready: number;
  /** When the series of a step case change (a multiple of the input step). */
  readonly change: number;
  /** An evaluation after `ready` and before `end`, where silent cases are checked too. */
  readonly middle: number;
  /** The last evaluation, where every case is checked; the series end here. */
  readonly end: number;
}

function roundUp(value: number, unit: number): number {
  return Math.ceil(value / unit) * unit;
}

/** Rate window, anomaly window, offset and `for:` of these options, in seconds. */
export function anomalySeconds(options: GenerateOptions): {
  rate: number;
  window: number;
  offset: number;
  hold: number;
} {
  return {
    rate: parseDuration('--rate-window', options.rateWindow),
    window: parseDuration('--anomaly-window', options.anomaly.window),
    offset: parseDuration('--anomaly-offset', options.anomaly.offset),
    hold: parseDuration('--anomaly-for', anomalyFor(options)),
  };
}

/**
 * The z-score a steady linear drift reaches, whatever its slope: the value runs `offset + window/2`
 * (plus half a rate window) ahead of the baseline mean, and a ramp's standard deviation over the
 * window is `slope × window / √12`. About 1.9 at the defaults (1d window, 1h offset).
 */
export function driftZScore(options: GenerateOptions): number {
  const s = anomalySeconds(options);
  return Math.sqrt(12) * (s.offset / s.window + 0.5 + s.rate / (2 * s.window));
}

/** Whether the generated tests include the drift cases (a linear drift stays inside the band). */
export function driftCasesIncluded(options: GenerateOptions): boolean {
  return driftZScore(options) <= DRIFT_MARGIN * options.anomaly.z;
}

/**
 * The grid: the largest evaluation interval that gives the baseline 120 points and still lets a
 * change show in a rate window and hold for `for:` while it is not yet in the baseline, which ends
 * `offset` ago. 15 s always fits, because the flags guarantee `offset >= for + 2 × rate window`.
 */
export function baselineTimeline(options: GenerateOptions): BaselineTimeline {
  const s = anomalySeconds(options);
  const step = BASELINE_TEST_STEP;
  const pendingFor = (e: number) => e * Math.ceil(s.hold / e);
  const evaluation =
    [...EVALUATIONS]
      .reverse()
      .find((e) => e <= s.window / 120 && pendingFor(e) + s.rate + 2 * step <= s.offset) ?? step;
  const pending = pendingFor(evaluation);
  const ready = roundUp(s.offset + s.window + s.rate + evaluation, evaluation);
  const end = roundUp(ready + pending + s.rate + step + evaluation, evaluation);
  const change = Math.floor((end - pending - s.rate - step) / step) * step;
  const middle = roundUp((ready + end) / 2, evaluation);
  return { evaluation, ready, change, middle, end };
}
