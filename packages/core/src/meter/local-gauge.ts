import type { Attributes } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, type MetricData } from '@opentelemetry/sdk-metrics';
import type { BoundGauge } from './bound';
import type { CardinalityGuard } from './guard';
import type { OtelkitGauge } from './instruments';
import {
  type AttributesRewrite,
  type CollectContext,
  doubleDescriptor,
  type LocalInstrument,
  type SeriesSet,
  seriesSet,
} from './local-instrument';
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
  private readonly series: SeriesSet<GaugeSeries>;

  constructor(
    readonly name: string,
    private readonly description: string,
    private readonly unit: string,
    guard: CardinalityGuard,
    rewrite?: AttributesRewrite,
  ) {
    this.series = seriesSet(guard, (attributes) => new GaugeSeries(attributes, name), rewrite);
  }

  record(value: number, attributes?: Attributes): void {
    if (typeof value !== 'number' || value - value !== 0) {
      validValue(this.name, value, false);
      return;
    }
    this.series.of(attributes).record(value);
  }

  bind(attributes?: Attributes): GaugeSeries {
    return this.series.of(attributes);
  }

  collect(context: CollectContext): MetricData | undefined {
    const recorded = this.series.all.filter((s) => s.recorded);
    if (recorded.length === 0) return undefined;
    return {
      descriptor: doubleDescriptor(this.name, this.description, this.unit),
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
