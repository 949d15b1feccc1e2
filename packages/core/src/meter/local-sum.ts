import { type Attributes, type HrTime, ValueType } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, type MetricData } from '@opentelemetry/sdk-metrics';
import type { BoundCounter, BoundUpDownCounter } from './bound';
import type { CardinalityGuard } from './guard';
import type { OtelkitCounter, OtelkitUpDownCounter } from './instruments';
import { type CollectContext, type LocalInstrument, nowHrTime } from './local-instrument';
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
  private readonly all: SumSeries[] = [];
  private readonly make = (attributes: Attributes): SumSeries => {
    const series = new SumSeries(attributes, this.name, this.monotonic);
    this.all.push(series);
    return series;
  };

  constructor(
    readonly name: string,
    private readonly description: string,
    private readonly unit: string,
    private readonly monotonic: boolean,
    readonly guard: CardinalityGuard,
  ) {}

  add(value: number, attributes?: Attributes): void {
    if (typeof value !== 'number' || value - value !== 0 || (this.monotonic && value < 0)) {
      validValue(this.name, value, this.monotonic);
      return;
    }
    this.guard.seriesOf(attributes, this.make).value += value;
  }

  bind(attributes?: Attributes): SumSeries {
    return this.guard.seriesOf(attributes, this.make);
  }

  collect(context: CollectContext): MetricData | undefined {
    if (this.all.length === 0) return undefined;
    const delta = this.monotonic && context.temporality === AggregationTemporality.DELTA;
    return {
      descriptor: {
        name: this.name,
        description: this.description,
        unit: this.unit,
        valueType: ValueType.DOUBLE,
      },
      aggregationTemporality: delta ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.SUM,
      isMonotonic: this.monotonic,
      dataPoints: this.all.map((series) => {
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
