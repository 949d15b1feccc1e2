import type { Attributes } from '@opentelemetry/api';
import { emptyResource } from '@opentelemetry/resources';
import { AggregationTemporality, DataPointType, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { doubleDescriptor, nowHrTime } from '../meter/local-instrument';
import type { PeerMetrics } from './metrics-endpoint';

/** One gauge of {@link gaugeMetrics}. */
export interface GaugeMetric {
  /** The OpenTelemetry name (dots), turned into the Prometheus name by the serializer. */
  readonly name: string;
  readonly description: string;
  readonly unit?: string;
  readonly points: ReadonlyArray<{ readonly attributes: Attributes; readonly value: number }>;
}

/**
 * A collection of one gauge read now, with no resource and no instrumentation scope (so no
 * `target_info` and no `otel_scope_*` labels): a fact about the exposition itself served beside the
 * collections of {@link PeerMetrics}, such as how many cluster workers answered a scrape.
 */
export function gaugeMetrics(gauge: GaugeMetric): ResourceMetrics {
  const now = nowHrTime();
  return {
    resource: emptyResource(),
    scopeMetrics: [
      {
        scope: { name: '' },
        metrics: [
          {
            descriptor: doubleDescriptor(gauge.name, gauge.description, gauge.unit ?? ''),
            aggregationTemporality: AggregationTemporality.CUMULATIVE,
            dataPointType: DataPointType.GAUGE,
            dataPoints: gauge.points.map((p) => ({
              attributes: p.attributes,
              startTime: now,
              endTime: now,
              value: p.value,
            })),
          },
        ],
      },
    ],
  };
}
