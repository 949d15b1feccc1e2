import type { BoundCounter, BoundGauge, BoundHistogram } from './bound';
import type { OtelkitCounter, OtelkitGauge, OtelkitHistogram, OtelkitUpDownCounter } from './instruments';

const NOTHING: BoundCounter & BoundGauge & BoundHistogram = Object.freeze({
  add(): void {},
  record(): void {},
});

/**
 * An instrument a `Drop` view selects: every measurement, bound or not, is discarded, and nothing is
 * exported (as the SDK's drop aggregation).
 */
export class DroppedInstrument
  implements OtelkitCounter, OtelkitUpDownCounter, OtelkitGauge, OtelkitHistogram
{
  add(): void {}

  record(): void {}

  bind(): BoundCounter & BoundGauge & BoundHistogram {
    return NOTHING;
  }
}
