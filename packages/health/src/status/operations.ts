import {
  ATTR_CIRCUIT_BREAKER_NAME,
  ATTR_CIRCUIT_BREAKER_STATE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_OPERATION,
  ATTR_OPERATION_STATUS,
  METRIC_CIRCUIT_BREAKER_STATE,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
  type MetricsSnapshot,
  operationMetricNames,
} from '@otelkit/core/internal';
import { addBuckets, type Buckets } from './quantile';

/** Cumulative totals of one operation at one moment. */
export interface OperationTotals {
  /** `<namespace>` of an operation monitor, or `http` for HTTP server routes. */
  readonly namespace: string;
  readonly operation: string;
  readonly total: number;
  readonly errors: number;
  /** Latency buckets in seconds, over every status. */
  readonly buckets: Buckets | undefined;
}

/** A circuit breaker and its current state, from `otelkit.circuit_breaker.state`. */
export interface BreakerState {
  readonly name: string;
  readonly state: string;
}

/** What the status page reads from one metrics snapshot. */
export interface SnapshotReading {
  /** Keyed `namespace\u0000operation`. */
  readonly operations: ReadonlyMap<string, OperationTotals>;
  readonly breakers: readonly BreakerState[];
}

const MAX_OPERATIONS = 50;
/** What follows `<ns>` in an operation monitor's counter and histogram names. */
const SUFFIXES = operationMetricNames('');

interface Mutable {
  namespace: string;
  operation: string;
  total: number;
  errors: number;
  buckets: Buckets | undefined;
  counted: boolean;
}

function toBuckets(point: {
  readonly buckets?: ReadonlyArray<{ le: number | '+Inf'; count: number }>;
}): Buckets | undefined {
  if (point.buckets === undefined) return undefined;
  return {
    bounds: point.buckets.map((b) => (b.le === '+Inf' ? Number.POSITIVE_INFINITY : b.le)),
    counts: point.buckets.map((b) => b.count),
  };
}

/**
 * Extracts per-operation totals (`<ns>.operations` counters and `<ns>.operation.duration`
 * histograms of operation monitors, plus `http.server.request.duration` by method and route) and
 * breaker states from a `/metrics/json` snapshot. At most 50 operations are kept.
 */
export function readSnapshot(snapshot: MetricsSnapshot | undefined): SnapshotReading {
  const operations = new Map<string, Mutable>();
  const breakers: BreakerState[] = [];
  if (snapshot === undefined) return { operations, breakers };
  const entry = (namespace: string, operation: string): Mutable | undefined => {
    const key = `${namespace}\u0000${operation}`;
    let found = operations.get(key);
    if (found === undefined && operations.size < MAX_OPERATIONS) {
      found = { namespace, operation, total: 0, errors: 0, buckets: undefined, counted: false };
      operations.set(key, found);
    }
    return found;
  };
  // Counters first, so histograms only fill in counts where there is no counter.
  const ordered = [...snapshot.metrics].sort(
    (a, b) => Number(b.type === 'counter') - Number(a.type === 'counter'),
  );
  for (const metric of ordered) {
    if (metric.name === METRIC_CIRCUIT_BREAKER_STATE) {
      for (const p of metric.points) {
        const name = p.attributes[ATTR_CIRCUIT_BREAKER_NAME];
        const state = p.attributes[ATTR_CIRCUIT_BREAKER_STATE];
        if ('value' in p && p.value === 1 && name !== undefined && state !== undefined) {
          breakers.push({ name: String(name), state: String(state) });
        }
      }
    } else if (metric.type === 'counter' && metric.name.endsWith(SUFFIXES.operations)) {
      const namespace = metric.name.slice(0, -SUFFIXES.operations.length);
      for (const p of metric.points) {
        const op = p.attributes[ATTR_OPERATION];
        if (op === undefined || !('value' in p)) continue;
        const e = entry(namespace, String(op));
        if (e === undefined) continue;
        e.counted = true;
        e.total += p.value;
        if (p.attributes[ATTR_OPERATION_STATUS] === 'failure') e.errors += p.value;
      }
    } else if (
      metric.type === 'histogram' &&
      (metric.name.endsWith(SUFFIXES.duration) || metric.name === METRIC_HTTP_SERVER_REQUEST_DURATION)
    ) {
      const http = metric.name === METRIC_HTTP_SERVER_REQUEST_DURATION;
      const namespace = http ? 'http' : metric.name.slice(0, -SUFFIXES.duration.length);
      for (const p of metric.points) {
        if (!('count' in p)) continue;
        const a = p.attributes;
        const op = http
          ? `${String(a['http.request.method'] ?? '')} ${String(a['http.route'] ?? '')}`.trim()
          : a[ATTR_OPERATION];
        if (op === undefined) continue;
        const e = entry(namespace, String(op));
        if (e === undefined) continue;
        const buckets = toBuckets(p);
        if (buckets !== undefined) e.buckets = addBuckets(e.buckets, buckets);
        if (!e.counted) {
          e.total += p.count;
          const failed = http
            ? Number(a[ATTR_HTTP_RESPONSE_STATUS_CODE] ?? 0) >= 500
            : a[ATTR_OPERATION_STATUS] === 'failure';
          if (failed) e.errors += p.count;
        }
      }
    }
  }
  breakers.sort((a, b) => a.name.localeCompare(b.name));
  return { operations, breakers };
}
