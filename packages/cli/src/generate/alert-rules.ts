import type { AlertDefinition, AlertLevel } from './alert-types';
import { operationAlerts } from './alerts-operations';
import { platformAlerts } from './alerts-platform';
import type { GenerateOptions } from './options';

/** Path of the rules file inside the output directory (also what `prometheus.yml` lists). */
export const RULES_FILE = 'rules/otelkit-alerts.yml';

/** One alerting rule as Prometheus reads it. */
export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** A Prometheus rules file. */
export interface RuleFile {
  readonly groups: readonly { readonly name: string; readonly rules: readonly AlertingRule[] }[];
}

/** The whole alert catalogue for these options, in file order. */
export function alertCatalogue(options: GenerateOptions): AlertDefinition[] {
  return [...platformAlerts(options), ...operationAlerts(options)];
}

/** Fills `{{ threshold }}` in an annotation template. */
export function fillThreshold(template: string, def: AlertDefinition, level: AlertLevel): string {
  return template.replaceAll('{{ threshold }}', def.showThreshold(level.threshold));
}

/** The `for:` a level gets: `--alert-for` when set, else the catalogue's default. */
export function levelFor(options: GenerateOptions, level: AlertLevel): string {
  return options.alertFor ?? level.for;
}

/** The rule for one level of an alert. */
export function alertingRule(
  options: GenerateOptions,
  def: AlertDefinition,
  level: AlertLevel,
): AlertingRule {
  return {
    alert: def.alert,
    expr: def.expr(level.threshold),
    for: levelFor(options, level),
    labels: { severity: level.severity },
    annotations: {
      summary: fillThreshold(def.summary, def, level),
      description: fillThreshold(def.description, def, level),
      runbook: def.runbook,
    },
  };
}

/** The rules file: one group per catalogue group, named after the service. */
export function alertRules(options: GenerateOptions): RuleFile {
  const catalogue = alertCatalogue(options);
  const groups = (['platform', 'operations', 'telemetry'] as const).map((group) => ({
    name: `otelkit-${options.service}-${group}`,
    rules: catalogue
      .filter((def) => def.group === group)
      .flatMap((def) => def.levels.map((level) => alertingRule(options, def, level))),
  }));
  return { groups };
}
