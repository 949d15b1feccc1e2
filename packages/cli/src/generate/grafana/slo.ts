import type { GenerateOptions } from '../options';
import { num } from '../promql';
import { BURN_RATE_ALERTS } from '../slo/burn-rates';
import { errorBudget } from '../slo/objective';
import { describeObjective, SLO_SERIES } from '../slo/rules';
import { type Dashboard, dashboard, type PanelSpec } from './panel';

/** File name of the SLO dashboard inside `grafana/dashboards/`. */
export const SLO_DASHBOARD_FILE = 'slo.json';

/**
 * Objectives over their recorded series (`rules/otelkit-slo.yml`), one row each: error budget left
 * over the SLO window, the SLI against its target, and the burn rate over the alerts' windows beside
 * the thresholds that page and open tickets. The series are per job (no `instance`). `undefined`
 * without objectives.
 */
export function sloDashboard(o: GenerateOptions): Dashboard | undefined {
  if (o.objectives.length === 0) return undefined;
  const specs: PanelSpec[] = o.objectives.flatMap((objective) => {
    const m = `{job=~"$job",slo="${objective.name}"}`;
    const budget = num(errorBudget(objective));
    return [
      {
        title: `${objective.name}: error budget left (${objective.window})`,
        description: describeObjective(objective),
        type: 'stat',
        unit: 'percentunit',
        queries: [{ expr: `${SLO_SERIES.budgetRemaining}${m}`, legend: '{{job}}' }],
      },
      {
        title: `${objective.name}: SLI and objective`,
        unit: 'percentunit',
        max: 1,
        queries: [
          { expr: `1 - ${SLO_SERIES.errorRatio('1h')}${m}`, legend: 'SLI (1h) {{job}}' },
          {
            expr: `1 - ${SLO_SERIES.errorRatio(objective.window)}${m}`,
            legend: `SLI (${objective.window}) {{job}}`,
          },
          { expr: `${SLO_SERIES.objective}${m}`, legend: 'objective' },
        ],
      },
      {
        title: `${objective.name}: burn rate (error ratio / budget)`,
        description: `Alerts page above ${BURN_RATE_ALERTS.filter((b) => b.urgency === 'page')
          .map((b) => `${b.factor}x (${b.long} and ${b.short})`)
          .join(' or ')}, and open a ticket above ${BURN_RATE_ALERTS.filter((b) => b.urgency === 'ticket')
          .map((b) => `${b.factor}x (${b.long} and ${b.short})`)
          .join(' or ')}.`,
        unit: 'short',
        wide: true,
        queries: ['5m', '1h', '6h', '1d', '3d'].map((w) => ({
          expr: `${SLO_SERIES.errorRatio(w)}${m} / ${budget}`,
          legend: `${w} {{job}}`,
        })),
      },
    ];
  });
  return dashboard(`otelkit-${o.service}-slo`, `${o.service} / SLOs`, o.service, specs, o.alertmanager);
}
