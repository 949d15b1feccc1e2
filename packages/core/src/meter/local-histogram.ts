import { type Attributes, type Context, type HrTime, trace } from '@opentelemetry/api';
import {
  AggregationTemporality,
  type DataPoint,
  DataPointType,
  type Histogram,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { exemplars } from '../exemplars/store';
import type { BoundHistogram } from './bound';
import type { CardinalityGuard } from './guard';
import type { OtelkitHistogram } from './instruments';
import {
  type AttributesRewrite,
  type CollectContext,
  doubleDescriptor,
  type LocalInstrument,
  nowHrTime,
  type SeriesSet,
  seriesSet,
} from './local-instrument';
import { validValue } from './values';

/** The SDK's default boundaries (for histograms that are not in seconds and advise none). */
export const DEFAULT_BOUNDARIES: readonly number[] = Object.freeze([
  0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
]);

/** Cumulative state of one histogram series, updated in place on every record. */
export class HistogramSeries implements BoundHistogram {
  readonly counts: Float64Array;
  readonly startTime: HrTime = nowHrTime();
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  constructor(
    readonly attributes: Attributes,
    private readonly boundaries: readonly number[],
    private readonly name: string,
  ) {
    this.counts = new Float64Array(boundaries.length + 1);
  }

  /** Adds one value (upper-inclusive buckets, as the SDK's explicit-bucket aggregation). */
  add(value: number): void {
    const b = this.boundaries;
    let i = 0;
    while (i < b.length && value > b[i]!) i++;
    this.counts[i]!++;
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  record(value: number): void {
    if (typeof value === 'number' && value >= 0 && value !== Number.POSITIVE_INFINITY) this.add(value);
    else validValue(this.name, value, true);
  }
}

/**
 * An otelkit histogram that aggregates in the process instead of in the SDK: a record finds its
 * series through the cardinality guard's trie (no attribute hashing) and adds to fixed buckets; a bound
 * series skips even that. A `MetricProducer` on every reader exports the series as ordinary histogram
 * data points, so Prometheus and OTLP see no difference. Measurements inside a sampled span are kept as
 * exemplars.
 */
export class LocalHistogram implements OtelkitHistogram, LocalInstrument {
  private readonly series: SeriesSet<HistogramSeries>;

  constructor(
    readonly name: string,
    readonly description: string,
    readonly unit: string,
    readonly boundaries: readonly number[],
    guard: CardinalityGuard,
    rewrite?: AttributesRewrite,
  ) {
    this.series = seriesSet(
      guard,
      (attributes) => new HistogramSeries(attributes, boundaries, name),
      rewrite,
    );
  }

  record(value: number, attributes?: Attributes, context?: Context): void {
    if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
      validValue(this.name, value, true);
      return;
    }
    const series = this.series.of(attributes);
    series.add(value);
    if (context !== undefined) {
      const span = trace.getSpanContext(context);
      if (span !== undefined && (span.traceFlags & 1) === 1)
        exemplars.offer(this.name, series.attributes, value, span);
    }
  }

  bind(attributes?: Attributes): BoundHistogram {
    return this.series.of(attributes);
  }

  /**
   * Histogram data points: cumulative, or deltas since this reader's previous collection when it
   * prefers delta (then without min and max, which cannot be derived for an interval).
   */
  collect(context: CollectContext): MetricData | undefined {
    if (this.series.all.length === 0) return undefined;
    const delta = context.temporality === AggregationTemporality.DELTA;
    const boundaries = [...this.boundaries];
    const dataPoints: DataPoint<Histogram>[] = this.series.all.map((s) => {
      if (!delta) {
        return {
          attributes: s.attributes,
          startTime: s.startTime,
          endTime: context.endTime,
          value: {
            buckets: { boundaries, counts: Array.from(s.counts) },
            sum: s.sum,
            count: s.count,
            ...(s.count > 0 ? { min: s.min, max: s.max } : {}),
          },
        };
      }
      const previous = context.reported.get(s);
      context.reported.set(s, {
        time: context.endTime,
        value: s.sum,
        count: s.count,
        counts: Float64Array.from(s.counts),
      });
      return {
        attributes: s.attributes,
        startTime: previous?.time ?? s.startTime,
        endTime: context.endTime,
        value: {
          buckets: { boundaries, counts: Array.from(s.counts, (c, i) => c - (previous?.counts?.[i] ?? 0)) },
          sum: s.sum - (previous?.value ?? 0),
          count: s.count - (previous?.count ?? 0),
        },
      };
    });
    return {
      descriptor: doubleDescriptor(this.name, this.description, this.unit),
      aggregationTemporality: delta ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.HISTOGRAM,
      dataPoints,
    };
  }
}
