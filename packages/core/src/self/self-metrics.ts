import type { Meter } from '@opentelemetry/api';
import type { CardinalityGuard } from '../meter/guard';
import { invalidMeasurements } from '../meter/values';
import {
  METRIC_CARDINALITY_LIMIT,
  METRIC_EXPORTER_DROPPED,
  METRIC_EXPORTER_EXPORTS,
  METRIC_EXPORTER_LAST_SUCCESS_TIMESTAMP,
  METRIC_OVERFLOW_MEASUREMENTS,
} from '../semconv/metrics';
import type { ExportStats } from './export-stats';

/** What the self-metrics read at each collection. */
export interface SelfMetricsSources {
  readonly exportStats: ExportStats;
  readonly guards: () => readonly CardinalityGuard[];
  readonly cardinalityLimit: number;
  /** Reloads of `OTELKIT_CONFIG_FILE` by outcome, when one is configured. */
  readonly reloads?: () => Readonly<Record<string, number>>;
}

/**
 * otelkit's own health as metrics, read at collection time from plain counters (nothing is recorded
 * on the hot path): export outcomes, dropped items, last successful export, and the cardinality guard.
 * Returns a function that unregisters the callback.
 */
export function registerSelfMetrics(meter: Meter, sources: SelfMetricsSources): () => void {
  const exports = meter.createObservableCounter(METRIC_EXPORTER_EXPORTS, {
    description: 'Export attempts of otelkit push exporters, by signal, exporter and outcome.',
  });
  const dropped = meter.createObservableCounter(METRIC_EXPORTER_DROPPED, {
    description: 'Telemetry items (data points, spans) lost by failed exports or full queues.',
  });
  const lastSuccess = meter.createObservableGauge(METRIC_EXPORTER_LAST_SUCCESS_TIMESTAMP, {
    description: 'Unix time of the last successful export, by signal and exporter.',
    unit: 's',
  });
  const overflow = meter.createObservableCounter(METRIC_OVERFLOW_MEASUREMENTS, {
    description:
      'Measurements whose attribute set was over the cardinality limit and went to the overflow series.',
  });
  const limit = meter.createObservableGauge(METRIC_CARDINALITY_LIMIT, {
    description: 'Attribute sets allowed per instrument before the overflow series.',
  });
  const reloads = meter.createObservableCounter('otelkit.config.reloads', {
    description:
      'Reloads of the settings file (OTELKIT_CONFIG_FILE), by outcome: applied, rejected, unchanged.',
  });
  const invalid = meter.createObservableCounter('otelkit.metric.invalid.measurements', {
    description:
      'Measurements dropped at record time as invalid (NaN, infinite, negative counter increments, non-numbers).',
  });
  const droppedAttributes = meter.createObservableCounter('otelkit.metric.dropped.attributes', {
    description: 'Attributes dropped at record time because their values were not attribute values.',
  });
  const observables = [exports, dropped, lastSuccess, overflow, limit, reloads, invalid, droppedAttributes];
  const callback = (result: import('@opentelemetry/api').BatchObservableResult) => {
    for (const s of sources.exportStats.snapshot()) {
      const base = { signal: s.signal, exporter: s.exporter };
      result.observe(exports, s.successes, { ...base, outcome: 'success' });
      result.observe(exports, s.failures, { ...base, outcome: 'failure' });
      result.observe(dropped, s.dropped, base);
      if (s.lastSuccessMs !== undefined) result.observe(lastSuccess, s.lastSuccessMs / 1000, base);
    }
    // Every guarded instrument is reported, at 0 until it overflows, so increase() sees the first burst.
    for (const guard of sources.guards()) {
      result.observe(overflow, guard.overflowed, { instrument: guard.instrument });
      if (guard.droppedAttributes > 0) {
        result.observe(droppedAttributes, guard.droppedAttributes, { instrument: guard.instrument });
      }
    }
    for (const [instrument, n] of invalidMeasurements) result.observe(invalid, n, { instrument });
    result.observe(limit, sources.cardinalityLimit);
    const counts = sources.reloads?.();
    if (counts !== undefined)
      for (const [outcome, n] of Object.entries(counts)) result.observe(reloads, n, { outcome });
  };
  meter.addBatchObservableCallback(callback, observables);
  return () => meter.removeBatchObservableCallback(callback, observables);
}
