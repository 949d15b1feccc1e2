import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { alertRules, RULES_FILE } from './alert-rules';
import { alertTests, RULE_TESTS_FILE } from './alert-tests';
import { alertmanagerConfig } from './alertmanager-config';
import { BASELINE_RULES_FILE, baselineRulesFile } from './baseline-rules';
import { BASELINE_TESTS_FILE, baselineTests } from './baseline-tests';
import { collectorConfig } from './collector-config';
import { composeFile } from './compose';
import { breakersDashboard } from './grafana/breakers';
import { healthDashboard } from './grafana/health';
import { httpDashboard } from './grafana/http';
import { operationsDashboard } from './grafana/operations';
import type { Dashboard } from './grafana/panel';
import { dashboardProvisioning, datasourceProvisioning } from './grafana/provisioning';
import { runtimeDashboard } from './grafana/runtime';
import { SERVICE_DASHBOARD_FILE, serviceDashboard } from './grafana/service';
import { SLO_DASHBOARD_FILE, sloDashboard } from './grafana/slo';
import { kubernetesFiles } from './k8s/files';
import type { GenerateOptions } from './options';
import { prometheusConfig } from './prometheus-config';
import { sloRules, sloRulesFile } from './slo/rules';
import { sloTests, sloTestsFile } from './slo/tests';
import { type GeneratedFile, yamlFile } from './yaml-file';

export type { GeneratedFile } from './yaml-file';

/**
 * Every dashboard for these options, keyed by file name (`service.json` only with `panels`, `slo.json`
 * only with objectives).
 */
export function dashboards(options: GenerateOptions): Readonly<Record<string, Dashboard>> {
  const service = serviceDashboard(options);
  const slo = sloDashboard(options);
  return {
    'operations.json': operationsDashboard(options),
    'http.json': httpDashboard(options),
    'runtime.json': runtimeDashboard(options),
    'circuit-breakers.json': breakersDashboard(options),
    'health.json': healthDashboard(options),
    ...(service === undefined ? {} : { [SERVICE_DASHBOARD_FILE]: service }),
    ...(slo === undefined ? {} : { [SLO_DASHBOARD_FILE]: slo }),
  };
}

/** All artefacts for `options`, in a stable order. Pure: writes nothing. */
export function generateFiles(options: GenerateOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [
    yamlFile('prometheus.yml', prometheusConfig(options)),
    yamlFile(RULES_FILE, alertRules(options)),
    yamlFile(RULE_TESTS_FILE, alertTests(options)),
    yamlFile(BASELINE_RULES_FILE, baselineRulesFile(options)),
    yamlFile(BASELINE_TESTS_FILE, baselineTests(options)),
    ...options.objectives.flatMap((objective) => [
      yamlFile(sloRulesFile(objective), sloRules(options, objective)),
      ...(['page', 'ticket'] as const).map((urgency) =>
        yamlFile(sloTestsFile(objective, urgency), sloTests(options, objective, urgency)),
      ),
    ]),
    yamlFile('alertmanager.yml', alertmanagerConfig(options)),
    yamlFile(
      'grafana/provisioning/datasources/prometheus.yml',
      datasourceProvisioning('http://prometheus:9090'),
    ),
    yamlFile('grafana/provisioning/dashboards/otelkit.yml', dashboardProvisioning()),
  ];
  const boards = dashboards(options);
  for (const [name, board] of Object.entries(boards)) {
    files.push({ path: `grafana/dashboards/${name}`, content: `${JSON.stringify(board, undefined, 2)}\n` });
  }
  files.push(
    yamlFile(
      'otel-collector.yaml',
      collectorConfig({
        tracesOtlpEndpoint: 'jaeger:4317',
        remoteWriteUrl: 'http://prometheus:9090/api/v1/write',
      }),
    ),
    yamlFile('docker-compose.yml', composeFile(options)),
    {
      path: 'secrets/slack-webhook-url.example',
      content: 'https://hooks.slack.com/services/T000/B000/XXXXXXXX\n',
    },
  );
  if (options.kubernetes !== undefined) files.push(...kubernetesFiles(options, options.kubernetes, boards));
  return files;
}

/** Writes `files` under `dir`, creating directories; returns the paths written. */
export function writeFiles(dir: string, files: readonly GeneratedFile[]): string[] {
  return files.map((file) => {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    return target;
  });
}
