import type { Attributes, Counter, Gauge, Histogram, UpDownCounter } from '@opentelemetry/api';
import { validValue } from './values';

/**
 * A counter with its attributes bound once. `add()` only adds to a number in memory (a few
 * nanoseconds, no attribute hashing); the sum is handed to the OpenTelemetry counter when metrics are
 * collected, so it is exported like any other measurement.
 */
export interface BoundCounter {
  /** Adds a non-negative finite value; anything else is dropped with a `diag.warn`. */
  add(value?: number): void;
}

/** An up-down counter with its attributes bound once; see {@link BoundCounter}. */
export interface BoundUpDownCounter {
  /** Adds a finite value (may be negative). */
  add(value?: number): void;
}

/** A gauge with its attributes bound once: the last value set is reported at collection. */
export interface BoundGauge {
  /** Sets the current value. */
  record(value: number): void;
}

/** A histogram with its attributes bound once: skips re-validating the attributes on each record. */
export interface BoundHistogram {
  /** Records a non-negative finite value. */
  record(value: number): void;
}

/** Something with state to hand to its instrument at collection. */
export interface Flushable {
  flush(): void;
}

/** @internal */
export class BoundCounterImpl implements BoundCounter, Flushable {
  private pending = 0;

  constructor(
    private readonly counter: Counter,
    private readonly attributes: Attributes,
    private readonly name: string,
  ) {
    // The series exists (at 0) from the moment it is bound, so rate() and ratios work before the first event.
    counter.add(0, attributes);
  }

  add(value = 1): void {
    if (typeof value === 'number' && value >= 0 && value !== Number.POSITIVE_INFINITY) this.pending += value;
    else validValue(this.name, value, true);
  }

  flush(): void {
    if (this.pending === 0) return;
    const value = this.pending;
    this.pending = 0;
    this.counter.add(value, this.attributes);
  }
}

/** @internal */
export class BoundUpDownCounterImpl implements BoundUpDownCounter, Flushable {
  private pending = 0;

  constructor(
    private readonly counter: UpDownCounter,
    private readonly attributes: Attributes,
    private readonly name: string,
  ) {
    counter.add(0, attributes);
  }

  add(value = 1): void {
    if (typeof value === 'number' && value - value === 0) this.pending += value;
    else validValue(this.name, value, false);
  }

  flush(): void {
    if (this.pending === 0) return;
    const value = this.pending;
    this.pending = 0;
    this.counter.add(value, this.attributes);
  }
}

/** @internal */
export class BoundGaugeImpl implements BoundGauge, Flushable {
  private value = 0;
  private dirty = false;

  constructor(
    private readonly gauge: Gauge,
    private readonly attributes: Attributes,
    private readonly name: string,
  ) {}

  record(value: number): void {
    if (typeof value === 'number' && value - value === 0) {
      this.value = value;
      this.dirty = true;
    } else validValue(this.name, value, false);
  }

  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.gauge.record(this.value, this.attributes);
  }
}

/** @internal */
export class BoundHistogramImpl implements BoundHistogram {
  constructor(
    private readonly histogram: Histogram,
    private readonly attributes: Attributes,
    private readonly name: string,
  ) {}

  record(value: number): void {
    if (validValue(this.name, value, true)) this.histogram.record(value, this.attributes);
  }
}
