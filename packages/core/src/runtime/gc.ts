import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { Histogram } from '@opentelemetry/api';
import { attributeCache } from './recorder';

/** GC kinds as `v8js.gc.type` / prom-client's `kind` label values. */
export type GcKind = 'major' | 'minor' | 'incremental' | 'weakcb' | 'unknown';

const KINDS = new Map<number, GcKind>([
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weakcb'],
]);

/** The GC kind of a `gc` performance entry's `detail` (Node.js >= 16 puts it in `detail.kind`). */
export function gcKind(detail: unknown): GcKind {
  const kind: unknown =
    typeof detail === 'object' && detail !== null ? Reflect.get(detail, 'kind') : undefined;
  return (typeof kind === 'number' && KINDS.get(kind)) || 'unknown';
}

/**
 * Records every GC pause into `histogram` (seconds) with the kind under `kindAttribute`, from a
 * `PerformanceObserver({ entryTypes: ['gc'] })`. Observers hold no libuv handle, so this never keeps the
 * process alive. Returns the function that disconnects the observer.
 */
export function observeGc(histogram: Histogram, kindAttribute: string): () => void {
  const attributesOf = attributeCache((kind) => ({ [kindAttribute]: kind }));
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      histogram.record(entry.duration / 1e3, attributesOf(gcKind(Reflect.get(entry, 'detail'))));
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}
