import type { GenerateOptions } from '../options';
import {
  type Manifest,
  METRICS_PORT_NAME,
  metadata,
  metricsPort,
  resourceName,
  selectorLabels,
} from './metadata';
import type { KubernetesSettings } from './settings';

/** `scheme`, `tlsConfig` and the credentials of a scrape endpoint, from the auth and TLS settings. */
export function scrapeSecurity(options: GenerateOptions, k8s: KubernetesSettings): Record<string, unknown> {
  const out: Record<string, unknown> = { scheme: k8s.tlsSecret === undefined ? 'http' : 'https' };
  if (k8s.tlsSecret !== undefined) {
    const host = resourceName(options.service);
    out.tlsConfig = {
      ca: { secret: { name: k8s.tlsSecret, key: 'ca.crt' } },
      serverName: k8s.namespace === undefined ? host : `${host}.${k8s.namespace}.svc`,
    };
  }
  if (k8s.auth?.type === 'basic')
    out.basicAuth = {
      username: { name: k8s.auth.secret, key: 'username' },
      password: { name: k8s.auth.secret, key: 'password' },
    };
  if (k8s.auth?.type === 'bearer')
    out.authorization = { type: 'Bearer', credentials: { name: k8s.auth.secret, key: 'token' } };
  return out;
}

function endpoint(options: GenerateOptions, k8s: KubernetesSettings): Record<string, unknown> {
  return {
    port: METRICS_PORT_NAME,
    path: options.metricsPath,
    interval: options.scrapeInterval,
    ...scrapeSecurity(options, k8s),
    // The job label the alert rules and dashboards select (`--service`), not the Service's name.
    relabelings: [{ action: 'replace', targetLabel: 'job', replacement: options.service }],
  };
}

/** A Service in front of the pods' observability port, which the ServiceMonitor selects. */
export function metricsService(options: GenerateOptions, k8s: KubernetesSettings): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(options, k8s, resourceName(options.service, 'metrics')),
    spec: {
      selector: selectorLabels(options),
      ports: [
        {
          name: METRICS_PORT_NAME,
          port: metricsPort(options),
          targetPort: METRICS_PORT_NAME,
          protocol: 'TCP',
        },
      ],
    },
  };
}

/** ServiceMonitor (Prometheus Operator): scrape the observability port through {@link metricsService}. */
export function serviceMonitor(options: GenerateOptions, k8s: KubernetesSettings): Manifest {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: metadata(options, k8s, resourceName(options.service)),
    spec: {
      selector: { matchLabels: selectorLabels(options) },
      endpoints: [endpoint(options, k8s)],
    },
  };
}

/** PodMonitor (Prometheus Operator): scrape the pods' observability port directly, without a Service. */
export function podMonitor(options: GenerateOptions, k8s: KubernetesSettings): Manifest {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: metadata(options, k8s, resourceName(options.service)),
    spec: {
      selector: { matchLabels: selectorLabels(options) },
      podMetricsEndpoints: [endpoint(options, k8s)],
    },
  };
}
