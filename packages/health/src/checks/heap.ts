import type * as NodeV8 from 'node:v8';
import { type ReconfigurableCheck, reconfigurable } from './reconfigurable';
import { rateHigh, ratio } from './thresholds';

/** `node:v8`, loaded on first use: start-up does not need it. */
let v8: typeof NodeV8 | undefined;
const nodeV8 = (): typeof NodeV8 => (v8 ??= require('node:v8') as typeof NodeV8);

/** Options of {@link heapCheck}. */
export interface HeapCheckOptions {
  /** Warn when used heap / heap limit reaches this ratio. Default `0.85`. */
  readonly warnRatio?: number;
  /** Fail at this ratio. Default `0.95`. */
  readonly failRatio?: number;
}

/**
 * V8 heap in use against the heap limit (`--max-old-space-size`). Observed value in percent.
 * @example
 * health.registerCheck('memory:heap', heapCheck({ warnRatio: 0.8, failRatio: 0.95 }), { kind: 'liveness' });
 */
export function heapCheck(options: HeapCheckOptions = {}): ReconfigurableCheck<HeapCheckOptions> {
  const resolve = (o: HeapCheckOptions) => ({
    warn: ratio('heapCheck warnRatio', o.warnRatio ?? 0.85),
    fail: ratio('heapCheck failRatio', o.failRatio ?? 0.95),
  });
  return reconfigurable(options, resolve, (current) => () => {
    const { warn, fail } = current();
    const heap = nodeV8().getHeapStatistics();
    const used = heap.used_heap_size / heap.heap_size_limit;
    const status = rateHigh(used, warn, fail);
    const percent = Math.round(used * 1000) / 10;
    return {
      status,
      observedValue: percent,
      observedUnit: 'percent',
      ...(status === 'pass'
        ? {}
        : {
            output: `heap ${percent} % used (${Math.round(heap.used_heap_size / 1048576)} of ${Math.round(heap.heap_size_limit / 1048576)} MiB)`,
          }),
    };
  });
}
