import type { OperationTotals, SnapshotReading } from './operations';
import { addBuckets, type Buckets, quantile, subtractBuckets } from './quantile';

/** An operation's rates over a window. */
export interface OperationStats {
  readonly namespace: string;
  readonly operation: string;
  /** Operations finished since start. */
  readonly total: number;
  /** Operations per second over the window. */
  readonly ratePerSecond: number;
  /** Failed / finished over the window (0 when none finished). */
  readonly errorRatio: number;
  /** Latency quantiles over the window, ms (absent when nothing finished in it). */
  readonly p50Ms?: number;
  readonly p95Ms?: number;
  readonly p99Ms?: number;
}

/** Totals over every operation, for the charts. */
export interface WindowTotals {
  readonly throughput: number;
  readonly errorRatio: number;
  readonly p95Ms: number | undefined;
}

function ms(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.round(seconds * 1e6) / 1e3;
}

function delta(current: OperationTotals, previous: OperationTotals | undefined) {
  const total = Math.max(0, current.total - (previous?.total ?? 0));
  const errors = Math.max(0, current.errors - (previous?.errors ?? 0));
  const buckets =
    current.buckets === undefined ? undefined : subtractBuckets(current.buckets, previous?.buckets);
  return { total, errors, buckets };
}

/** Per-operation stats between two readings `seconds` apart (`previous` undefined: since start). */
export function operationStats(
  current: SnapshotReading,
  previous: SnapshotReading | undefined,
  seconds: number,
): OperationStats[] {
  const out: OperationStats[] = [];
  for (const [key, op] of current.operations) {
    const d = delta(op, previous?.operations.get(key));
    const p = (q: number) => (d.buckets === undefined ? undefined : ms(quantile(q, d.buckets)));
    const p50 = p(0.5);
    const p95 = p(0.95);
    const p99 = p(0.99);
    out.push({
      namespace: op.namespace,
      operation: op.operation,
      total: op.total,
      ratePerSecond: seconds > 0 ? d.total / seconds : 0,
      errorRatio: d.total > 0 ? d.errors / d.total : 0,
      ...(p50 === undefined ? {} : { p50Ms: p50 }),
      ...(p95 === undefined ? {} : { p95Ms: p95 }),
      ...(p99 === undefined ? {} : { p99Ms: p99 }),
    });
  }
  return out.sort((a, b) => b.ratePerSecond - a.ratePerSecond || a.operation.localeCompare(b.operation));
}

/** Throughput, error ratio and p95 over every operation between two readings. */
export function windowTotals(
  current: SnapshotReading,
  previous: SnapshotReading | undefined,
  seconds: number,
): WindowTotals {
  let total = 0;
  let errors = 0;
  let buckets: Buckets | undefined;
  for (const [key, op] of current.operations) {
    const d = delta(op, previous?.operations.get(key));
    total += d.total;
    errors += d.errors;
    if (d.buckets !== undefined) buckets = addBuckets(buckets, d.buckets);
  }
  return {
    throughput: seconds > 0 ? total / seconds : 0,
    errorRatio: total > 0 ? errors / total : 0,
    p95Ms: buckets === undefined ? undefined : ms(quantile(0.95, buckets)),
  };
}
