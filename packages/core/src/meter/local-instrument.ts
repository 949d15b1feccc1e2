import { type Attributes, type HrTime, ValueType } from '@opentelemetry/api';
import type { AggregationTemporality, MetricData, MetricDescriptor } from '@opentelemetry/sdk-metrics';
import type { CardinalityGuard } from './guard';

/** What a reader's producer hands every in-process instrument at collection. */
export interface CollectContext {
  readonly endTime: HrTime;
  /** The reader's temporality for monotonic sums and for histograms. */
  readonly temporality: AggregationTemporality;
  /** Per-reader memory of what was last reported, for deltas (keyed by series object). */
  readonly reported: WeakMap<object, Reported>;
}

/** What a reader reported last time for one series (delta temporality). */
export interface Reported {
  readonly time: HrTime;
  readonly value: number;
  readonly count?: number;
  readonly counts?: Float64Array;
}

/**
 * An instrument that aggregates in the process (otelkit's synchronous instruments) and turns its
 * state into SDK metric data when a reader collects.
 */
export interface LocalInstrument {
  readonly name: string;
  collect(context: CollectContext): MetricData | undefined;
}

/** The current time as an OpenTelemetry `HrTime`. */
export function nowHrTime(): HrTime {
  const ms = Date.now();
  return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
}

/** The series of one in-process instrument: found, or created once, through its cardinality guard. */
export class SeriesSet<S> {
  /** Every series, in creation order: what a collection exports. */
  readonly all: S[] = [];
  private readonly make: (attributes: Attributes) => S;

  constructor(
    readonly guard: CardinalityGuard,
    create: (attributes: Attributes) => S,
  ) {
    this.make = (attributes) => {
      const series = create(attributes);
      this.all.push(series);
      return series;
    };
  }

  /** The series of `attributes` (the overflow series once the guard's limit is reached). */
  of(attributes: Attributes | undefined): S {
    return this.guard.seriesOf(attributes, this.make);
  }
}

/** Rewrites a measurement's attributes (a view's attribute processors), before its series is found. */
export type AttributesRewrite = (attributes: Attributes) => Attributes;

/** The series of an instrument selected by a view with attribute processors: attributes rewritten first. */
class RewrittenSeriesSet<S> extends SeriesSet<S> {
  constructor(
    guard: CardinalityGuard,
    create: (attributes: Attributes) => S,
    private readonly rewrite: AttributesRewrite,
  ) {
    super(guard, create);
  }

  override of(attributes: Attributes | undefined): S {
    return super.of(this.rewrite(attributes ?? EMPTY));
  }
}

const EMPTY: Attributes = Object.freeze({});

/** A series set, rewriting attributes first when a view says so (other instruments pay nothing). */
export function seriesSet<S>(
  guard: CardinalityGuard,
  create: (attributes: Attributes) => S,
  rewrite: AttributesRewrite | undefined,
): SeriesSet<S> {
  return rewrite === undefined
    ? new SeriesSet(guard, create)
    : new RewrittenSeriesSet(guard, create, rewrite);
}

/** The SDK descriptor of an in-process instrument (values are always doubles). */
export function doubleDescriptor(name: string, description: string, unit: string): MetricDescriptor {
  return { name, description, unit, valueType: ValueType.DOUBLE };
}
