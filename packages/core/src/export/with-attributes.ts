import type { Attributes } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { MetricData, ResourceMetrics } from '@opentelemetry/sdk-metrics';

/** `attributes` first, then the point's own, with `attributes` winning a clash (so series stay apart). */
function extend(own: Attributes, attributes: Attributes): Attributes {
  const out: Attributes = { ...attributes, ...own };
  Object.assign(out, attributes);
  return out;
}

/**
 * A copy of a collection with `attributes` on every data point and on the resource (so `target_info`
 * tells the collections apart too), without changing the original: the label that keeps series of
 * several processes served together apart, such as a cluster's `cluster_worker`. A point without
 * attributes gets them as well.
 */
export function withAttributes(resourceMetrics: ResourceMetrics, attributes: Attributes): ResourceMetrics {
  return {
    resource: resourceFromAttributes(extend(resourceMetrics.resource.attributes, attributes)),
    scopeMetrics: resourceMetrics.scopeMetrics.map((scope) => ({
      scope: scope.scope,
      metrics: scope.metrics.map(
        (metric) =>
          ({
            ...metric,
            dataPoints: metric.dataPoints.map((point) => ({
              ...point,
              attributes: extend(point.attributes, attributes),
            })),
          }) as MetricData,
      ),
    })),
  };
}
