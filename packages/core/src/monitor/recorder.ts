import { type Attributes, type Context, trace } from '@opentelemetry/api';
import { exemplars } from '../exemplars/store';
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
  private readonly success: Attributes;
  private readonly failure: Attributes;

  constructor(
    private readonly instruments: MonitorInstruments,
    private readonly attributes: Attributes,
    private readonly durationName: string,
  ) {
    const success = { ...attributes, status: 'success' };
    const failure = { ...attributes, status: 'failure' };
    this.success = success;
    this.failure = failure;
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
    this.successDuration.record(seconds);
    if (context !== undefined) offerExemplar(this.durationName, this.success, seconds, context);
    this.lastSuccess.record(Date.now() / 1000);
  }

  fail(seconds: number, errorType: string, context: Context | undefined): void {
    this.active.add(-1);
    this.failures.add(1);
    this.failureDuration.record(seconds);
    if (context !== undefined) offerExemplar(this.durationName, this.failure, seconds, context);
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

/** Keeps the span of a sampled operation as an exemplar of its duration. */
function offerExemplar(instrument: string, attributes: Attributes, seconds: number, context: Context): void {
  const span = trace.getSpanContext(context);
  if (span !== undefined && (span.traceFlags & 1) === 1)
    exemplars.offer(instrument, attributes, seconds, span);
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
