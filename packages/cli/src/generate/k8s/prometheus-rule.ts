import { alertRules } from '../alert-rules';
import { baselineRulesFile } from '../baseline-rules';
import type { GenerateOptions } from '../options';
import { sloRules } from '../slo/rules';
import { type Manifest, metadata, resourceName } from './metadata';
import type { KubernetesSettings } from './settings';

/**
 * The rule groups of the file output, in file order: alerts (`rules/otelkit-alerts.yml`), baselines
 * and anomaly alerts (`rules/otelkit-baselines.yml`) and each objective's SLO rules (`rules/otelkit-slo-<name>.yml`).
 */
export function allRuleGroups(options: GenerateOptions): readonly unknown[] {
  return [
    ...alertRules(options).groups,
    ...baselineRulesFile(options).groups,
    ...options.objectives.flatMap((objective) => sloRules(options, objective).groups),
  ];
}

/** PrometheusRule (Prometheus Operator) holding every rule group of the file output. */
export function prometheusRule(options: GenerateOptions, k8s: KubernetesSettings): Manifest {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: metadata(options, k8s, resourceName(options.service)),
    spec: { groups: allRuleGroups(options) },
  };
}
