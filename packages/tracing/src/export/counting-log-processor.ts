import type { Context } from '@opentelemetry/api';
import {
  BatchLogRecordProcessor,
  type LogRecordExporter,
  type LogRecordProcessor,
  type ReadableLogRecord,
  type ReadWriteLogRecord,
} from '@opentelemetry/sdk-logs';
import { type ExportStats, unlessUnreachable } from '@otelkit/core/internal';
import type { BatchSettings } from './counting-batch-processor';
import { CountingExporter } from './counting-exporter';

/**
 * The SDK's `BatchLogRecordProcessor` (the `OTEL_BLRP_*` settings), with the records it would drop on
 * a full queue counted in core's export stats (`dropped('logs', …)`), like spans in
 * `CountingBatchProcessor`: the queue length is records accepted minus records handed to the exporter.
 */
export class CountingLogProcessor implements LogRecordProcessor {
  private readonly batch: BatchLogRecordProcessor;
  private readonly exporter: CountingExporter<ReadableLogRecord>;
  private accepted = 0;
  /** The last `maxQueueSize` records accepted (a ring), for {@link pending}. */
  private readonly recent: ReadWriteLogRecord[] = [];

  constructor(
    exporter: LogRecordExporter,
    private readonly stats: ExportStats,
    private readonly name: string,
    private readonly settings: BatchSettings,
    /** Where `exporter` sends; at shutdown the final flush stops waiting once nothing answers there. */
    private readonly endpoint?: string,
  ) {
    stats.register('logs', name);
    this.exporter = new CountingExporter(exporter, stats, 'logs', name);
    this.batch = new BatchLogRecordProcessor({
      exporter: this.exporter,
      scheduledDelayMillis: settings.scheduledDelayMs,
      exportTimeoutMillis: settings.exportTimeoutMs,
      maxQueueSize: settings.maxQueueSize,
      maxExportBatchSize: settings.maxExportBatchSize,
    });
  }

  onEmit(record: ReadWriteLogRecord, _context?: Context): void {
    if (this.accepted - this.exporter.exported >= this.settings.maxQueueSize) {
      this.stats.dropped('logs', this.name, 1);
      return;
    }
    this.recent[this.accepted % this.settings.maxQueueSize] = record;
    this.accepted++;
    this.batch.onEmit(record);
  }

  /**
   * Records accepted and not yet handed to the exporter, oldest first (what a crash would take down
   * with the process; the batch processor hands records over in order).
   */
  pending(): ReadableLogRecord[] {
    const size = this.settings.maxQueueSize;
    const count = Math.min(this.accepted - this.exporter.exported, size);
    const out: ReadableLogRecord[] = [];
    for (let i = this.accepted - count; i < this.accepted; i++) {
      const record = this.recent[i % size];
      if (record !== undefined) out.push(record);
    }
    return out;
  }

  forceFlush(): Promise<void> {
    return this.batch.forceFlush();
  }

  /** Exports what is queued and stops; rejects at once when nothing answers at the endpoint. */
  shutdown(): Promise<void> {
    return unlessUnreachable(this.batch.shutdown(), this.endpoint);
  }
}
