/** One point of the status page charts. */
export interface HistoryPoint {
  /** Epoch milliseconds. */
  readonly t: number;
  /** Operations per second over all operations since the previous point. */
  readonly throughput: number;
  /** Failed / all operations since the previous point (0 when none). */
  readonly errorRatio: number;
  /** 95th percentile latency over all operations since the previous point, ms. */
  readonly p95Ms: number | undefined;
  readonly eventLoopDelayP99Ms: number | undefined;
  readonly heapUsedBytes: number;
}

/** A fixed-size ring buffer: memory stays bounded however long the process runs. @internal */
export class Ring<T> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(readonly capacity: number) {}

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Items oldest first. */
  toArray(): T[] {
    if (this.items.length < this.capacity) return [...this.items];
    return [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }

  get size(): number {
    return this.items.length;
  }
}
