import type { Meter } from '@opentelemetry/api';
import { DEFAULT_CARDINALITY_LIMIT } from '../config/settings';
import type { CardinalityGuard } from './guard';
import { GuardedMeter, type OtelkitMeter } from './meter';

/**
 * Returns `meter` itself when it is already an otelkit meter (the global one after `startTelemetry()`),
 * else wraps it so that `bind()` and the guard are available on any OpenTelemetry meter.
 */
export function asOtelkitMeter(meter: Meter): OtelkitMeter {
  if (meter instanceof GuardedMeter) return meter;
  return new GuardedMeter(meter, {
    limit: DEFAULT_CARDINALITY_LIMIT,
    add(_guard: CardinalityGuard) {},
  });
}
