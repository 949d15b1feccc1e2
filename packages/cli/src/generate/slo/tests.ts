import { parseDuration } from '../../duration';
import type { RuleTestCase, RuleTestFile } from '../alert-tests';
import { renderLabels } from '../alert-tests';
import type { TestSeries } from '../alert-types';
import { TEST_OPERATION } from '../operation-labels';
import type { GenerateOptions } from '../options';
import { escapeLabelValue } from '../promql';
import { BURN_RATE_ALERTS, type BurnRateAlert } from './burn-rates';
import type { SloObjective } from './objective';
import { burnFor, burnRateRule, burnThreshold, sloRulesFile } from './rules';

/**
 * Path of the promtool unit tests of one objective's page or ticket alerts. They are two files
 * because they need different evaluation intervals to run in seconds: the page alerts' 5m window
 * every five minutes, the ticket alerts' 3-day inputs every thirty.
 */
export function sloTestsFile(objective: SloObjective, urgency: BurnRateAlert['urgency']): string {
  return sloRulesFile(objective).replace(/\.yml$/, `.${urgency}.test.yml`);
}

/** Seconds between rule evaluations in the tests of the page and of the ticket alerts. */
const EVALUATION_S: Readonly<Record<BurnRateAlert['urgency'], number>> = { page: 300, ticket: 1800 };

/**
 * Minutes between input samples of an alert's cases: a tenth of its short window, from 1m (the 5m
 * window) to 15m (the 3-day cases have 300 samples, not 4,500).
 */
export function inputStepMinutes(burn: BurnRateAlert): number {
  return Math.min(15, Math.max(1, Math.floor(minutes(burn.short) / 10)));
}
/** Events per minute in the inputs: large, so that error counts round to well under 0.1% of a ratio. */
const EVENTS = 1_000_000;
/** How far the firing and silent inputs sit from the burn-rate threshold. */
export const NEAR = 0.02;

/** A stretch of input: `minutes` long at `burn` times the alert's threshold error ratio. */
interface Segment {
  readonly minutes: number;
  readonly burn: number;
}

/** One case of one alert: its input shape and whether the alert must fire at the end. */
export interface SloCase {
  readonly title: string;
  readonly segments: readonly Segment[];
  readonly fires: boolean;
}

/**
 * Counter values in promtool's expanding notation, a sample every `step` minutes: one `start+incxN`
 * run per segment, contiguous.
 */
function counter(segments: readonly Segment[], step: number, perMinute: (s: Segment) => number): string {
  let value = 0;
  const parts: string[] = [];
  segments.forEach((s, i) => {
    const inc = perMinute(s) * step;
    // The first run starts at 0 (one extra sample); later ones continue from the last value.
    const start = i === 0 ? 0 : value + inc;
    const steps = i === 0 ? s.minutes / step : s.minutes / step - 1;
    parts.push(`${start}+${inc}x${steps}`);
    value = start + inc * steps;
  });
  return parts.join(' ');
}

function minutes(duration: string): number {
  return parseDuration('window', duration) / 60;
}

function lcm(a: number, b: number): number {
  let x = a;
  while (x % b !== 0) x += a;
  return x;
}

function roundUp(value: number, to: number): number {
  return Math.ceil(value / to) * to;
}

/**
 * The cases of one alert: it fires just above its burn rate ({@link NEAR}) and stays silent just below;
 * it stays silent when the burning stopped long enough ago for the short window to clear while the
 * long one still burns; and when only the short window burns. The last two are left out when the
 * objective's budget is too large for a burst of twice the burn rate to separate the windows.
 */
export function sloCases(options: GenerateOptions, objective: SloObjective, burn: BurnRateAlert): SloCase[] {
  const long = minutes(burn.long);
  const evaluation = EVALUATION_S[burn.urgency] / 60;
  const settle = minutes(burnFor(options, burn)) + 2 * evaluation;
  // Segments last whole input steps and whole evaluations.
  const grid = lcm(evaluation, inputStepMinutes(burn));
  const steady = roundUp(long + settle, grid);
  const recover = roundUp(minutes(burn.short) + settle, grid);
  const k = Math.min(2, 0.98 / burnThreshold(objective, burn));
  const cases: SloCase[] = [
    {
      title: `fires at ${1 + NEAR}x its burn rate`,
      segments: [{ minutes: steady, burn: 1 + NEAR }],
      fires: true,
    },
    { title: `stays silent at ${1 - NEAR}x`, segments: [{ minutes: steady, burn: 1 - NEAR }], fires: false },
  ];
  if (k * (1 - recover / long) >= 1.2)
    cases.push({
      title: `stays silent ${burn.short} after a ${Number(k.toFixed(2))}x burn of ${burn.long} stopped`,
      segments: [
        { minutes: long, burn: k },
        { minutes: recover, burn: 0 },
      ],
      fires: false,
    });
  if (k >= 1.2 && (k * recover) / long <= 0.8)
    cases.push({
      title: `stays silent when only the last ${burn.short} burn at ${Number(k.toFixed(2))}x`,
      segments: [
        { minutes: long, burn: 0 },
        { minutes: recover, burn: k },
      ],
      fires: false,
    });
  return cases;
}

/** Input series of an objective's SLI for `segments` (events split into good and bad). */
export function sloInput(
  options: GenerateOptions,
  objective: SloObjective,
  burn: BurnRateAlert,
  segments: readonly Segment[],
): TestSeries[] {
  const ratio = burnThreshold(objective, burn);
  const bad = (s: Segment) => Math.round(s.burn * ratio * EVENTS);
  const base = `job="${escapeLabelValue(options.service)}",instance="${escapeLabelValue(options.target)}"`;
  const step = inputStepMinutes(burn);
  const all = counter(segments, step, () => EVENTS);
  const goodValues = counter(segments, step, (s) => EVENTS - bad(s));
  const badValues = counter(segments, step, bad);
  const m = objective.metric;
  if (objective.source === 'operations') {
    const labels = `${base},operation="${escapeLabelValue(objective.operation ?? TEST_OPERATION)}"`;
    if (objective.kind === 'availability')
      return [
        { series: `${m}{${labels},status="success"}`, values: goodValues },
        { series: `${m}{${labels},status="failure"}`, values: badValues },
      ];
    return latencyInput(`${labels},status="success"`, objective, all, goodValues);
  }
  const labels = `${base},http_request_method="GET",http_route="${escapeLabelValue(objective.route ?? '/api/items')}"`;
  if (objective.kind === 'availability')
    return [
      { series: `${m}_count{${labels},http_response_status_code="200"}`, values: goodValues },
      { series: `${m}_count{${labels},http_response_status_code="503"}`, values: badValues },
    ];
  return latencyInput(`${labels},http_response_status_code="200"`, objective, all, goodValues);
}

function latencyInput(labels: string, objective: SloObjective, all: string, good: string): TestSeries[] {
  const m = objective.metric;
  return [
    { series: `${m}_bucket{${labels},le="${objective.threshold}"}`, values: good },
    { series: `${m}_bucket{${labels},le="+Inf"}`, values: all },
    { series: `${m}_count{${labels}}`, values: all },
  ];
}

/**
 * promtool unit tests of one objective's page or ticket alerts: for each, the cases of
 * {@link sloCases}, each with the exact labels and annotations when it fires.
 */
export function sloTests(
  options: GenerateOptions,
  objective: SloObjective,
  urgency: BurnRateAlert['urgency'],
): RuleTestFile {
  const tests: RuleTestCase[] = [];
  for (const burn of BURN_RATE_ALERTS.filter((b) => b.urgency === urgency)) {
    const rule = burnRateRule(options, objective, burn);
    const labels = { job: options.service, slo: objective.name, severity: burn.severity };
    for (const c of sloCases(options, objective, burn)) {
      const total = c.segments.reduce((sum, s) => sum + s.minutes, 0);
      tests.push({
        name: `${objective.name}: ${burn.alert} ${c.title}`,
        interval: `${inputStepMinutes(burn)}m`,
        input_series: sloInput(options, objective, burn, c.segments),
        alert_rule_test: [
          {
            eval_time: `${total}m`,
            alertname: burn.alert,
            exp_alerts: c.fires
              ? [
                  {
                    exp_labels: labels,
                    exp_annotations: {
                      summary: renderLabels(rule.annotations.summary!, labels),
                      description: renderLabels(rule.annotations.description!, labels),
                      runbook: rule.annotations.runbook!,
                    },
                  },
                ]
              : [],
          },
        ],
      });
    }
  }
  return {
    rule_files: [sloRulesFile(objective).replace(/^rules\//, '')],
    evaluation_interval: `${EVALUATION_S[urgency]}s`,
    tests,
  };
}
