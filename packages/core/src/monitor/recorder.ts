import type { Attributes, Context } from '@opentelemetry/api';
import type { BoundCounter, BoundGauge, BoundHistogram, BoundUpDownCounter } from '../meter/bound';
import type { MonitorInstruments } from './instruments';

/** Records the start and end of one operation (with fixed attributes). @internal */
export interface Recorder {
  start(): void;
  succeed(seconds: number, context: Context | undefined): void;
  fail(seconds: number, errorType: string, context: Context | undefined): void;
}

/**
 * Hot-path recorder with every series bound once: counters, in-flight and last-success cost a few
 * nanoseconds; the two duration histograms skip the attribute check. @internal
 */
export class BoundRecorder implements Recorder {
  private readonly active: BoundUpDownCounter;
  private readonly successes: BoundCounter;
  private readonly failures: BoundCounter;
  private readonly successDuration: BoundHistogram;
  private readonly failureDuration: BoundHistogram;
  private readonly lastSuccess: BoundGauge;
  private readonly errors = new Map<string, BoundCounter>();

  constructor(
    private readonly instruments: MonitorInstruments,
    private readonly attributes: Attributes,
  ) {
    const success = { ...attributes, status: 'success' };
    const failure = { ...attributes, status: 'failure' };
    this.active = instruments.active.bind(attributes);
    this.successes = instruments.operations.bind(success);
    this.failures = instruments.operations.bind(failure);
    this.successDuration = instruments.duration.bind(success);
    this.failureDuration = instruments.duration.bind(failure);
    this.lastSuccess = instruments.lastSuccess.bind(attributes);
  }

  start(): void {
    this.active.add(1);
  }

  succeed(seconds: number, context: Context | undefined): void {
    this.active.add(-1);
    this.successes.add(1);
    if (context === undefined) this.successDuration.record(seconds);
    else this.instruments.duration.record(seconds, { ...this.attributes, status: 'success' }, context);
    this.lastSuccess.record(Date.now() / 1000);
  }

  fail(seconds: number, errorType: string, context: Context | undefined): void {
    this.active.add(-1);
    this.failures.add(1);
    if (context === undefined) this.failureDuration.record(seconds);
    else this.instruments.duration.record(seconds, { ...this.attributes, status: 'failure' }, context);
    let errors = this.errors.get(errorType);
    if (errors === undefined) {
      // Error types come from code, so they are few; past 100 per operation the guard takes over.
      if (this.errors.size >= 100) {
        this.instruments.errors.add(1, { ...this.attributes, 'error.type': errorType });
        return;
      }
      errors = this.instruments.errors.bind({ ...this.attributes, 'error.type': errorType });
      this.errors.set(errorType, errors);
    }
    errors.add(1);
  }
}

/** Recorder for attribute sets too many to bind: every record goes through the guarded instruments. @internal */
export class UnboundRecorder implements Recorder {
  constructor(
    private readonly instruments: MonitorInstruments,
    private readonly attributes: Attributes,
  ) {}

  start(): void {
    this.instruments.active.add(1, this.attributes);
  }

  succeed(seconds: number, context: Context | undefined): void {
    const attributes = { ...this.attributes, status: 'success' };
    this.instruments.active.add(-1, this.attributes);
    this.instruments.operations.add(1, attributes);
    this.instruments.duration.record(seconds, attributes, context);
    this.instruments.lastSuccess.record(Date.now() / 1000, this.attributes);
  }

  fail(seconds: number, errorType: string, context: Context | undefined): void {
    const attributes = { ...this.attributes, status: 'failure' };
    this.instruments.active.add(-1, this.attributes);
    this.instruments.operations.add(1, attributes);
    this.instruments.duration.record(seconds, attributes, context);
    this.instruments.errors.add(1, { ...this.attributes, 'error.type': errorType });
  }
}
