import type { BreakerRegistry } from '@otelkit/circuit-breaker';
import type { BoundCounter, OperationMonitor } from '@otelkit/core';
import { withCorrelation } from '@otelkit/tracing';
import type { Logger } from 'pino';
import type { Random } from './random';
import type { Item, SourceSystem, TargetSystem } from './systems';

/** Settings of one sync service. */
export interface SyncServiceOptions {
  readonly monitor: OperationMonitor;
  readonly sources: readonly SourceSystem[];
  readonly target: TargetSystem;
  readonly random: Random;
  /** Writes in flight per source. */
  readonly concurrency: number;
  /** One circuit breaker per source system. */
  readonly breakers: BreakerRegistry;
  /** Structured log lines, carrying the cycle's correlation ID. */
  readonly logger: Logger;
}

type Change =
  | { readonly kind: 'put'; readonly item: Item }
  | { readonly kind: 'delete'; readonly id: string };

/**
 * Copies repositories from each source to the target, one cycle at a time, instrumented only through
 * otelkit: every cycle, fetch and write is a tracked operation; items are counted by action; the queue
 * of pending changes is a gauge; retries use a bound counter.
 */
export class SyncService {
  private readonly retries = new Map<string, BoundCounter>();
  private pending = 0;

  constructor(private readonly options: SyncServiceOptions) {
    const retries = options.monitor.counter('retries', { description: 'Remote calls retried, by source.' });
    for (const source of options.sources)
      this.retries.set(source.name, retries.bind({ source: source.name }));
  }

  /** Runs one cycle over every source, concurrently. Resolves when all are done; never rejects. */
  async cycle(): Promise<void> {
    for (const source of this.options.sources) source.drift();
    await Promise.allSettled(this.options.sources.map((source) => this.syncSource(source)));
  }

  private syncSource(source: SourceSystem): Promise<void> {
    const { monitor, logger } = this.options;
    // One correlation ID per source per cycle: on its spans and its log lines.
    return withCorrelation({ operation: 'sync_cycle', source: source.name }, () =>
      monitor
        .track('sync_cycle', { source: source.name }, () => this.syncOnce(source))
        .then(
          (summary) => logger.info({ source: source.name, ...summary }, 'sync cycle done'),
          (error: unknown) => logger.warn({ source: source.name, err: error }, 'sync cycle failed'),
        ),
    );
  }

  private async syncOnce(source: SourceSystem): Promise<{ changes: number; failed: number }> {
    const { monitor } = this.options;
    const items = await this.fetch(source);
    const changes = this.diff(source.name, items);
    this.pending += changes.length;
    monitor.setQueueDepth('pending_changes', this.pending);
    let failed = 0;
    const queue = [...changes];
    const worker = async () => {
      for (let change = queue.shift(); change !== undefined; change = queue.shift()) {
        try {
          await this.apply(source.name, change);
        } catch {
          failed++;
        } finally {
          this.pending--;
          monitor.setQueueDepth('pending_changes', this.pending);
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    if (changes.length > 0 && failed / changes.length > 0.5) {
      throw Object.assign(new Error(`${failed} of ${changes.length} writes failed`), {
        name: 'PartialSyncError',
      });
    }
    return { changes: changes.length, failed };
  }

  private async fetch(source: SourceSystem): Promise<Item[]> {
    const { monitor, breakers } = this.options;
    // The source's breaker fails fast while the source is down; the monitor counts those as errors
    // of type OTELKIT_ERR_CIRCUIT_OPEN.
    const list = () =>
      monitor.track('fetch_source', { source: source.name }, () =>
        breakers.execute(source.name, () => source.list()),
      );
    try {
      return await list();
    } catch (error) {
      if ((error as Error).name !== 'RateLimitError' && (error as { code?: string }).code !== 'ECONNRESET')
        throw error;
      this.retries.get(source.name)?.add(1);
      return list();
    }
  }

  private diff(prefix: string, items: readonly Item[]): Change[] {
    const { target } = this.options;
    const changes: Change[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.id);
      if (target.items.get(item.id) !== item.revision) changes.push({ kind: 'put', item });
    }
    for (const id of target.items.keys()) {
      if (id.startsWith(`${prefix}/`) && !seen.has(id)) changes.push({ kind: 'delete', id });
    }
    return changes;
  }

  private async apply(source: string, change: Change): Promise<void> {
    const { monitor, target } = this.options;
    try {
      await monitor.track('write_target', { source }, async () => {
        if (change.kind === 'delete') {
          await target.remove(change.id);
          monitor.recordItems('sync_cycle', 'repository', 'deleted');
        } else {
          monitor.recordItems('sync_cycle', 'repository', await target.put(change.item));
        }
      });
    } catch (error) {
      if ((error as Error).name === 'ConflictError')
        monitor.recordItems('sync_cycle', 'repository', 'conflicted');
      throw error;
    }
  }
}
