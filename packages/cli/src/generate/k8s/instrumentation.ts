import type { GenerateOptions } from '../options';
import { type Manifest, metadata, metricsPort, resourceName } from './metadata';
import type { KubernetesSettings } from './settings';

/** Pod annotation that asks the OpenTelemetry Operator to inject an Instrumentation's Node.js agent. */
export const INJECT_NODEJS_ANNOTATION = 'instrumentation.opentelemetry.io/inject-nodejs';

/** Name of the generated Instrumentation. */
export function instrumentationName(options: GenerateOptions): string {
  return resourceName(options.service, 'otelkit');
}

/**
 * Instrumentation (OpenTelemetry Operator, `opentelemetry.io/v1alpha1`) whose Node.js agent is the
 * otelkit preload: the operator copies the image's `/autoinstrumentation` into the pod and sets
 * `NODE_OPTIONS=--require /otel-auto-instrumentation-nodejs/autoinstrumentation.js`, which requires
 * `@otelkit/register`. otelkit then serves `/metrics` and the probes on its port and pushes traces
 * over OTLP to the exporter endpoint.
 */
export function instrumentation(options: GenerateOptions, k8s: KubernetesSettings): Manifest {
  return {
    apiVersion: 'opentelemetry.io/v1alpha1',
    kind: 'Instrumentation',
    metadata: metadata(options, k8s, instrumentationName(options)),
    spec: {
      exporter: { endpoint: k8s.otlpEndpoint },
      propagators: ['tracecontext', 'baggage'],
      sampler: { type: 'parentbased_always_on' },
      nodejs: {
        image: k8s.instrumentationImage,
        env: [
          { name: 'OTEL_TRACES_EXPORTER', value: 'otlp' },
          { name: 'OTEL_METRICS_EXPORTER', value: 'prometheus' },
          { name: 'OTELKIT_PORT', value: String(metricsPort(options)) },
        ],
      },
    },
  };
}
