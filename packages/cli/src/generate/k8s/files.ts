import type { Dashboard } from '../grafana/panel';
import type { GenerateOptions } from '../options';
import { type GeneratedFile, yamlDocuments, yamlFile } from '../yaml-file';
import { alertmanagerSecret, collectorConfigMap, dashboardConfigMaps } from './config-resources';
import { deployment } from './deployment';
import { instrumentation } from './instrumentation';
import { metricsService, podMonitor, serviceMonitor } from './monitors';
import { prometheusRule } from './prometheus-rule';
import { K8S_DIR, type KubernetesSettings } from './settings';

/** The PodMonitor's file: an alternative to the ServiceMonitor, so not in the kustomization. */
export const POD_MONITOR_FILE = 'podmonitor.yaml';

/**
 * The Kubernetes resources under `k8s/`, one kind per file, and a `kustomization.yaml` listing them
 * (`kubectl apply -k k8s/`). The PodMonitor is written beside them but not listed: it scrapes the same
 * pods as the ServiceMonitor, so a cluster uses one or the other.
 */
export function kubernetesFiles(
  options: GenerateOptions,
  k8s: KubernetesSettings,
  boards: Readonly<Record<string, Dashboard>>,
): GeneratedFile[] {
  const files: GeneratedFile[] = [
    yamlFile('service.yaml', metricsService(options, k8s)),
    yamlFile('servicemonitor.yaml', serviceMonitor(options, k8s)),
    yamlFile('prometheusrule.yaml', prometheusRule(options, k8s)),
    yamlDocuments('grafana-dashboards.yaml', dashboardConfigMaps(options, k8s, boards)),
    yamlFile('alertmanager-secret.yaml', alertmanagerSecret(options, k8s)),
    yamlFile('otel-collector-configmap.yaml', collectorConfigMap(options, k8s)),
    yamlFile('instrumentation.yaml', instrumentation(options, k8s)),
    yamlFile('deployment.yaml', deployment(options, k8s)),
  ];
  const kustomization = yamlFile('kustomization.yaml', {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: files.map((f) => f.path),
  });
  return [...files, yamlFile(POD_MONITOR_FILE, podMonitor(options, k8s)), kustomization].map((f) => ({
    ...f,
    path: `${K8S_DIR}/${f.path}`,
  }));
}
