import type { Attributes, BatchObservableResult } from '@opentelemetry/api';
import type { BreakerInstruments, CollectableBreaker, MeterBinding } from './instruments';
import type { BreakerCounts } from './snapshot';
import { type BreakerStateName, STATE_NAMES } from './state';

/** Outcomes of the calls counter, in the order of {@link BreakerCounts}. */
export const OUTCOMES = Object.freeze(['success', 'failure', 'timeout', 'rejected', 'fallback'] as const);

/** Index of an attempted call's outcome in the duration buffer. */
export const DURATION_SUCCESS = 0;
export const DURATION_FAILURE = 1;
export const DURATION_TIMEOUT = 2;

/** Durations buffered per breaker before they are recorded into the histogram. */
export const DURATION_BUFFER_SIZE = 512;

interface TransitionCount {
  readonly attrs: Attributes;
  count: number;
}

/** A histogram that can pre-bind its attributes (otelkit's, structurally). */
interface BindableHistogram {
  bind(attributes: Attributes): { record(value: number): void };
}

const STANDARD_TRANSITIONS: ReadonlyArray<readonly [BreakerStateName, BreakerStateName]> = [
  ['closed', 'open'],
  ['open', 'half-open'],
  ['half-open', 'closed'],
  ['half-open', 'open'],
];

/**
 * The per-breaker half of the metrics: pre-built frozen attribute objects, transition counts, and a
 * preallocated duration buffer. Nothing here hashes attributes or allocates per call; the buffer is
 * recorded into the SDK histogram at collection time (or synchronously when it is full).
 */
export class BreakerMetrics {
  private readonly stateAttrs: readonly Attributes[];
  private readonly outcomeAttrs: readonly Attributes[];
  private readonly durationAttrs: readonly Attributes[];
  private readonly transitions = new Map<string, TransitionCount>();
  private readonly durations = new Float64Array(DURATION_BUFFER_SIZE);
  private readonly kinds = new Uint8Array(DURATION_BUFFER_SIZE);
  private length = 0;
  private handle: WeakRef<CollectableBreaker> | undefined;
  /** Bound duration series, when the meter's histograms can be bound (an otelkit meter). */
  private readonly bound: ReadonlyArray<{ record(value: number): void }> | undefined;

  constructor(
    private readonly name: string,
    private readonly binding: MeterBinding,
    private readonly histogram: boolean,
  ) {
    this.stateAttrs = STATE_NAMES.map((state) => Object.freeze({ name, state }));
    this.outcomeAttrs = OUTCOMES.map((outcome) => Object.freeze({ name, outcome }));
    this.durationAttrs = OUTCOMES.slice(0, 3).map((outcome) => Object.freeze({ name, outcome }));
    // An otelkit meter's histograms aggregate in process and can be bound: then a duration costs a few
    // nanoseconds and needs no buffer. Detected by shape, so this package still depends on the API only.
    const duration = binding.instruments.duration as Partial<BindableHistogram>;
    this.bound =
      histogram && typeof duration.bind === 'function'
        ? this.durationAttrs.map((attrs) => (duration as BindableHistogram).bind(attrs))
        : undefined;
    // The normal transitions are reported from the start (at 0), so increase() and dashboards see the
    // series before the first trip, as Prometheus users initialise label sets.
    for (const [from, to] of STANDARD_TRANSITIONS) {
      this.transitions.set(`${from}>${to}`, { attrs: Object.freeze({ name, from, to }), count: 0 });
    }
  }

  /** Starts reporting `owner` through the meter. */
  attach(owner: CollectableBreaker): void {
    if (this.handle === undefined) this.handle = this.binding.add(owner);
  }

  /** Flushes buffered durations and stops reporting. */
  detach(): void {
    this.flush();
    if (this.handle !== undefined) this.binding.remove(this.handle);
    this.handle = undefined;
  }

  /** Buffers one call duration (ms) of kind `DURATION_*`. */
  recordDuration(ms: number, kind: number): void {
    if (!this.histogram) return;
    if (this.bound !== undefined) {
      this.bound[kind]!.record(ms / 1000);
      return;
    }
    if (this.length === DURATION_BUFFER_SIZE) this.flush();
    this.durations[this.length] = ms;
    this.kinds[this.length] = kind;
    this.length++;
  }

  /** Counts one transition. */
  countTransition(from: BreakerStateName, to: BreakerStateName): void {
    const key = `${from}>${to}`;
    const entry = this.transitions.get(key);
    if (entry !== undefined) entry.count++;
    else this.transitions.set(key, { attrs: Object.freeze({ name: this.name, from, to }), count: 1 });
  }

  /** Records buffered durations into the histogram, in seconds. */
  flush(): void {
    const histogram = this.binding.instruments.duration;
    const n = this.length;
    this.length = 0;
    for (let i = 0; i < n; i++) histogram.record(this.durations[i] / 1000, this.durationAttrs[this.kinds[i]]);
  }

  /** Observes state, counts and transitions, and flushes durations. */
  collect(
    result: BatchObservableResult,
    instruments: BreakerInstruments,
    state: BreakerStateName,
    counts: BreakerCounts,
  ): void {
    for (let i = 0; i < STATE_NAMES.length; i++) {
      result.observe(instruments.state, STATE_NAMES[i] === state ? 1 : 0, this.stateAttrs[i]);
    }
    const values = [counts.success, counts.failure, counts.timeout, counts.rejected, counts.fallback];
    for (let i = 0; i < values.length; i++)
      result.observe(instruments.calls, values[i], this.outcomeAttrs[i]);
    for (const entry of this.transitions.values())
      result.observe(instruments.transitions, entry.count, entry.attrs);
    this.flush();
  }
}
