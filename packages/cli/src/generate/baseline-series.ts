import type { TestSeries } from './alert-types';
import { BASELINE_TEST_STEP } from './baseline-timeline';

/** A counter's increase per input step, given the time (seconds) the step ends at. */
export type Increase = (t: number) => number;

function round(value: number): number {
  return Number(value.toPrecision(10));
}

/**
 * The values of a counter from 0 at time 0 to `end`, in promtool's expanding notation: runs of equal
 * increases are written `start+increasexN`, so a day of 15 s samples stays a short line.
 */
export function counterValues(increase: Increase, end: number): string {
  const parts = ['0'];
  let value = 0;
  let run: { inc: number; count: number } | undefined;
  const flush = (): void => {
    if (run === undefined) return;
    const start = round(value + run.inc);
    parts.push(run.count === 1 ? String(start) : `${start}+${run.inc}x${run.count - 1}`);
    value = round(value + run.inc * run.count);
  };
  for (let t = BASELINE_TEST_STEP; t <= end; t += BASELINE_TEST_STEP) {
    const inc = round(Math.max(0, increase(t)));
    if (run !== undefined && run.inc === inc) run.count += 1;
    else {
      flush();
      run = { inc, count: 1 };
    }
  }
  flush();
  return parts.join(' ');
}

/** One counter series: `name{labels}` and its values up to `end`. */
export function counter(name: string, labels: string, increase: Increase, end: number): TestSeries {
  return { series: `${name}{${labels}}`, values: counterValues(increase, end) };
}

/**
 * The bucket counters of a histogram whose p95 over any window is `p95(t)` (within the bounds), at
 * `rate(t)` operations per second: `inBand` per second land in `(lo, hi]`, the rest at or below
 * `lo`. With `b` below and `m` in the band, p95 = lo + (hi − lo)(0.95 − 0.05 b/m), linear in `b`.
 */
export function histogram(
  name: string,
  labels: string,
  bounds: { readonly lo: number; readonly hi: number },
  p95: (t: number) => number,
  inBand: number,
  end: number,
): TestSeries[] {
  const perStep = inBand * BASELINE_TEST_STEP;
  const below: Increase = (t) => 20 * perStep * (0.95 - (p95(t) - bounds.lo) / (bounds.hi - bounds.lo));
  const upTo: Increase = (t) => below(t) + perStep;
  return [
    counter(name, `${labels},le="${bounds.lo}"`, below, end),
    counter(name, `${labels},le="${bounds.hi}"`, upTo, end),
    counter(name, `${labels},le="+Inf"`, upTo, end),
  ];
}
