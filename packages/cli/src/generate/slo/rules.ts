import { parseDuration } from '../../duration';
import type { AlertingRule } from '../alert-rules';
import type { GenerateOptions } from '../options';
import { escapeLabelValue, num, percent } from '../promql';
import { BURN_RATE_ALERTS, type BurnRateAlert, SLO_RATE_WINDOWS } from './burn-rates';
import { errorBudget, type SloObjective, targetRatio } from './objective';
import { errorRatioExpr, sliSelectors } from './sli';

/**
 * Path of an objective's rules file inside the output directory (each listed in `prometheus.yml`): one
 * file per objective, so that its promtool tests load its rules alone (objectives on one metric would
 * otherwise fire on each other's inputs).
 */
export function sloRulesFile(objective: SloObjective): string {
  return `rules/otelkit-slo-${objective.name}.yml`;
}

/** Recorded series of the objectives; every one carries the labels `job` and `slo`. */
export const SLO_SERIES = {
  /** The SLI's error ratio over a window: `slo:error_ratio:rate5m`, … `rate3d`, and over the SLO window. */
  errorRatio: (window: string) => `slo:error_ratio:rate${window}`,
  /** The objective (target) as a ratio, e.g. 0.999. */
  objective: 'slo:objective:ratio',
  /** Share of the error budget left over the SLO window: 1 untouched, 0 spent, negative overspent. */
  budgetRemaining: 'slo:error_budget_remaining:ratio',
} as const;

/** A recording rule with the `slo` label (the series of one objective). */
export interface SloRecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The SLO rules file: one group per objective, its recording rules first, then its burn-rate alerts. */
export interface SloRuleFile {
  readonly groups: readonly {
    readonly name: string;
    readonly rules: readonly (SloRecordingRule | AlertingRule)[];
  }[];
}

/** `{job="…",slo="…"}` of an objective's recorded series. */
export function sloMatchers(options: GenerateOptions, objective: SloObjective): string {
  return `{job="${escapeLabelValue(options.service)}",slo="${escapeLabelValue(objective.name)}"}`;
}

/** What an objective promises, for people: `99.9% of requests without a 5xx over 30d`. */
export function describeObjective(objective: SloObjective): string {
  const what =
    objective.kind === 'latency'
      ? `${objective.source === 'http' ? 'requests' : 'operations'} faster than ${objective.threshold}s`
      : objective.source === 'http'
        ? 'requests without a 5xx'
        : 'operations without failure';
  const scope = objective.operation ?? objective.route;
  return `${objective.targetPercent}% of ${what}${scope === undefined ? '' : ` (${scope})`} over ${objective.window}`;
}

/** The `for:` a burn-rate alert gets: `--alert-for` when set, else its default. */
export function burnFor(options: GenerateOptions, burn: BurnRateAlert): string {
  return options.alertFor ?? burn.for;
}

/** The error ratio above which `burn` fires for `objective`: factor x error budget. */
export function burnThreshold(objective: SloObjective, burn: BurnRateAlert): number {
  return Number((burn.factor * errorBudget(objective)).toPrecision(12));
}

/** The alerting rule of one burn-rate alert of one objective. */
export function burnRateRule(
  options: GenerateOptions,
  objective: SloObjective,
  burn: BurnRateAlert,
): AlertingRule {
  const m = sloMatchers(options, objective);
  const threshold = num(burnThreshold(objective, burn));
  return {
    alert: burn.alert,
    expr: `${SLO_SERIES.errorRatio(burn.long)}${m} > ${threshold}\nand ${SLO_SERIES.errorRatio(burn.short)}${m} > ${threshold}`,
    for: burnFor(options, burn),
    labels: { severity: burn.severity, slo: objective.name },
    annotations: {
      summary: `{{ $labels.slo }} burns its error budget ${burn.factor}x too fast ({{ $labels.job }})`,
      description: `Objective {{ $labels.slo }} (${describeObjective(objective)}): the error ratio over the last ${burn.long} and ${burn.short} is above ${percent(burnThreshold(objective, burn))}, ${burn.factor} times the budget of ${percent(errorBudget(objective))}. At this rate the ${objective.window} budget lasts ${budgetLasts(objective, burn)}; ${percent(budgetSpent(objective, burn))} of it is gone after ${burn.long}.`,
      runbook:
        burn.urgency === 'page'
          ? 'Page: users are affected now. Open the SLO dashboard, find the routes or operations behind the errors (HTTP or operations dashboard), roll back or mitigate first.'
          : 'Ticket: a slow, steady burn. Find the routes or operations that fail or are slow on the HTTP and operations dashboards and fix them before the budget runs out.',
    },
  };
}

/** Share of the SLO window's budget spent by burning at `burn.factor` for its long window. */
function budgetSpent(objective: SloObjective, burn: BurnRateAlert): number {
  return (burn.factor * parseDuration('window', burn.long)) / parseDuration('window', objective.window);
}

function budgetLasts(objective: SloObjective, burn: BurnRateAlert): string {
  const days = Number(objective.window.replace('d', '')) / burn.factor;
  return days >= 1 ? `${Number(days.toFixed(1))} days` : `${Number((days * 24).toFixed(1))} hours`;
}

/** Recording rules of one objective: error ratios over every alert window and the SLO window, target, budget left. */
export function sloRecordingRules(options: GenerateOptions, objective: SloObjective): SloRecordingRule[] {
  const sli = sliSelectors(objective, options.service);
  const labels = { slo: objective.name };
  const m = sloMatchers(options, objective);
  return [
    ...[...SLO_RATE_WINDOWS, objective.window].map((w) => ({
      record: SLO_SERIES.errorRatio(w),
      expr: errorRatioExpr(sli, w),
      labels,
    })),
    {
      record: SLO_SERIES.objective,
      expr: `vector(${num(targetRatio(objective))})`,
      labels: { job: options.service, slo: objective.name },
    },
    {
      record: SLO_SERIES.budgetRemaining,
      expr: `1 - ${SLO_SERIES.errorRatio(objective.window)}${m} / ${num(errorBudget(objective))}`,
      labels,
    },
  ];
}

/** Name of an objective's rule group. */
export function sloGroupName(options: GenerateOptions, objective: SloObjective): string {
  return `otelkit-${options.service}-slo-${objective.name}`;
}

/** The rules file of one objective: one group, its recording rules, then its four burn-rate alerts. */
export function sloRules(options: GenerateOptions, objective: SloObjective): SloRuleFile {
  return {
    groups: [
      {
        name: sloGroupName(options, objective),
        rules: [
          ...sloRecordingRules(options, objective),
          ...BURN_RATE_ALERTS.map((burn) => burnRateRule(options, objective, burn)),
        ],
      },
    ],
  };
}
