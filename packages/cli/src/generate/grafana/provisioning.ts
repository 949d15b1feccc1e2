/** Where dashboards live inside the Grafana container of the generated compose file. */
export const DASHBOARDS_PATH = '/var/lib/grafana/dashboards/otelkit';

/** Grafana datasource provisioning: the Prometheus of the compose file as the default datasource. */
export function datasourceProvisioning(prometheusUrl: string): Readonly<Record<string, unknown>> {
  return {
    apiVersion: 1,
    datasources: [
      {
        name: 'Prometheus',
        uid: 'prometheus',
        type: 'prometheus',
        access: 'proxy',
        url: prometheusUrl,
        isDefault: true,
        jsonData: { timeInterval: '15s' },
      },
    ],
  };
}

/** Grafana dashboard provisioning: loads every JSON file under {@link DASHBOARDS_PATH}. */
export function dashboardProvisioning(): Readonly<Record<string, unknown>> {
  return {
    apiVersion: 1,
    providers: [
      {
        name: 'otelkit',
        folder: 'otelkit',
        type: 'file',
        disableDeletion: false,
        updateIntervalSeconds: 30,
        allowUiUpdates: true,
        options: { path: DASHBOARDS_PATH, foldersFromFilesStructure: false },
      },
    ],
  };
}
