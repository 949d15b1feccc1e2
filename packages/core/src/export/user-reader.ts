import {
  type AggregationTemporality,
  type CollectionResult,
  type IMetricReader,
  InstrumentType,
  type MetricProducer,
} from '@opentelemetry/sdk-metrics';
import type { LocalInstrumentRegistry } from '../meter/local-registry';
import { LocalMetricProducer } from './local-producer';

/**
 * The SDK's producer for one reader plus otelkit's in-process instruments (a {@link LocalMetricProducer}
 * with the reader's own temporality and delta baseline): what a built-in reader gets through its
 * `metricProducers`, given to a reader the user built.
 */
class WithLocalMetrics implements MetricProducer {
  constructor(
    private readonly sdk: MetricProducer,
    private readonly local: LocalMetricProducer,
  ) {}

  async collect(options?: Parameters<MetricProducer['collect']>[0]): Promise<CollectionResult> {
    const [sdk, local] = await Promise.all([this.sdk.collect(options), this.local.collect()]);
    return {
      resourceMetrics: {
        resource: sdk.resourceMetrics.resource,
        scopeMetrics: sdk.resourceMetrics.scopeMetrics.concat(local.resourceMetrics.scopeMetrics),
      },
      errors: sdk.errors.concat(local.errors),
    };
  }
}

/**
 * Connects a user's `MetricReader` to otelkit's in-process instruments: when the SDK binds the reader
 * (`setMetricProducer`), the reader gets a producer that also collects them, so it receives every
 * otelkit metric exactly as the built-in readers do. The reader object is the user's own (its
 * exporter, interval and selectors are untouched); only its binding is extended.
 */
export function withLocalMetrics<R extends IMetricReader>(reader: R, local: LocalInstrumentRegistry): R {
  const bind = reader.setMetricProducer.bind(reader);
  const temporality: AggregationTemporality = reader.selectAggregationTemporality(InstrumentType.COUNTER);
  reader.setMetricProducer = (producer: MetricProducer) =>
    bind(new WithLocalMetrics(producer, new LocalMetricProducer(local, temporality)));
  return reader;
}
