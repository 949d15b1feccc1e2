import {
  choiceFlag,
  type FlagSpecs,
  type FlagValues,
  listFlag,
  numberFlag,
  stringFlag,
  urlFlag,
} from '../args';
import { resourceName } from '../generate/k8s/metadata';
import { KUBERNETES_DEFAULTS, type KubernetesSettings } from '../generate/k8s/settings';
import { UsageError } from '../usage-error';

const K = KUBERNETES_DEFAULTS;
/** Upper bound of the shutdown settings, as @otelkit/health allows (ten minutes). */
const MAX_SHUTDOWN_MS = 600_000;
const DNS_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** Flags of `otelkit generate-config` for the Kubernetes resources. */
export const K8S_FLAGS: FlagSpecs = {
  kubernetes: {
    type: 'boolean',
    help: 'also write Kubernetes resources to k8s/ (ServiceMonitor, PodMonitor, PrometheusRule, dashboards, …)',
  },
  'k8s-namespace': {
    type: 'string',
    value: 'NS',
    help: 'metadata.namespace of every resource (default: none)',
  },
  'k8s-label': {
    type: 'string',
    multiple: true,
    value: 'KEY=VALUE',
    help: 'label on every resource, e.g. release=kube-prometheus-stack (repeatable)',
  },
  'k8s-image': {
    type: 'string',
    value: 'IMAGE',
    help: "the app's image in the Deployment",
    default: '<service>:latest',
  },
  'k8s-instrumentation-image': {
    type: 'string',
    value: 'IMAGE',
    help: 'image with /autoinstrumentation requiring @otelkit/register (see the README)',
    default: K.instrumentationImage,
  },
  'k8s-otlp-endpoint': {
    type: 'string',
    value: 'URL',
    help: 'OTLP/HTTP endpoint of the collector for traces',
    default: K.otlpEndpoint,
  },
  'k8s-auth': { type: 'string', value: 'basic|bearer', help: 'the observability port asks for credentials' },
  'k8s-auth-secret': {
    type: 'string',
    value: 'NAME',
    help: 'Secret with username/password (basic) or token (bearer)',
  },
  'k8s-tls-secret': {
    type: 'string',
    value: 'NAME',
    help: 'kubernetes.io/tls Secret (tls.crt, tls.key, ca.crt): serve and scrape over HTTPS',
  },
  'shutdown-delay-ms': {
    type: 'string',
    value: 'MS',
    help: 'OTELKIT_SHUTDOWN_DELAY_MS of the pod (env OTELKIT_SHUTDOWN_DELAY_MS)',
    default: String(K.shutdownDelayMs),
  },
  'shutdown-timeout-ms': {
    type: 'string',
    value: 'MS',
    help: 'OTELKIT_SHUTDOWN_TIMEOUT_MS of the pod (env OTELKIT_SHUTDOWN_TIMEOUT_MS)',
    default: String(K.shutdownTimeoutMs),
  },
};

function dnsName(v: FlagValues, flag: string): string | undefined {
  const value = stringFlag(v, flag);
  if (value !== undefined && !DNS_NAME.test(value))
    throw new UsageError(
      `--${flag}=${JSON.stringify(value)} is invalid: expected a Kubernetes name (lower-case letters, digits, -)`,
    );
  return value;
}

function integerMs(v: FlagValues, flag: string, fallback: number, min: number): number {
  const value = numberFlag(v, flag, fallback, min, MAX_SHUTDOWN_MS);
  if (!Number.isInteger(value))
    throw new UsageError(`--${flag}=${JSON.stringify(String(value))} is invalid: expected an integer`);
  return value;
}

/**
 * Turns {@link K8S_FLAGS} into {@link KubernetesSettings} (`undefined` without `--kubernetes`); every
 * bad value is a {@link UsageError}. The shutdown flags fall back to `OTELKIT_SHUTDOWN_*` from `env`.
 */
export function kubernetesFromFlags(
  v: FlagValues,
  service: string,
  env: Readonly<Record<string, string | undefined>>,
): KubernetesSettings | undefined {
  if (v.kubernetes !== true) {
    const stray = Object.keys(K8S_FLAGS).find((f) => f !== 'kubernetes' && v[f] !== undefined);
    if (stray !== undefined) throw new UsageError(`--${stray} needs --kubernetes`);
    return undefined;
  }
  const withEnv = { ...v };
  for (const [flag, variable] of [
    ['shutdown-delay-ms', 'OTELKIT_SHUTDOWN_DELAY_MS'],
    ['shutdown-timeout-ms', 'OTELKIT_SHUTDOWN_TIMEOUT_MS'],
  ] as const) {
    const raw = env[variable];
    if (withEnv[flag] === undefined && raw !== undefined && raw.trim() !== '') withEnv[flag] = raw.trim();
  }
  const labels: Record<string, string> = {};
  for (const raw of listFlag(v, 'k8s-label')) {
    const eq = raw.indexOf('=');
    const key = raw.slice(0, eq);
    const value = raw.slice(eq + 1);
    if (eq < 1 || !LABEL_KEY.test(key) || !LABEL_VALUE.test(value))
      throw new UsageError(
        `--k8s-label=${JSON.stringify(raw)} is invalid: expected KEY=VALUE, a Kubernetes label`,
      );
    labels[key] = value;
  }
  const authType =
    v['k8s-auth'] === undefined ? undefined : choiceFlag(v, 'k8s-auth', ['basic', 'bearer'], 'basic');
  const authSecret = dnsName(v, 'k8s-auth-secret');
  if ((authType === undefined) !== (authSecret === undefined))
    throw new UsageError(
      authType === undefined
        ? `--k8s-auth-secret=${JSON.stringify(authSecret)} is invalid: needs --k8s-auth basic or bearer`
        : `--k8s-auth=${JSON.stringify(authType)} is invalid: needs --k8s-auth-secret NAME`,
    );
  return {
    namespace: dnsName(v, 'k8s-namespace'),
    labels,
    image: stringFlag(v, 'k8s-image', `${resourceName(service)}:latest`),
    instrumentationImage: stringFlag(v, 'k8s-instrumentation-image', K.instrumentationImage),
    otlpEndpoint: urlFlag(v, 'k8s-otlp-endpoint', K.otlpEndpoint)!,
    auth:
      authType === undefined || authSecret === undefined ? undefined : { type: authType, secret: authSecret },
    tlsSecret: dnsName(v, 'k8s-tls-secret'),
    shutdownDelayMs: integerMs(withEnv, 'shutdown-delay-ms', K.shutdownDelayMs, 0),
    shutdownTimeoutMs: integerMs(withEnv, 'shutdown-timeout-ms', K.shutdownTimeoutMs, 1),
  };
}
