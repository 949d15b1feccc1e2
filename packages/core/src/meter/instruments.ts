import type { Attributes, Context, Counter, Gauge, Histogram, UpDownCounter } from '@opentelemetry/api';
import {
  type BoundCounter,
  BoundCounterImpl,
  type BoundGauge,
  BoundGaugeImpl,
  type BoundHistogram,
  BoundHistogramImpl,
  type BoundUpDownCounter,
  BoundUpDownCounterImpl,
  type Flushable,
} from './bound';
import type { CardinalityGuard } from './guard';
import { validValue } from './values';

/** Registers bound instruments for flushing at collection; provided by the meter. */
export type FlushRegistry = (bound: Flushable) => void;

/** An OpenTelemetry counter that can also be bound to fixed attributes for hot paths. */
export interface OtelkitCounter extends Counter {
  /** Pre-binds `attributes`; see {@link BoundCounter}. */
  bind(attributes?: Attributes): BoundCounter;
}

/** An OpenTelemetry up-down counter that can also be bound. */
export interface OtelkitUpDownCounter extends UpDownCounter {
  /** Pre-binds `attributes`; see {@link BoundUpDownCounter}. */
  bind(attributes?: Attributes): BoundUpDownCounter;
}

/** An OpenTelemetry gauge that can also be bound. */
export interface OtelkitGauge extends Gauge {
  /** Pre-binds `attributes`; see {@link BoundGauge}. */
  bind(attributes?: Attributes): BoundGauge;
}

/** An OpenTelemetry histogram that can also be bound. */
export interface OtelkitHistogram extends Histogram {
  /** Pre-binds `attributes`; see {@link BoundHistogram}. */
  bind(attributes?: Attributes): BoundHistogram;
}

/** Freezes a copy of bound attributes after passing them through the guard once. */
function bindAttributes(guard: CardinalityGuard, attributes: Attributes | undefined): Attributes {
  return Object.freeze({ ...guard.admit(attributes) });
}

/** @internal */
export class GuardedCounter implements OtelkitCounter {
  constructor(
    private readonly inner: Counter,
    readonly guard: CardinalityGuard,
    private readonly register: FlushRegistry,
  ) {}

  add(value: number, attributes?: Attributes, context?: Context): void {
    if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
      validValue(this.guard.instrument, value, true);
      return;
    }
    this.inner.add(value, this.guard.admit(attributes), context);
  }

  bind(attributes?: Attributes): BoundCounter {
    const bound = new BoundCounterImpl(
      this.inner,
      bindAttributes(this.guard, attributes),
      this.guard.instrument,
    );
    this.register(bound);
    return bound;
  }
}

/** @internal */
export class GuardedUpDownCounter implements OtelkitUpDownCounter {
  constructor(
    private readonly inner: UpDownCounter,
    readonly guard: CardinalityGuard,
    private readonly register: FlushRegistry,
  ) {}

  add(value: number, attributes?: Attributes, context?: Context): void {
    if (typeof value !== 'number' || value - value !== 0) {
      validValue(this.guard.instrument, value, false);
      return;
    }
    this.inner.add(value, this.guard.admit(attributes), context);
  }

  bind(attributes?: Attributes): BoundUpDownCounter {
    const bound = new BoundUpDownCounterImpl(
      this.inner,
      bindAttributes(this.guard, attributes),
      this.guard.instrument,
    );
    this.register(bound);
    return bound;
  }
}

/** @internal */
export class GuardedGauge implements OtelkitGauge {
  constructor(
    private readonly inner: Gauge,
    readonly guard: CardinalityGuard,
    private readonly register: FlushRegistry,
  ) {}

  record(value: number, attributes?: Attributes, context?: Context): void {
    if (typeof value !== 'number' || value - value !== 0) {
      validValue(this.guard.instrument, value, false);
      return;
    }
    this.inner.record(value, this.guard.admit(attributes), context);
  }

  bind(attributes?: Attributes): BoundGauge {
    const bound = new BoundGaugeImpl(
      this.inner,
      bindAttributes(this.guard, attributes),
      this.guard.instrument,
    );
    this.register(bound);
    return bound;
  }
}

/** @internal */
export class GuardedHistogram implements OtelkitHistogram {
  constructor(
    private readonly inner: Histogram,
    readonly guard: CardinalityGuard,
  ) {}

  record(value: number, attributes?: Attributes, context?: Context): void {
    if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
      validValue(this.guard.instrument, value, true);
      return;
    }
    this.inner.record(value, this.guard.admit(attributes), context);
  }

  bind(attributes?: Attributes): BoundHistogram {
    return new BoundHistogramImpl(this.inner, bindAttributes(this.guard, attributes), this.guard.instrument);
  }
}
