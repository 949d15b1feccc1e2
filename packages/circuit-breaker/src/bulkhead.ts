import { BulkheadRejectedError, InvalidBreakerOptionError } from './errors';
import { NEVER_ABORTED, type Protected } from './timeout';

/** Options of {@link bulkhead}. */
export interface BulkheadOptions {
  /** Calls allowed to run at once (integer >= 1). */
  maxConcurrent: number;
  /** Calls allowed to wait for a slot (integer >= 0). Default 0: fail fast when all slots are taken. */
  maxQueue?: number;
  /** Name used in errors. Default `'bulkhead'`. */
  name?: string;
}

interface Waiter {
  start(): void;
}

/**
 * Limits concurrent calls; calls past `maxConcurrent` wait in a FIFO queue of `maxQueue`, and calls
 * past that fail fast with a `BulkheadRejectedError` (`OTELKIT_ERR_BULKHEAD_FULL`). A waiting call
 * whose signal aborts leaves the queue and rejects with the signal's reason.
 */
export class Bulkhead {
  /** Name used in errors. */
  readonly name: string;
  /** Calls allowed to run at once. */
  readonly maxConcurrent: number;
  /** Calls allowed to wait. */
  readonly maxQueue: number;
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(options: BulkheadOptions) {
    const { maxConcurrent, maxQueue = 0, name = 'bulkhead' } = options ?? ({} as BulkheadOptions);
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new InvalidBreakerOptionError('maxConcurrent', maxConcurrent, 'an integer >= 1');
    }
    if (!Number.isInteger(maxQueue) || maxQueue < 0) {
      throw new InvalidBreakerOptionError('maxQueue', maxQueue, 'an integer >= 0');
    }
    this.name = name;
    this.maxConcurrent = maxConcurrent;
    this.maxQueue = maxQueue;
  }

  /** Calls running now. */
  get running(): number {
    return this.active;
  }

  /** Calls waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `fn` when a slot is free; same signature as `CircuitBreaker.execute`, so the two nest.
   * @example
   * const limit = bulkhead({ maxConcurrent: 10, maxQueue: 50 });
   * await limit.execute((signal) => breaker.execute((inner) => fetchThing(inner), signal));
   */
  execute<T>(fn: Protected<T>, signal?: AbortSignal): Promise<T> {
    if (this.active < this.maxConcurrent) return this.run(fn, signal);
    if (this.waiting.length >= this.maxQueue) {
      return Promise.reject(new BulkheadRejectedError(this.name, this.maxConcurrent, this.maxQueue));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.run(fn, signal).then(resolve, reject);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private async run<T>(fn: Protected<T>, signal: AbortSignal | undefined): Promise<T> {
    this.active++;
    try {
      return await fn(signal ?? NEVER_ABORTED);
    } finally {
      this.active--;
      this.waiting.shift()?.start();
    }
  }
}

/** Creates a {@link Bulkhead}; throws `OTELKIT_ERR_INVALID_BREAKER_OPTION` for bad limits. */
export function bulkhead(options: BulkheadOptions): Bulkhead {
  return new Bulkhead(options);
}
