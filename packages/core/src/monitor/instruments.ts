import type { OtelkitMeter } from '../meter/meter';

/**
 * The instruments of one operation monitor, exactly as DESIGN.md names them
 * (`ns.operations`, `ns.operation.duration`, …).
 */
export function createMonitorInstruments(meter: OtelkitMeter, ns: string) {
  return {
    operations: meter.createCounter(`${ns}.operations`, {
      description: 'Operations finished, by operation and status (success or failure).',
    }),
    duration: meter.createHistogram(`${ns}.operation.duration`, {
      description: 'Duration of operations, by operation and status.',
      unit: 's',
    }),
    active: meter.createUpDownCounter(`${ns}.operations.active`, {
      description: 'Operations in flight, by operation.',
    }),
    errors: meter.createCounter(`${ns}.errors`, {
      description: 'Errors, by operation and error type.',
    }),
    items: meter.createCounter(`${ns}.items`, {
      description: 'Items processed, by operation, item type and action (created, updated, deleted, ...).',
    }),
    queueDepth: meter.createGauge(`${ns}.queue.depth`, {
      description: 'Items waiting in a queue, by queue.',
    }),
    lastSuccess: meter.createGauge(`${ns}.last_success.timestamp`, {
      description: 'Unix time of the last successful operation, by operation.',
      unit: 's',
    }),
  };
}

/** The instruments of one monitor. */
export type MonitorInstruments = ReturnType<typeof createMonitorInstruments>;
