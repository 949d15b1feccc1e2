import { diag } from '@opentelemetry/api';

const warned = new Set<string>();
const MAX_WARNED = 1000;

/**
 * Checks a measurement at record time. Returns true when it may be recorded; otherwise warns once per
 * instrument (`diag.warn`) and returns false. Never throws: a bad value must not break the app.
 */
export function validValue(instrument: string, value: unknown, nonNegative: boolean): value is number {
  if (typeof value === 'number' && Number.isFinite(value) && (!nonNegative || value >= 0)) return true;
  if (!warned.has(instrument) && warned.size < MAX_WARNED) {
    warned.add(instrument);
    diag.warn(
      `otelkit: dropped measurement ${String(value)} for "${instrument}": expected a finite` +
        `${nonNegative ? ', non-negative' : ''} number (warned once per instrument)`,
    );
  }
  return false;
}
