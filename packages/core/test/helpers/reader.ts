import type { Attributes } from '@opentelemetry/api';
import {
  type DataPoint,
  type Histogram,
  MeterProvider,
  type MetricData,
  MetricReader,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';

/** A pull reader for tests: `collect()` on demand. */
export class TestReader extends MetricReader {
  constructor(options?: ConstructorParameters<typeof MetricReader>[0]) {
    super(options);
  }

  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

/** An SDK provider with one {@link TestReader}. */
export function testProvider(): { provider: MeterProvider; reader: TestReader } {
  const reader = new TestReader();
  return { provider: new MeterProvider({ readers: [reader] }), reader };
}

/** All metrics of a collection, by name. */
export function byName(rm: ResourceMetrics): Map<string, MetricData> {
  const out = new Map<string, MetricData>();
  for (const scope of rm.scopeMetrics)
    for (const metric of scope.metrics) out.set(metric.descriptor.name, metric);
  return out;
}

/** Collects and returns the metric `name` (throws when absent). */
export async function collectMetric(reader: TestReader, name: string): Promise<MetricData> {
  const { resourceMetrics } = await reader.collect();
  const metric = byName(resourceMetrics).get(name);
  if (metric === undefined) throw new Error(`metric ${name} not collected`);
  return metric;
}

function matches(point: DataPoint<unknown>, attributes: Attributes): boolean {
  const keys = Object.keys(attributes);
  return (
    keys.length === Object.keys(point.attributes).length &&
    keys.every((k) => point.attributes[k] === attributes[k])
  );
}

/** The value of the number data point with exactly these attributes. */
export function pointValue(metric: MetricData, attributes: Attributes): number | undefined {
  const point = (metric.dataPoints as DataPoint<unknown>[]).find((p) => matches(p, attributes));
  return point === undefined ? undefined : (point.value as number);
}

/** The histogram value of the data point with exactly these attributes. */
export function histogramValue(metric: MetricData, attributes: Attributes): Histogram | undefined {
  const point = (metric.dataPoints as DataPoint<unknown>[]).find((p) => matches(p, attributes));
  return point === undefined ? undefined : (point.value as Histogram);
}
