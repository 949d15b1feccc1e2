export { generateOptionsFromFlags } from './commands/generate-config';
export type { HealthVerdict } from './commands/health';
export { healthVerdict } from './commands/health';
export type { CommandIo } from './commands/io';
export { formatDuration, parseDuration } from './duration';
export type { ParsedFamily, ParsedSample } from './exposition';
export { parseExposition } from './exposition';
export type { AlertingRule, RuleFile } from './generate/alert-rules';
export { alertCatalogue, alertRules, RULES_FILE } from './generate/alert-rules';
export type { RuleTestCase, RuleTestFile } from './generate/alert-tests';
export { alertTests, RULE_TESTS_FILE } from './generate/alert-tests';
export type { AlertDefinition, AlertLevel, Severity } from './generate/alert-types';
export { alertmanagerConfig } from './generate/alertmanager-config';
export type { AnomalyAlert, BaselineRuleFile, RecordingRule } from './generate/baseline-rules';
export { anomalyAlerts, BASELINE_RULES_FILE, baselineRulesFile } from './generate/baseline-rules';
export { BASELINE_TESTS_FILE, baselineTests } from './generate/baseline-tests';
export { COLLECTOR_CONTRIB_VERSION, collectorConfig } from './generate/collector-config';
export { composeFile } from './generate/compose';
export type { GeneratedFile } from './generate/files';
export { dashboards, generateFiles, writeFiles } from './generate/files';
export type { Dashboard, Panel, PanelTarget } from './generate/grafana/panel';
export { SERVICE_DASHBOARD_FILE, serviceDashboard } from './generate/grafana/service';
export { SLO_DASHBOARD_FILE, sloDashboard } from './generate/grafana/slo';
export { kubernetesFiles } from './generate/k8s/files';
export type { KubernetesAuth, KubernetesSettings } from './generate/k8s/settings';
export { K8S_DIR, KUBERNETES_DEFAULTS } from './generate/k8s/settings';
export { shutdownWorstCaseMs, terminationGracePeriodSeconds } from './generate/k8s/shutdown-budget';
export { operationLabelProblem } from './generate/operation-labels';
export type {
  AlertThresholds,
  AnomalySettings,
  CustomPanel,
  GenerateOptions,
  ReceiverSettings,
  SeverityLevel,
} from './generate/options';
export { GENERATE_DEFAULTS, SEVERITY_LEVELS, SLACK_URL_FILE, withDefaults } from './generate/options';
export type { PrometheusConfig } from './generate/prometheus-config';
export { prometheusConfig } from './generate/prometheus-config';
export type { BurnRateAlert, SloRateWindow } from './generate/slo/burn-rates';
export { BURN_RATE_ALERTS, SLO_RATE_WINDOWS } from './generate/slo/burn-rates';
export type { SloKind, SloObjective, SloSource } from './generate/slo/objective';
export { objectiveFromFields } from './generate/slo/parse';
export type { SloRecordingRule, SloRuleFile } from './generate/slo/rules';
export { SLO_SERIES, sloRules, sloRulesFile } from './generate/slo/rules';
export { sloTests, sloTestsFile } from './generate/slo/tests';
export { runCli } from './main';
export { EXIT_USAGE, isUsageError, USAGE_ERROR, UsageError } from './usage-error';
