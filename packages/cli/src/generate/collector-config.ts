/** Version of the OpenTelemetry Collector contrib distribution the configs target. */
export const COLLECTOR_CONTRIB_VERSION = '0.136.0';

/** Where the collector finds its backends. */
export interface CollectorTargets {
  /** OTLP/gRPC endpoint of Jaeger or Tempo, `host:port`. */
  readonly tracesOtlpEndpoint: string;
  /** Prometheus remote-write URL. */
  readonly remoteWriteUrl: string;
}

/**
 * An agent-tier collector config (the same shape as `collector/agent.yaml`): OTLP in on 4317/4318,
 * `memory_limiter`, `resourcedetection`, `batch`; traces to OTLP (Jaeger/Tempo), metrics by Prometheus
 * remote write, logs and everything else to `debug`.
 */
export function collectorConfig(targets: CollectorTargets): Readonly<Record<string, unknown>> {
  const processors = ['memory_limiter', 'resourcedetection', 'batch'];
  return {
    extensions: { health_check: { endpoint: '0.0.0.0:13133' } },
    receivers: {
      otlp: {
        protocols: {
          grpc: { endpoint: '0.0.0.0:4317' },
          http: { endpoint: '0.0.0.0:4318' },
        },
      },
    },
    processors: {
      memory_limiter: { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 20 },
      resourcedetection: { detectors: ['env', 'system'], timeout: '2s', override: false },
      batch: { send_batch_size: 8192, timeout: '5s' },
    },
    exporters: {
      'otlp/traces': { endpoint: targets.tracesOtlpEndpoint, tls: { insecure: true } },
      prometheusremotewrite: {
        endpoint: targets.remoteWriteUrl,
        resource_to_telemetry_conversion: { enabled: true },
      },
      debug: { verbosity: 'basic' },
    },
    service: {
      extensions: ['health_check'],
      pipelines: {
        traces: { receivers: ['otlp'], processors, exporters: ['otlp/traces', 'debug'] },
        metrics: { receivers: ['otlp'], processors, exporters: ['prometheusremotewrite', 'debug'] },
        logs: { receivers: ['otlp'], processors, exporters: ['debug'] },
      },
    },
  };
}
