import type { BatchObservableResult, Histogram, Meter, Observable } from '@opentelemetry/api';
import type { EventLoopMonitor } from './event-loop';
import type { ResolvedRuntimeMetricsOptions } from './options';
import type { SafeReader } from './safe-read';

/** What the instruments of one naming mode read from; created once by {@link startRuntimeMetrics}. */
export interface RuntimeSources {
  readonly options: ResolvedRuntimeMetricsOptions;
  readonly eventLoop: EventLoopMonitor;
  readonly reader: SafeReader;
  /** Whether `/proc/self/fd` and `/proc/self/status` exist (Linux). */
  readonly hasProcfs: boolean;
  /** Soft open-files limit read at start; `undefined` when unknown or unlimited (the metric is omitted). */
  readonly maxFds: number | undefined;
}

/** The instruments of one naming mode and the batch callback body that feeds them. */
export interface RuntimeRecorder {
  /** Every observable `observe()` may report; registered with the one batch callback. */
  readonly observables: readonly Observable[];
  /** Histogram fed by the GC observer. */
  readonly gcHistogram: Histogram;
  /** Attribute carrying the GC kind (`v8js.gc.type` or prom-client's `kind`). */
  readonly gcKindAttribute: string;
  /** Reads process state once and reports every observable; never throws. */
  observe(result: BatchObservableResult): void;
}

/** Creates the instruments of one naming mode on `meter`. */
export type RecorderFactory = (meter: Meter, sources: RuntimeSources) => RuntimeRecorder;

/** `process.versions.node` split into the parts prom-client's `nodejs_version_info` labels carry. */
export function nodeVersionParts(): { version: string; major: string; minor: string; patch: string } {
  const [major = '', minor = '', patch = ''] = process.versions.node.split('.');
  return { version: process.version, major, minor, patch };
}

/**
 * Memoizes attribute objects by key, so the callbacks (and the GC observer, which runs after every GC)
 * allocate one object per distinct value instead of one per observation.
 */
export function attributeCache<V>(make: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}
