import type { Attributes, SpanContext } from '@opentelemetry/api';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ExemplarLike } from '../prometheus/exemplars';

const PER_SERIES = 8;
const MAX_SERIES = 2000;
const EMPTY: Attributes = Object.freeze({});

/** The order-independent key of an attribute set. */
function seriesKey(attributes: Attributes): string {
  const keys = Object.keys(attributes).sort();
  let key = '';
  for (const k of keys) key += `${k}\u0000${String(attributes[k])}\u0001`;
  return key;
}

/**
 * Recent trace exemplars per histogram series: measurements that were made inside a sampled span,
 * with its trace and span IDs. sdk-metrics 2.x has exemplar reservoirs but does not attach them to
 * data points, so otelkit keeps its own, bounded (8 per series, 2000 series per instrument), and
 * attaches them to the collected points that `/metrics` serializes as OpenMetrics exemplars.
 */
export class ExemplarStore {
  private readonly byInstrument = new Map<string, Map<string, ExemplarLike[]>>();

  /** Offers one measurement of `instrument` taken inside the sampled span `span`. */
  offer(instrument: string, attributes: Attributes | undefined, value: number, span: SpanContext): void {
    let series = this.byInstrument.get(instrument);
    if (series === undefined) {
      series = new Map();
      this.byInstrument.set(instrument, series);
    }
    const key = seriesKey(attributes ?? EMPTY);
    let ring = series.get(key);
    if (ring === undefined) {
      if (series.size >= MAX_SERIES) return;
      ring = [];
      series.set(key, ring);
    }
    const now = Date.now();
    const exemplar: ExemplarLike = {
      filteredAttributes: EMPTY,
      value,
      timestamp: [Math.floor(now / 1000), (now % 1000) * 1e6],
      traceId: span.traceId,
      spanId: span.spanId,
    };
    if (ring.length >= PER_SERIES) ring.shift();
    ring.push(exemplar);
  }

  /** Attaches the stored exemplars to matching data points of a collection (in place). */
  attach(resourceMetrics: ResourceMetrics): void {
    if (this.byInstrument.size === 0) return;
    for (const scope of resourceMetrics.scopeMetrics) {
      for (const metric of scope.metrics) {
        const series = this.byInstrument.get(metric.descriptor.name);
        if (series === undefined) continue;
        for (const point of metric.dataPoints) {
          const exemplars = series.get(seriesKey(point.attributes));
          if (exemplars !== undefined)
            (point as { exemplars?: readonly ExemplarLike[] }).exemplars = exemplars;
        }
      }
    }
  }
}

/** The process-wide store used by the operation monitor and otelkit's HTTP metrics. */
export const exemplars = new ExemplarStore();
