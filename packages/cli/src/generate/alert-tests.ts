import { parseDuration } from '../duration';
import { alertCatalogue, alertingRule, levelFor, RULES_FILE } from './alert-rules';
import type { AlertDefinition, FixtureContext, TestSeries } from './alert-types';
import { longWindow } from './alerts-operations';
import { selectorLabels, testOperationLabels } from './operation-labels';
import type { GenerateOptions } from './options';

/** Path of the promtool unit-test file inside the output directory. */
export const RULE_TESTS_FILE = 'rules/otelkit-alerts.test.yml';

const STEP = 15;
/** Rules are evaluated once a minute in the tests (every sample would be 4x slower for the same verdicts). */
const EVALUATION = 60;

interface ExpectedAlert {
  readonly exp_labels: Readonly<Record<string, string>>;
  readonly exp_annotations: Readonly<Record<string, string>>;
}

/** One promtool test case. */
export interface RuleTestCase {
  readonly name: string;
  readonly interval: string;
  readonly input_series: readonly TestSeries[];
  readonly alert_rule_test: readonly {
    readonly eval_time: string;
    readonly alertname: string;
    readonly exp_alerts: readonly ExpectedAlert[];
  }[];
}

/** A `promtool test rules` file. */
export interface RuleTestFile {
  readonly rule_files: readonly string[];
  readonly evaluation_interval: string;
  readonly tests: readonly RuleTestCase[];
}

/** Replaces `{{ $labels.x }}` as Prometheus would for an alert with these labels. */
export function renderLabels(template: string, labels: Readonly<Record<string, string>>): string {
  return template.replace(
    /\{\{ \$labels\.([a-zA-Z_][a-zA-Z0-9_]*) \}\}/g,
    (_m, name: string) => labels[name] ?? '',
  );
}

/** The time grid every case shares: long enough for the longest `for:` and the longest window. */
export function fixtureContext(options: GenerateOptions): FixtureContext {
  const catalogue = alertCatalogue(options);
  const maxFor = Math.max(
    ...catalogue.flatMap((d) => d.levels.map((l) => parseDuration('for', levelFor(options, l)))),
  );
  const window = parseDuration('--rate-window', options.rateWindow);
  const windowSamples = Math.ceil(window / STEP);
  const settleSamples = Math.ceil((maxFor + window + EVALUATION) / STEP) + 4;
  const longSamples = Math.ceil(
    parseDuration('window', longWindow(options.rateWindow, options.alertFor ?? '5m')) / STEP,
  );
  const ageSamples = Math.ceil((options.thresholds.maxSuccessAgeSeconds + maxFor + window) / STEP) + 8;
  const quarterHour = Math.ceil(900 / STEP);
  const perEvaluation = EVALUATION / STEP;
  const needed = Math.max(
    ageSamples,
    longSamples + 2 * settleSamples + 8,
    quarterHour + settleSamples + 8,
    settleSamples * 2,
  );
  const samples = Math.ceil(needed / perEvaluation) * perEvaluation;
  const [host] = [options.target];
  return {
    samples,
    step: STEP,
    windowSamples,
    settleSamples,
    base: `job="${options.service}",instance="${host}"`,
    job: options.service,
    instance: host,
    operation: selectorLabels(testOperationLabels(options)),
    operationLabels: testOperationLabels(options),
  };
}

/**
 * The input under which an alert must fire. With `--operation-labels`, an operation alert's quiet
 * input is added under the neighbouring label values (`source-2`): the alert must fire for
 * `source-1` alone, which fails when the rule sums the label away.
 */
function firingInput(options: GenerateOptions, ctx: FixtureContext, def: AlertDefinition): TestSeries[] {
  const fixture = def.fixture(ctx);
  if (def.group !== 'operations' || options.operationLabels.length === 0) return [...fixture.firing];
  const neighbour = selectorLabels(testOperationLabels(options, 2));
  return [
    ...fixture.firing,
    ...fixture.quiet.map((s) => ({ ...s, series: s.series.replace(ctx.operation, neighbour) })),
  ];
}

/**
 * promtool unit tests for the whole catalogue: for each alert, one case where it must fire (with the
 * exact labels and annotations people will receive) and one where it must stay silent.
 */
export function alertTests(options: GenerateOptions): RuleTestFile {
  const ctx = fixtureContext(options);
  const evalTime = `${ctx.samples * STEP}s`;
  const tests: RuleTestCase[] = [];
  for (const def of alertCatalogue(options)) {
    const fixture = def.fixture(ctx);
    const severities = fixture.severities ?? def.levels.map((l) => l.severity);
    const expected = def.levels
      .filter((level) => severities.includes(level.severity))
      .map((level) => {
        const rule = alertingRule(options, def, level);
        const labels = { ...fixture.labels, severity: level.severity };
        return {
          exp_labels: labels,
          exp_annotations: {
            summary: renderLabels(rule.annotations.summary!, labels),
            description: renderLabels(rule.annotations.description!, labels),
            runbook: rule.annotations.runbook!,
          },
        };
      });
    tests.push(
      {
        name: `${def.alert} fires`,
        interval: `${STEP}s`,
        input_series: firingInput(options, ctx, def),
        alert_rule_test: [{ eval_time: evalTime, alertname: def.alert, exp_alerts: expected }],
      },
      {
        name: `${def.alert} stays silent`,
        interval: `${STEP}s`,
        input_series: fixture.quiet,
        alert_rule_test: [{ eval_time: evalTime, alertname: def.alert, exp_alerts: [] }],
      },
    );
  }
  return { rule_files: [RULES_FILE.replace(/^rules\//, '')], evaluation_interval: `${EVALUATION}s`, tests };
}
