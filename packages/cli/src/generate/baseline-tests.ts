import type { RuleTestCase, RuleTestFile } from './alert-tests';
import { renderLabels } from './alert-tests';
import type { TestSeries } from './alert-types';
import { type AnomalyAlert, anomalyAlerts, BASELINE_RULES_FILE } from './baseline-rules';
import { counter, histogram } from './baseline-series';
import {
  anomalySeconds,
  BASELINE_TEST_STEP,
  type BaselineTimeline,
  baselineTimeline,
  driftCasesIncluded,
} from './baseline-timeline';
import { operationMetrics } from './metric-names';
import { selectorLabels, testOperationLabels } from './operation-labels';
import type { GenerateOptions } from './options';

/** Path of the promtool unit tests of the baselines inside the output directory. */
export const BASELINE_TESTS_FILE = 'rules/otelkit-baselines.test.yml';

/** The shapes every anomaly alert is tested on. */
export type BaselineCaseKind = 'steady' | 'step' | 'drift' | 'quiet';

const TITLES: Readonly<Record<BaselineCaseKind, string>> = {
  steady: 'steady series (then a shift of a quarter of the stddev floor) stays silent',
  step: 'step change fires',
  drift: 'slow drift within the band stays silent',
  quiet: 'quiet service (below the minimum traffic) with a step change stays silent',
};

/** A signal's level over time (seconds) for one case. */
type Level = (t: number) => number;

/**
 * The level of a case, from `base`: a step of `2 × z` floors (a quarter floor when steady) at
 * `change`, or a drift of `1.5 × z` floors spread evenly over the series (piecewise per rate window).
 */
function levelOf(
  kind: BaselineCaseKind,
  base: number,
  floor: number,
  sign: 1 | -1,
  z: number,
  timeline: BaselineTimeline,
  segment: number,
): Level {
  if (kind === 'drift') {
    const total = sign * 1.5 * z * floor;
    return (t) => base + (total * Math.floor(t / segment) * segment) / timeline.end;
  }
  const shift = sign * (kind === 'steady' ? floor / 4 : 2 * z * floor);
  return (t) => (t > timeline.change ? base + shift : base);
}

/** The input series of one case of `alert`. */
function caseSeries(
  options: GenerateOptions,
  alert: AnomalyAlert,
  kind: BaselineCaseKind,
  timeline: BaselineTimeline,
): TestSeries[] {
  const a = options.anomaly;
  const ns = options.namespace;
  const end = timeline.end;
  const busy = Math.max(1, 10 * a.minRate);
  const traffic = kind === 'quiet' ? a.minRate / 2 : busy;
  // A drift moves once per rate window or evaluation, whichever is longer (keeps the file short).
  const segment = Math.max(
    timeline.evaluation,
    Math.max(1, Math.round(anomalySeconds(options).rate / BASELINE_TEST_STEP)) * BASELINE_TEST_STEP,
  );
  const labels = `job="${options.service}",instance="${options.target}",${selectorLabels(testOperationLabels(options))}`;
  const m = operationMetrics(ns);
  const ops = m.operations;
  const perStep = (perSecond: number) => perSecond * BASELINE_TEST_STEP;
  if (alert.signal === 'latency') {
    const base = 1;
    const level = levelOf(kind, base, a.floor * base, 1, a.z, timeline, segment);
    const lo = base / 2;
    const top = base * (1 + 2 * a.z * a.floor);
    const bounds = { lo, hi: Math.ceil((lo + (top - lo) / 0.8) * 100) / 100 };
    // p95 at the top puts 3 in 4 operations below lo, so the total rate stays within 4-20x inBand.
    const inBand = kind === 'quiet' ? traffic / 20 : traffic / 4;
    return [
      ...histogram(`${m.duration}_bucket`, `${labels},status="success"`, bounds, level, inBand, end),
      counter(ops, `${labels},status="success"`, () => perStep(traffic), end),
    ];
  }
  if (alert.signal === 'failureRatio') {
    const base = a.failureFloor;
    const ratio = levelOf(kind, base, a.failureFloor, 1, a.z, timeline, segment);
    return [
      counter(ops, `${labels},status="success"`, (t) => perStep(traffic * (1 - ratio(t))), end),
      counter(ops, `${labels},status="failure"`, (t) => perStep(traffic * ratio(t)), end),
    ];
  }
  const rate = levelOf(kind, traffic, a.floor * traffic, -1, a.z, timeline, segment);
  return [counter(ops, `${labels},status="success"`, (t) => perStep(rate(t)), end)];
}

/** The cases of one alert: silent at two evaluations, or (step) silent before and firing at the end. */
function alertCases(
  options: GenerateOptions,
  alert: AnomalyAlert,
  timeline: BaselineTimeline,
): RuleTestCase[] {
  const kinds: BaselineCaseKind[] = driftCasesIncluded(options)
    ? ['steady', 'step', 'drift', 'quiet']
    : ['steady', 'step', 'quiet'];
  const at = (seconds: number) => `${seconds}s`;
  const labels = {
    job: options.service,
    ...testOperationLabels(options),
    severity: alert.rule.labels.severity!,
  };
  const firing = {
    exp_labels: labels,
    exp_annotations: {
      summary: renderLabels(alert.rule.annotations.summary!, labels),
      description: renderLabels(alert.rule.annotations.description!, labels),
      runbook: alert.rule.annotations.runbook!,
    },
  };
  const before = (Math.floor(timeline.change / timeline.evaluation) - 1) * timeline.evaluation;
  return kinds.map((kind) => ({
    name: `${alert.alert}: ${TITLES[kind]}`,
    interval: `${BASELINE_TEST_STEP}s`,
    input_series: caseSeries(options, alert, kind, timeline),
    alert_rule_test:
      kind === 'step'
        ? [
            { eval_time: at(before), alertname: alert.alert, exp_alerts: [] },
            { eval_time: at(timeline.end), alertname: alert.alert, exp_alerts: [firing] },
          ]
        : [timeline.middle, timeline.end].map((t) => ({
            eval_time: at(t),
            alertname: alert.alert,
            exp_alerts: [],
          })),
  }));
}

/**
 * promtool unit tests of the anomaly alerts: for each, a steady series stays silent, a step change
 * fires (with the exact labels and annotations), a slow drift within the band stays silent (when the
 * flags allow one, see `driftCasesIncluded`) and a quiet service with a step change stays silent.
 */
export function baselineTests(options: GenerateOptions): RuleTestFile {
  const timeline = baselineTimeline(options);
  return {
    rule_files: [BASELINE_RULES_FILE.replace(/^rules\//, '')],
    evaluation_interval: `${timeline.evaluation}s`,
    tests: anomalyAlerts(options).flatMap((alert) => alertCases(options, alert, timeline)),
  };
}
