import { emptyResource } from '@opentelemetry/resources';
import type {
  AggregationTemporality,
  CollectionResult,
  MetricData,
  MetricProducer,
  ScopeMetrics,
} from '@opentelemetry/sdk-metrics';
import { type CollectContext, nowHrTime, type Reported } from '../meter/local-instrument';
import type { LocalInstrumentRegistry } from '../meter/local-registry';

/**
 * Exports otelkit's in-process instruments through one metric reader (its `metricProducers`): the
 * reader merges this data with the SDK's own (observable instruments), keeping the SDK's resource.
 * One producer per reader, so each reader gets its own temporality and its own delta baseline.
 */
export class LocalMetricProducer implements MetricProducer {
  private readonly reported = new WeakMap<object, Reported>();

  /**
   * @param temporality the reader's temporality for counters and histograms
   */
  constructor(
    private readonly registry: LocalInstrumentRegistry,
    private readonly temporality: AggregationTemporality,
  ) {}

  async collect(): Promise<CollectionResult> {
    const context: CollectContext = {
      endTime: nowHrTime(),
      temporality: this.temporality,
      reported: this.reported,
    };
    const scopeMetrics: ScopeMetrics[] = [];
    for (const { scope, instruments } of this.registry.entries()) {
      const metrics: MetricData[] = [];
      for (const instrument of instruments) {
        const data = instrument.collect(context);
        if (data !== undefined) metrics.push(data);
      }
      if (metrics.length > 0) scopeMetrics.push({ scope, metrics });
    }
    return { resourceMetrics: { resource: emptyResource(), scopeMetrics }, errors: [] };
  }
}
