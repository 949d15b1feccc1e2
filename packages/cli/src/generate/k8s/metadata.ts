import type { GenerateOptions } from '../options';
import type { KubernetesSettings } from './settings';

/** A Kubernetes object as written to YAML. */
export type Manifest = Readonly<Record<string, unknown>>;

/** Name of the container port (and Service port) of the observability server. */
export const METRICS_PORT_NAME = 'metrics';

/** A DNS-1123 name from the service name (`Sync_Service` -> `sync-service`), at most 63 characters. */
export function resourceName(service: string, suffix = ''): string {
  const base = service
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const name = `${base === '' ? 'app' : base}${suffix === '' ? '' : `-${suffix}`}`;
  return name.slice(0, 63).replace(/-+$/, '');
}

/** Labels that select the app's pods (Deployment selector, Service, PodMonitor). */
export function selectorLabels(options: GenerateOptions): Record<string, string> {
  return { 'app.kubernetes.io/name': resourceName(options.service) };
}

/** `metadata` of a generated resource: name, namespace when set, otelkit's and the user's labels. */
export function metadata(
  options: GenerateOptions,
  k8s: KubernetesSettings,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  return {
    name,
    ...(k8s.namespace === undefined ? {} : { namespace: k8s.namespace }),
    labels: {
      ...selectorLabels(options),
      'app.kubernetes.io/managed-by': 'otelkit',
      ...k8s.labels,
      ...labels,
    },
  };
}

/** The observability port, from `--target` (`HOST:PORT`). */
export function metricsPort(options: GenerateOptions): number {
  return Number(options.target.slice(options.target.lastIndexOf(':') + 1));
}
