import { stringify } from 'yaml';
import { alertmanagerConfig } from '../alertmanager-config';
import { collectorConfig } from '../collector-config';
import type { Dashboard } from '../grafana/panel';
import type { GenerateOptions } from '../options';
import { type Manifest, metadata, resourceName } from './metadata';
import type { KubernetesSettings } from './settings';

/** Label the Grafana sidecar (kube-prometheus-stack's `grafana.sidecar.dashboards`) looks for. */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';
/** Annotation the sidecar reads for the dashboard folder (its `folderAnnotation`). */
export const GRAFANA_FOLDER_ANNOTATION = 'grafana_folder';

function yaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** One ConfigMap per dashboard, labelled `grafana_dashboard: "1"` for the Grafana sidecar. */
export function dashboardConfigMaps(
  options: GenerateOptions,
  k8s: KubernetesSettings,
  boards: Readonly<Record<string, Dashboard>>,
): Manifest[] {
  return Object.entries(boards).map(([file, board]) => {
    const meta = metadata(
      options,
      k8s,
      resourceName(options.service, `dashboard-${file.replace(/\.json$/, '')}`),
      { [GRAFANA_DASHBOARD_LABEL]: '1' },
    );
    return {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { ...meta, annotations: { [GRAFANA_FOLDER_ANNOTATION]: 'otelkit' } },
      data: { [file]: `${JSON.stringify(board, undefined, 2)}\n` },
    };
  });
}

/** Key of the Alertmanager configuration in its Secret (what the Prometheus Operator's Alertmanager reads). */
export const ALERTMANAGER_SECRET_KEY = 'alertmanager.yaml';

/**
 * The generated `alertmanager.yml` as a Secret named `alertmanager-<service>`, the name an
 * `Alertmanager` resource called `<service>` loads (it holds receivers' addresses, hence a Secret).
 */
export function alertmanagerSecret(options: GenerateOptions, k8s: KubernetesSettings): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: metadata(options, k8s, `alertmanager-${resourceName(options.service)}`),
    type: 'Opaque',
    stringData: { [ALERTMANAGER_SECRET_KEY]: yaml(alertmanagerConfig(options)) },
  };
}

/** Key of the collector configuration in its ConfigMap. */
export const COLLECTOR_CONFIG_KEY = 'config.yaml';

/**
 * The agent collector's configuration as a ConfigMap: traces to `jaeger-collector:4317`, metrics by
 * remote write to `prometheus-operated:9090` (the Service the Prometheus Operator creates).
 */
export function collectorConfigMap(options: GenerateOptions, k8s: KubernetesSettings): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(options, k8s, resourceName(options.service, 'otel-collector')),
    data: {
      [COLLECTOR_CONFIG_KEY]: yaml(
        collectorConfig({
          tracesOtlpEndpoint: 'jaeger-collector:4317',
          remoteWriteUrl: 'http://prometheus-operated:9090/api/v1/write',
        }),
      ),
    },
  };
}
