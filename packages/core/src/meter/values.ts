import { diag } from '@opentelemetry/api';

const MAX_INSTRUMENTS = 1000;
/** Instruments past the cap share this entry, so the map stays bounded. */
const OTHER = '_other';

/** Measurements dropped as invalid, per instrument name (read by the self-metrics). */
export const invalidMeasurements = new Map<string, number>();

/**
 * Checks a measurement at record time. Returns true when it may be recorded; otherwise counts the
 * drop (`otelkit_metric_invalid_measurements_total{instrument}`), warns once per instrument
 * (`diag.warn`) and returns false. Never throws: a bad value must not break the app.
 */
export function validValue(instrument: string, value: unknown, nonNegative: boolean): value is number {
  if (typeof value === 'number' && Number.isFinite(value) && (!nonNegative || value >= 0)) return true;
  const seen = invalidMeasurements.get(instrument);
  if (seen !== undefined) {
    invalidMeasurements.set(instrument, seen + 1);
    return false;
  }
  if (invalidMeasurements.size >= MAX_INSTRUMENTS) {
    invalidMeasurements.set(OTHER, (invalidMeasurements.get(OTHER) ?? 0) + 1);
    return false;
  }
  invalidMeasurements.set(instrument, 1);
  diag.warn(
    `otelkit: dropped measurement ${String(value)} for "${instrument}": expected a finite` +
      `${nonNegative ? ', non-negative' : ''} number (warned once per instrument; counted in otelkit_metric_invalid_measurements_total)`,
  );
  return false;
}
