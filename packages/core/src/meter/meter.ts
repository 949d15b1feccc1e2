import type {
  BatchObservableCallback,
  Meter,
  MetricOptions,
  Observable,
  ObservableCounter,
  ObservableGauge,
  ObservableUpDownCounter,
} from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import { InstrumentType } from '@opentelemetry/sdk-metrics';
import type { Stream, ViewResolver } from '../views/resolve';
import type { Flushable } from './bound';
import { SECONDS_BUCKETS } from './buckets';
import { DroppedInstrument } from './dropped';
import { CardinalityGuard } from './guard';
import {
  GuardedCounter,
  GuardedGauge,
  GuardedHistogram,
  GuardedUpDownCounter,
  type OtelkitCounter,
  type OtelkitGauge,
  type OtelkitHistogram,
  type OtelkitUpDownCounter,
} from './instruments';
import { LocalGauge } from './local-gauge';
import { DEFAULT_BOUNDARIES, LocalHistogram } from './local-histogram';
import type { AttributesRewrite, LocalInstrument } from './local-instrument';
import type { LocalInstrumentRegistry } from './local-registry';
import { LocalSum } from './local-sum';

/** An OpenTelemetry `Meter` whose synchronous instruments are guarded and can be bound. */
export interface OtelkitMeter extends Meter {
  createCounter(name: string, options?: MetricOptions): OtelkitCounter;
  createUpDownCounter(name: string, options?: MetricOptions): OtelkitUpDownCounter;
  createGauge(name: string, options?: MetricOptions): OtelkitGauge;
  createHistogram(name: string, options?: MetricOptions): OtelkitHistogram;
}

/** Collects the guards of every instrument, for the self-metrics. */
export interface GuardRegistry {
  readonly limit: number;
  add(guard: CardinalityGuard): void;
  /**
   * Where in-process instruments are registered for export (`startTelemetry()` sets it); without it,
   * synchronous instruments record through the SDK and bound ones are flushed into it at collection.
   */
  readonly local?: LocalInstrumentRegistry;
  /** The user's views, resolved once per in-process instrument (none without it). */
  readonly views?: ViewResolver;
}

const DEFAULT_STREAM: Stream = Object.freeze({ kind: 'default' });
const SDK_STREAM: Stream = Object.freeze({ kind: 'sdk', limit: undefined });

/** The SDK's default boundaries, or seconds buckets for unit `s`, unless the instrument advises its own. */
function boundariesFor(options: MetricOptions | undefined): readonly number[] {
  const advised = options?.advice?.explicitBucketBoundaries;
  if (advised !== undefined) return [...advised].sort((a, b) => a - b);
  return options?.unit === 's' ? SECONDS_BUCKETS : DEFAULT_BOUNDARIES;
}

/** Histograms in seconds get seconds-scale buckets unless the caller advised its own. */
function withSecondsBuckets(options: MetricOptions | undefined): MetricOptions | undefined {
  if (options?.unit !== 's' || options.advice?.explicitBucketBoundaries !== undefined) return options;
  return { ...options, advice: { ...options.advice, explicitBucketBoundaries: [...SECONDS_BUCKETS] } };
}

/**
 * Wraps one SDK meter: instruments are created once per name and kind, pass every measurement
 * through a {@link CardinalityGuard}, and bound instruments are flushed into their SDK instrument by
 * an observable callback, which the SDK runs before it collects the meter's synchronous instruments.
 * @internal
 */
export class GuardedMeter implements OtelkitMeter {
  private readonly instruments = new Map<string, unknown>();
  private readonly flushables: Flushable[] = [];
  private flushHooked = false;

  constructor(
    private readonly inner: Meter,
    private readonly guards: GuardRegistry,
    private readonly scope: InstrumentationScope = { name: 'unknown' },
  ) {}

  private cached<T>(kind: string, name: string, make: (guard: CardinalityGuard) => T, limit?: number): T {
    const key = `${kind}\u0000${name}`;
    const existing = this.instruments.get(key);
    if (existing !== undefined) return existing as T;
    const guard = new CardinalityGuard(name, limit ?? this.guards.limit);
    this.guards.add(guard);
    const made = make(guard);
    this.instruments.set(key, made);
    return made;
  }

  private readonly register = (bound: Flushable): void => {
    this.flushables.push(bound);
    if (this.flushHooked) return;
    this.flushHooked = true;
    const gauge = this.inner.createObservableGauge('otelkit.bound_series', {
      description:
        'Bound instrument series of this meter, flushed into their instruments at each collection.',
    });
    this.inner.addBatchObservableCallback(
      (result) => {
        const list = this.flushables;
        for (let i = 0; i < list.length; i++) list[i]!.flush();
        result.observe(gauge, list.length);
      },
      [gauge],
    );
  };

  /** Registers a new in-process instrument under this meter's scope. */
  private local<T extends LocalInstrument>(instrument: T): T {
    this.guards.local?.add(this.scope, instrument);
    return instrument;
  }

  /**
   * The stream of a new synchronous instrument: in process unless there is no registry, or a view asks
   * for something only the SDK aggregates (then the SDK, which has the same views, records it).
   */
  private stream(type: InstrumentType, name: string, options: MetricOptions | undefined): Stream {
    if (this.guards.local === undefined) return SDK_STREAM;
    return this.guards.views?.resolve(type, name, options?.unit ?? '', this.scope) ?? DEFAULT_STREAM;
  }

  /** Creates (once per kind and name) the in-process, dropped or SDK-recorded instrument. */
  private create<T>(
    kind: InstrumentType,
    name: string,
    options: MetricOptions | undefined,
    viaSdk: (guard: CardinalityGuard) => T,
    inProcess: (
      guard: CardinalityGuard,
      name: string,
      description: string,
      rewrite?: AttributesRewrite,
    ) => T & LocalInstrument,
  ): T {
    const stream = this.stream(kind, name, options);
    if (stream.kind === 'drop') return this.cached(kind, name, () => new DroppedInstrument() as T);
    if (stream.kind === 'sdk') return this.cached(kind, name, viaSdk, stream.limit);
    if (stream.kind === 'default')
      return this.cached(kind, name, (g) => this.local(inProcess(g, name, options?.description ?? '')));
    return this.cached(
      kind,
      name,
      (g) =>
        this.local(
          inProcess(
            g,
            stream.name ?? name,
            stream.description ?? options?.description ?? '',
            stream.attributes,
          ),
        ),
      stream.limit,
    );
  }

  createCounter(name: string, options?: MetricOptions): OtelkitCounter {
    return this.create<OtelkitCounter>(
      InstrumentType.COUNTER,
      name,
      options,
      (g) => new GuardedCounter(this.inner.createCounter(name, options), g, this.register),
      (g, n, d, r) => new LocalSum(n, d, options?.unit ?? '', true, g, r),
    );
  }

  createUpDownCounter(name: string, options?: MetricOptions): OtelkitUpDownCounter {
    return this.create<OtelkitUpDownCounter>(
      InstrumentType.UP_DOWN_COUNTER,
      name,
      options,
      (g) => new GuardedUpDownCounter(this.inner.createUpDownCounter(name, options), g, this.register),
      (g, n, d, r) => new LocalSum(n, d, options?.unit ?? '', false, g, r),
    );
  }

  createGauge(name: string, options?: MetricOptions): OtelkitGauge {
    return this.create<OtelkitGauge>(
      InstrumentType.GAUGE,
      name,
      options,
      (g) => new GuardedGauge(this.inner.createGauge(name, options), g, this.register),
      (g, n, d, r) => new LocalGauge(n, d, options?.unit ?? '', g, r),
    );
  }

  createHistogram(name: string, options?: MetricOptions): OtelkitHistogram {
    const stream = this.stream(InstrumentType.HISTOGRAM, name, options);
    const boundaries = (stream.kind === 'view' ? stream.boundaries : undefined) ?? boundariesFor(options);
    return this.create<OtelkitHistogram>(
      InstrumentType.HISTOGRAM,
      name,
      options,
      (g) => new GuardedHistogram(this.inner.createHistogram(name, withSecondsBuckets(options)), g),
      (g, n, d, r) => new LocalHistogram(n, d, options?.unit ?? '', boundaries, g, r),
    );
  }

  createObservableGauge(name: string, options?: MetricOptions): ObservableGauge {
    return this.inner.createObservableGauge(name, options);
  }

  createObservableCounter(name: string, options?: MetricOptions): ObservableCounter {
    return this.inner.createObservableCounter(name, options);
  }

  createObservableUpDownCounter(name: string, options?: MetricOptions): ObservableUpDownCounter {
    return this.inner.createObservableUpDownCounter(name, options);
  }

  addBatchObservableCallback(callback: BatchObservableCallback, observables: Observable[]): void {
    this.inner.addBatchObservableCallback(callback, observables);
  }

  removeBatchObservableCallback(callback: BatchObservableCallback, observables: Observable[]): void {
    this.inner.removeBatchObservableCallback(callback, observables);
  }
}
