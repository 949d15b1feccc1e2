import type { Attributes, HrTime } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, type MetricData } from '@opentelemetry/sdk-metrics';
import type { BoundCounter, BoundUpDownCounter } from './bound';
import type { CardinalityGuard } from './guard';
import type { OtelkitCounter, OtelkitUpDownCounter } from './instruments';
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

/** One series of a counter or up-down counter: a number added to in place. */
export class SumSeries implements BoundCounter, BoundUpDownCounter {
  value = 0;
  readonly startTime: HrTime = nowHrTime();

  constructor(
    readonly attributes: Attributes,
    private readonly name: string,
    private readonly monotonic: boolean,
  ) {}

  add(value = 1): void {
    if (typeof value === 'number' && value - value === 0 && (!this.monotonic || value >= 0))
      this.value += value;
    else validValue(this.name, value, this.monotonic);
  }
}

/**
 * A counter (monotonic) or up-down counter that aggregates in the process: `add()` finds its series
 * through the cardinality guard's trie and adds to a number; a bound series is that number. Exported
 * as an OpenTelemetry sum: cumulative, or as deltas for readers that want them (counters only; up-down
 * counters stay cumulative, as the specification's temporality preferences say).
 */
export class LocalSum implements OtelkitCounter, OtelkitUpDownCounter, LocalInstrument {
  private readonly series: SeriesSet<SumSeries>;

  constructor(
    readonly name: string,
    private readonly description: string,
    private readonly unit: string,
    private readonly monotonic: boolean,
    guard: CardinalityGuard,
    rewrite?: AttributesRewrite,
  ) {
    this.series = seriesSet(guard, (attributes) => new SumSeries(attributes, name, monotonic), rewrite);
  }

  add(value: number, attributes?: Attributes): void {
    if (typeof value !== 'number' || value - value !== 0 || (this.monotonic && value < 0)) {
      validValue(this.name, value, this.monotonic);
      return;
    }
    this.series.of(attributes).value += value;
  }

  bind(attributes?: Attributes): SumSeries {
    return this.series.of(attributes);
  }

  collect(context: CollectContext): MetricData | undefined {
    if (this.series.all.length === 0) return undefined;
    const delta = this.monotonic && context.temporality === AggregationTemporality.DELTA;
    return {
      descriptor: doubleDescriptor(this.name, this.description, this.unit),
      aggregationTemporality: delta ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.SUM,
      isMonotonic: this.monotonic,
      dataPoints: this.series.all.map((series) => {
        if (!delta) {
          return {
            attributes: series.attributes,
            startTime: series.startTime,
            endTime: context.endTime,
            value: series.value,
          };
        }
        const previous = context.reported.get(series);
        context.reported.set(series, { time: context.endTime, value: series.value });
        return {
          attributes: series.attributes,
          startTime: previous?.time ?? series.startTime,
          endTime: context.endTime,
          value: series.value - (previous?.value ?? 0),
        };
      }),
    };
  }
}
