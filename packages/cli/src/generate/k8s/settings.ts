import { VERSION } from '../../version';

/** How Prometheus authenticates to the observability port: the server's `OTELKIT_AUTH_*` from a Secret. */
export interface KubernetesAuth {
  /** `basic`: the Secret's `username` and `password` keys; `bearer`: its `token` key. */
  readonly type: 'basic' | 'bearer';
  /** Name of the Secret (e.g. of type `kubernetes.io/basic-auth`). */
  readonly secret: string;
}

/** The Kubernetes resources' settings; every field has a `generate-config` flag (`--k8s-…`). */
export interface KubernetesSettings {
  /** `metadata.namespace` of every resource; when `undefined`, the namespace `kubectl apply` uses. */
  readonly namespace: string | undefined;
  /** Extra labels on every resource, e.g. `release: kube-prometheus-stack` for the operator's selectors. */
  readonly labels: Readonly<Record<string, string>>;
  /** The app's container image in the Deployment. */
  readonly image: string;
  /** Image holding `/autoinstrumentation/autoinstrumentation.js` that requires `@otelkit/register`. */
  readonly instrumentationImage: string;
  /** OTLP/HTTP endpoint traces go to (the Instrumentation's exporter and the Deployment's env). */
  readonly otlpEndpoint: string;
  readonly auth: KubernetesAuth | undefined;
  /**
   * A `kubernetes.io/tls` Secret (`tls.crt`, `tls.key`, `ca.crt`, as cert-manager writes): the app
   * serves HTTPS with it and Prometheus verifies against its `ca.crt`.
   */
  readonly tlsSecret: string | undefined;
  /** `OTELKIT_SHUTDOWN_DELAY_MS` the pod gets (readiness 503 before draining). */
  readonly shutdownDelayMs: number;
  /** `OTELKIT_SHUTDOWN_TIMEOUT_MS` the pod gets (deadline of each shutdown step). */
  readonly shutdownTimeoutMs: number;
}

/**
 * Defaults of {@link KubernetesSettings} (the image defaults to `<service>:latest`); the shutdown
 * values are what otelkit uses in a pod.
 */
export const KUBERNETES_DEFAULTS: Omit<KubernetesSettings, 'image'> = {
  namespace: undefined,
  labels: {},
  instrumentationImage: `otelkit-autoinstrumentation-nodejs:${VERSION}`,
  otlpEndpoint: 'http://otel-collector:4318',
  auth: undefined,
  tlsSecret: undefined,
  // @otelkit/health: 5 s in Kubernetes (KUBERNETES_SERVICE_HOST set); @otelkit/core: 5 s per step.
  shutdownDelayMs: 5_000,
  shutdownTimeoutMs: 5_000,
};

/** Folder of the Kubernetes resources inside the output directory. */
export const K8S_DIR = 'k8s';
