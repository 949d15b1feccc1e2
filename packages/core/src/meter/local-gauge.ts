import { type Attributes, ValueType } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, type MetricData } from '@opentelemetry/sdk-metrics';
import type { BoundGauge } from './bound';
import type { CardinalityGuard } from './guard';
import type { OtelkitGauge } from './instruments';
import type { CollectContext, LocalInstrument } from './local-instrument';
import { validValue } from './values';

/** One series of a gauge: the last value recorded, and when. */
export class GaugeSeries implements BoundGauge {
  value = 0;
  recorded = false;

  constructor(
    readonly attributes: Attributes,
    private readonly name: string,
  ) {}

  record(value: number): void {
    if (typeof value === 'number' && value - value === 0) {
      this.value = value;
      this.recorded = true;
    } else validValue(this.name, value, false);
  }
}

/** A gauge that keeps the last value per series in the process; exported as an OpenTelemetry gauge. */
export class LocalGauge implements OtelkitGauge, LocalInstrument {
  private readonly all: GaugeSeries[] = [];
  private readonly make = (attributes: Attributes): GaugeSeries => {
    const series = new GaugeSeries(attributes, this.name);
    this.all.push(series);
    return series;
  };

  constructor(
    readonly name: string,
    private readonly description: string,
    private readonly unit: string,
    readonly guard: CardinalityGuard,
  ) {}

  record(value: number, attributes?: Attributes): void {
    if (typeof value !== 'number' || value - value !== 0) {
      validValue(this.name, value, false);
      return;
    }
    this.guard.seriesOf(attributes, this.make).record(value);
  }

  bind(attributes?: Attributes): GaugeSeries {
    return this.guard.seriesOf(attributes, this.make);
  }

  collect(context: CollectContext): MetricData | undefined {
    const recorded = this.all.filter((s) => s.recorded);
    if (recorded.length === 0) return undefined;
    return {
      descriptor: {
        name: this.name,
        description: this.description,
        unit: this.unit,
        valueType: ValueType.DOUBLE,
      },
      aggregationTemporality: AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.GAUGE,
      dataPoints: recorded.map((s) => ({
        attributes: s.attributes,
        startTime: context.endTime,
        endTime: context.endTime,
        value: s.value,
      })),
    };
  }
}
