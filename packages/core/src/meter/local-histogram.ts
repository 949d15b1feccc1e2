import { type Attributes, type Context, type HrTime, trace } from '@opentelemetry/api';
import { exemplars } from '../exemplars/store';
import type { BoundHistogram } from './bound';
import type { CardinalityGuard } from './guard';
import type { OtelkitHistogram } from './instruments';
import { validValue } from './values';

/** The SDK's default boundaries (for histograms that are not in seconds and advise none). */
export const DEFAULT_BOUNDARIES: readonly number[] = Object.freeze([
  0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
]);

function now(): HrTime {
  const ms = Date.now();
  return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
}

/** Cumulative state of one histogram series, updated in place on every record. */
export class HistogramSeries implements BoundHistogram {
  readonly counts: Float64Array;
  readonly startTime: HrTime = now();
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

/** What the histogram producer needs to export one instrument. */
export interface HistogramSource {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly boundaries: readonly number[];
  series(): Iterable<HistogramSeries>;
}

/**
 * An otelkit histogram that aggregates in the process instead of in the SDK: a record finds its
 * series through the cardinality guard's trie (no attribute hashing) and adds to fixed buckets; a bound
 * series skips even that. A `MetricProducer` on every reader exports the series as ordinary histogram
 * data points, so Prometheus and OTLP see no difference. Measurements inside a sampled span are kept as
 * exemplars.
 */
export class LocalHistogram implements OtelkitHistogram, HistogramSource {
  private readonly all: HistogramSeries[] = [];
  private readonly make = (attributes: Attributes): HistogramSeries => {
    const series = new HistogramSeries(attributes, this.boundaries, this.name);
    this.all.push(series);
    return series;
  };

  constructor(
    readonly name: string,
    readonly description: string,
    readonly unit: string,
    readonly boundaries: readonly number[],
    readonly guard: CardinalityGuard,
  ) {}

  record(value: number, attributes?: Attributes, context?: Context): void {
    if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
      validValue(this.name, value, true);
      return;
    }
    const series = this.guard.seriesOf(attributes, this.make);
    series.add(value);
    if (context !== undefined) {
      const span = trace.getSpanContext(context);
      if (span !== undefined && (span.traceFlags & 1) === 1)
        exemplars.offer(this.name, series.attributes, value, span);
    }
  }

  bind(attributes?: Attributes): BoundHistogram {
    return this.guard.seriesOf(attributes, this.make);
  }

  series(): Iterable<HistogramSeries> {
    return this.all;
  }
}
