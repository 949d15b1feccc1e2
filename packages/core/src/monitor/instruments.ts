import type { OtelkitMeter } from '../meter/meter';
import { operationMetricNames } from '../semconv/metrics';

/**
 * The instruments of one operation monitor, exactly as DESIGN.md names them
 * (`ns.operations`, `ns.operation.duration`, …).
 */
export function createMonitorInstruments(meter: OtelkitMeter, ns: string) {
  const names = operationMetricNames(ns);
  return {
    operations: meter.createCounter(names.operations, {
      description: 'Operations finished, by operation and status (success or failure).',
    }),
    duration: meter.createHistogram(names.duration, {
      description: 'Duration of operations, by operation and status.',
      unit: 's',
    }),
    active: meter.createUpDownCounter(names.active, {
      description: 'Operations in flight, by operation.',
    }),
    errors: meter.createCounter(names.errors, {
      description: 'Errors, by operation and error type.',
    }),
    items: meter.createCounter(names.items, {
      description: 'Items processed, by operation, item type and action (created, updated, deleted, ...).',
    }),
    queueDepth: meter.createGauge(names.queueDepth, {
      description: 'Items waiting in a queue, by queue.',
    }),
    lastSuccess: meter.createGauge(names.lastSuccess, {
      description: 'Unix time of the last successful operation, by operation.',
      unit: 's',
    }),
  };
}

/** The instruments of one monitor. */
export type MonitorInstruments = ReturnType<typeof createMonitorInstruments>;
