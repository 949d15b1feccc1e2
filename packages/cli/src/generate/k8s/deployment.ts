import type { GenerateOptions } from '../options';
import { INJECT_NODEJS_ANNOTATION, instrumentationName } from './instrumentation';
import {
  type Manifest,
  METRICS_PORT_NAME,
  metadata,
  metricsPort,
  resourceName,
  selectorLabels,
} from './metadata';
import type { KubernetesSettings } from './settings';
import { terminationGracePeriodSeconds } from './shutdown-budget';

/** Where the TLS Secret is mounted in the app container. */
export const TLS_MOUNT_PATH = '/var/run/otelkit/tls';

function secretEnv(name: string, secret: string, key: string): Record<string, unknown> {
  return { name, valueFrom: { secretKeyRef: { name: secret, key } } };
}

/** The container's environment: service name, port, shutdown timing, OTLP endpoint, auth and TLS. */
function env(options: GenerateOptions, k8s: KubernetesSettings): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [
    { name: 'OTEL_SERVICE_NAME', value: options.service },
    { name: 'OTELKIT_PORT', value: String(metricsPort(options)) },
    // Set explicitly: terminationGracePeriodSeconds below is computed from exactly these.
    { name: 'OTELKIT_SHUTDOWN_DELAY_MS', value: String(k8s.shutdownDelayMs) },
    { name: 'OTELKIT_SHUTDOWN_TIMEOUT_MS', value: String(k8s.shutdownTimeoutMs) },
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: k8s.otlpEndpoint },
  ];
  if (k8s.auth?.type === 'basic')
    out.push(
      secretEnv('OTELKIT_AUTH_USERNAME', k8s.auth.secret, 'username'),
      secretEnv('OTELKIT_AUTH_PASSWORD', k8s.auth.secret, 'password'),
    );
  if (k8s.auth?.type === 'bearer') out.push(secretEnv('OTELKIT_AUTH_TOKEN', k8s.auth.secret, 'token'));
  if (k8s.tlsSecret !== undefined)
    out.push(
      { name: 'OTELKIT_TLS_CERT_FILE', value: `${TLS_MOUNT_PATH}/tls.crt` },
      { name: 'OTELKIT_TLS_KEY_FILE', value: `${TLS_MOUNT_PATH}/tls.key` },
    );
  return out;
}

function probe(
  path: string,
  scheme: string,
  timing: { period: number; failures: number },
): Record<string, unknown> {
  return {
    httpGet: { path, port: METRICS_PORT_NAME, scheme },
    periodSeconds: timing.period,
    timeoutSeconds: 2,
    failureThreshold: timing.failures,
  };
}

/**
 * A Deployment snippet for an otelkit service: the pod asks the OpenTelemetry Operator for the otelkit
 * preload, exposes the observability port, and probes `/livez` (startup, then liveness) and `/readyz`
 * (readiness; it turns 503 as soon as shutdown starts). `terminationGracePeriodSeconds` covers the
 * whole graceful shutdown for the `OTELKIT_SHUTDOWN_*` values the pod is given.
 */
export function deployment(options: GenerateOptions, k8s: KubernetesSettings): Manifest {
  const scheme = k8s.tlsSecret === undefined ? 'HTTP' : 'HTTPS';
  const name = resourceName(options.service);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(options, k8s, name),
    spec: {
      replicas: 2,
      selector: { matchLabels: selectorLabels(options) },
      template: {
        metadata: {
          labels: selectorLabels(options),
          annotations: { [INJECT_NODEJS_ANNOTATION]: instrumentationName(options) },
        },
        spec: {
          terminationGracePeriodSeconds: terminationGracePeriodSeconds(
            k8s.shutdownDelayMs,
            k8s.shutdownTimeoutMs,
          ),
          containers: [
            {
              name,
              image: k8s.image,
              ports: [{ name: METRICS_PORT_NAME, containerPort: metricsPort(options), protocol: 'TCP' }],
              env: env(options, k8s),
              // Up to 60 s to start; liveness and readiness only begin once /livez answered.
              startupProbe: probe('/livez', scheme, { period: 2, failures: 30 }),
              livenessProbe: probe('/livez', scheme, { period: 10, failures: 3 }),
              readinessProbe: probe('/readyz', scheme, { period: 5, failures: 2 }),
              ...(k8s.tlsSecret === undefined
                ? {}
                : { volumeMounts: [{ name: 'otelkit-tls', mountPath: TLS_MOUNT_PATH, readOnly: true }] }),
            },
          ],
          ...(k8s.tlsSecret === undefined
            ? {}
            : { volumes: [{ name: 'otelkit-tls', secret: { secretName: k8s.tlsSecret } }] }),
        },
      },
    },
  };
}
