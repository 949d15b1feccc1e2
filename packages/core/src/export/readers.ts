import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import {
  AggregationTemporality,
  ConsoleMetricExporter,
  type MetricReader,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import type { ResolvedConfig } from '../config/types';
import type { LocalInstrumentRegistry } from '../meter/local-registry';
import type { ExportStats } from '../self/export-stats';
import { InstrumentedMetricExporter } from './instrumented-exporter';
import { LazyMetricExporter } from './lazy-exporter';
import { LocalMetricProducer } from './local-producer';

/** The metric readers chosen by `OTEL_METRICS_EXPORTER`. */
export interface Readers {
  /** The pull reader behind `/metrics`, when `prometheus` is enabled. */
  readonly prometheus: PrometheusExporter | undefined;
  readonly all: MetricReader[];
}

type OtlpModule = typeof import('@opentelemetry/exporter-metrics-otlp-http');

/**
 * The pull reader behind `/metrics`, with otelkit's cardinality limit for the instruments no view
 * selects (with user views there is no catch-all view; the exporter itself takes no limit option and
 * would leave the SDK's 2000).
 */
class LimitedPrometheusExporter extends PrometheusExporter {
  constructor(
    options: ConstructorParameters<typeof PrometheusExporter>[0],
    private readonly cardinalityLimit: number,
  ) {
    super(options);
  }

  override selectCardinalityLimit(): number {
    return this.cardinalityLimit;
  }
}

/** Where the OTLP metric exporter sends: `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT` (or the base endpoint's `/v1/metrics`), else the specification's default. */
export function otlpMetricsUrl(config: ResolvedConfig): string {
  return config.otlp.endpoint ?? 'http://localhost:4318/v1/metrics';
}

/** Builds the readers for the resolved configuration; each also exports the in-process instruments. */
export function createReaders(
  config: ResolvedConfig,
  stats: ExportStats,
  local: LocalInstrumentRegistry,
): Readers {
  const cumulative = () => [new LocalMetricProducer(local, AggregationTemporality.CUMULATIVE)];
  // Per the specification, "delta" and "lowmemory" both want counters and histograms as deltas
  // (up-down counters stay cumulative either way).
  const otlpTemporality =
    config.otlp.temporality === 'cumulative'
      ? AggregationTemporality.CUMULATIVE
      : AggregationTemporality.DELTA;
  // The SDK's limit counts the overflow series, hence one above the guard's (see views/sdk-views.ts).
  const limit = config.cardinalityLimit + 1;
  const all: MetricReader[] = [];
  let prometheus: PrometheusExporter | undefined;
  for (const name of config.metricsExporters) {
    if (name === 'prometheus') {
      // Used only as a pull MetricReader: otelkit's own server serves it (see metrics-endpoint.ts).
      prometheus = new LimitedPrometheusExporter(
        { preventServerStart: true, metricProducers: cumulative() },
        limit,
      );
      all.push(prometheus);
    } else if (name === 'otlp') {
      // The OTLP stack is required on the first push, not here: it costs start-up time for nothing.
      const exporter = new LazyMetricExporter(() => {
        const { AggregationTemporalityPreference: T, OTLPMetricExporter } =
          require('@opentelemetry/exporter-metrics-otlp-http') as OtlpModule;
        const temporality = { cumulative: T.CUMULATIVE, delta: T.DELTA, lowmemory: T.LOWMEMORY } as const;
        return new OTLPMetricExporter({
          url: otlpMetricsUrl(config),
          headers: { ...config.otlp.headers },
          timeoutMillis: config.otlp.timeoutMs,
          temporalityPreference: temporality[config.otlp.temporality],
        });
      }, config.otlp.temporality);
      all.push(
        new PeriodicExportingMetricReader({
          exporter: new InstrumentedMetricExporter(exporter, 'otlp', stats),
          metricProducers: [new LocalMetricProducer(local, otlpTemporality)],
          exportIntervalMillis: config.exportIntervalMs,
          exportTimeoutMillis: config.exportTimeoutMs,
          cardinalityLimits: { default: limit },
        }),
      );
    } else if (name === 'console') {
      all.push(
        new PeriodicExportingMetricReader({
          exporter: new InstrumentedMetricExporter(new ConsoleMetricExporter(), 'console', stats),
          metricProducers: cumulative(),
          exportIntervalMillis: config.exportIntervalMs,
          exportTimeoutMillis: config.exportTimeoutMs,
          cardinalityLimits: { default: limit },
        }),
      );
    }
  }
  return { prometheus, all };
}
