import {
  type Attributes,
  type Context,
  context,
  diag,
  type Meter,
  type MetricOptions,
  metrics,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { otelkitError } from '../error-codes';
import type { BoundCounter, BoundGauge } from '../meter/bound';
import type {
  OtelkitCounter,
  OtelkitGauge,
  OtelkitHistogram,
  OtelkitUpDownCounter,
} from '../meter/instruments';
import { asOtelkitMeter } from '../meter/wrap';
import { BoundCache } from './bound-cache';
import { errorType } from './error-type';
import { createMonitorInstruments, type MonitorInstruments } from './instruments';
import { BoundRecorder, type Recorder, UnboundRecorder } from './recorder';

/** Options of {@link createOperationMonitor}. */
export interface OperationMonitorOptions {
  /** Prefix of every instrument: `sync` gives `sync.operations` (Prometheus `sync_operations_total`). */
  readonly namespace: string;
  /** Meter to use; default: the global meter `@otelkit/core`. */
  readonly meter?: Meter;
  /** Tracer for the span each `track()` opens; default: the global tracer `@otelkit/core`. */
  readonly tracer?: Tracer;
  /** Open a span per `track()` (it costs nothing while no tracer provider is registered). Default true. */
  readonly spans?: boolean;
}

/** A started operation, for work that does not fit one function call (events, callbacks). */
export interface OperationHandle {
  /** Ends the operation as a success. Later calls are ignored. */
  succeed(): void;
  /** Ends the operation as a failure, with `error.type` taken from `error`. Later calls are ignored. */
  fail(error: unknown): void;
}

/**
 * Metrics (and spans) for the work a service does: counts, durations, in-flight, errors by type,
 * items created/updated/deleted, queue depth and last success. See DESIGN.md for the metric names.
 */
export interface OperationMonitor {
  readonly namespace: string;
  /**
   * Runs `fn` as one operation: in-flight while it runs; on return (or promise resolution) counts a
   * success, records its duration and the last-success time; on throw (or rejection) counts a failure
   * and an error of the thrown error's type, then rethrows. Returns what `fn` returns.
   * @example
   * await monitor.track('sync_cycle', { source: 'github' }, () => syncAll());
   */
  track<T>(operation: string, fn: () => T): T;
  track<T>(operation: string, attributes: Attributes, fn: () => T): T;
  /** Starts an operation ended later by the returned handle. */
  begin(operation: string, attributes?: Attributes): OperationHandle;
  /**
   * Counts `count` items of `itemType` that `operation` `action`ed (`created`, `updated`, `deleted`, …),
   * with optional extra attributes (`{ source: 'github' }`) on the series.
   */
  recordItems(
    operation: string,
    itemType: string,
    action: string,
    count?: number,
    attributes?: Attributes,
  ): void;
  /** Sets the current depth of `queue`. */
  setQueueDepth(queue: string, depth: number): void;
  /** Counts an error of `errorType` in `operation` that did not end the operation (optional extra attributes). */
  recordError(operation: string, errorType: string, attributes?: Attributes): void;
  /** A counter named `<namespace>.<name>` from the same meter; `bind()` it for hot paths. */
  counter(name: string, options?: MetricOptions): OtelkitCounter;
  /** An up-down counter named `<namespace>.<name>`. */
  upDownCounter(name: string, options?: MetricOptions): OtelkitUpDownCounter;
  /** A gauge named `<namespace>.<name>`. */
  gauge(name: string, options?: MetricOptions): OtelkitGauge;
  /** A histogram named `<namespace>.<name>` (unit `s` gets seconds buckets). */
  histogram(name: string, options?: MetricOptions): OtelkitHistogram;
}

const NAMESPACE = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const CACHE_SIZE = 1000;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function'
  );
}

function cacheKey(operation: string, attributes: Attributes | undefined): string {
  if (attributes === undefined) return operation;
  const keys = Object.keys(attributes);
  if (keys.length === 0) return operation;
  keys.sort();
  let key = operation;
  for (const k of keys) key += `\u0000${k}\u0001${String(attributes[k])}`;
  return key;
}

class Monitor implements OperationMonitor {
  private readonly instruments: MonitorInstruments;
  private readonly recorders = new BoundCache<Recorder>(CACHE_SIZE);
  private readonly items = new BoundCache<BoundCounter>(CACHE_SIZE);
  private readonly queues = new BoundCache<BoundGauge>(CACHE_SIZE);
  private readonly errorCounters = new BoundCache<BoundCounter>(CACHE_SIZE);
  private readonly tracer: Tracer | undefined;

  constructor(
    readonly namespace: string,
    private readonly meter: ReturnType<typeof asOtelkitMeter>,
    tracer: Tracer | undefined,
  ) {
    this.instruments = createMonitorInstruments(meter, namespace);
    this.tracer = tracer;
  }

  private recorder(operation: string, attributes: Attributes | undefined): Recorder {
    const all = attributes === undefined ? { operation } : { ...attributes, operation };
    const durationName = `${this.namespace}.operation.duration`;
    const cached = this.recorders.get(
      cacheKey(operation, attributes),
      () => new BoundRecorder(this.instruments, all, durationName),
    );
    return cached ?? new UnboundRecorder(this.instruments, all);
  }

  track<T>(operation: string, attributesOrFn: Attributes | (() => T), maybeFn?: () => T): T {
    const fn = typeof attributesOrFn === 'function' ? attributesOrFn : maybeFn;
    const attributes = typeof attributesOrFn === 'function' ? undefined : attributesOrFn;
    if (typeof fn !== 'function') {
      throw new TypeError(`otelkit: monitor.track("${operation}") needs a function to run`);
    }
    const recorder = this.recorder(operation, attributes);
    const span = this.tracer?.startSpan(operation, {
      attributes: { ...attributes, 'otelkit.operation': operation },
    });
    const ctx: Context | undefined = span?.isRecording() ? trace.setSpan(context.active(), span) : undefined;
    const started = performance.now();
    recorder.start();
    const fail = (error: unknown) => {
      const type = errorType(error);
      recorder.fail((performance.now() - started) / 1000, type, ctx);
      if (span !== undefined) {
        if (error instanceof Error) span.recordException(error);
        span.setAttribute('error.type', type);
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        span.end();
      }
    };
    const succeed = () => {
      recorder.succeed((performance.now() - started) / 1000, ctx);
      span?.end();
    };
    let result: T;
    try {
      result = ctx === undefined ? fn() : context.with(ctx, fn);
    } catch (error) {
      fail(error);
      throw error;
    }
    if (isThenable(result)) {
      return result.then(
        (value) => {
          succeed();
          return value;
        },
        (error: unknown) => {
          fail(error);
          throw error;
        },
      ) as T;
    }
    succeed();
    return result;
  }

  begin(operation: string, attributes?: Attributes): OperationHandle {
    const recorder = this.recorder(operation, attributes);
    const started = performance.now();
    let done = false;
    recorder.start();
    return {
      succeed: () => {
        if (done) return;
        done = true;
        recorder.succeed((performance.now() - started) / 1000, undefined);
      },
      fail: (error: unknown) => {
        if (done) return;
        done = true;
        recorder.fail((performance.now() - started) / 1000, errorType(error), undefined);
      },
    };
  }

  recordItems(operation: string, itemType: string, action: string, count = 1, extra?: Attributes): void {
    const attributes = { ...extra, operation, 'item.type': itemType, 'item.action': action };
    const bound = this.items.get(cacheKey(`${operation}\u0000${itemType}\u0000${action}`, extra), () =>
      this.instruments.items.bind(attributes),
    );
    if (bound === undefined) this.instruments.items.add(count, attributes);
    else bound.add(count);
  }

  setQueueDepth(queue: string, depth: number): void {
    const bound = this.queues.get(queue, () => this.instruments.queueDepth.bind({ queue }));
    if (bound === undefined) this.instruments.queueDepth.record(depth, { queue });
    else bound.record(depth);
  }

  recordError(operation: string, type: string, extra?: Attributes): void {
    const attributes = { ...extra, operation, 'error.type': type };
    const bound = this.errorCounters.get(cacheKey(`${operation}\u0000${type}`, extra), () =>
      this.instruments.errors.bind(attributes),
    );
    if (bound === undefined) this.instruments.errors.add(1, attributes);
    else bound.add(1);
  }

  counter(name: string, options?: MetricOptions): OtelkitCounter {
    return this.meter.createCounter(`${this.namespace}.${name}`, options);
  }

  upDownCounter(name: string, options?: MetricOptions): OtelkitUpDownCounter {
    return this.meter.createUpDownCounter(`${this.namespace}.${name}`, options);
  }

  gauge(name: string, options?: MetricOptions): OtelkitGauge {
    return this.meter.createGauge(`${this.namespace}.${name}`, options);
  }

  histogram(name: string, options?: MetricOptions): OtelkitHistogram {
    return this.meter.createHistogram(`${this.namespace}.${name}`, options);
  }
}

/**
 * Creates an operation monitor. Create it after `startTelemetry()` (or under the preload): the
 * OpenTelemetry API hands out no-op meters until a provider is registered.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_NAMESPACE` when the namespace is not a metric-name prefix.
 * @example
 * const monitor = createOperationMonitor({ namespace: 'sync' });
 * await monitor.track('sync_cycle', async () => { monitor.recordItems('sync_cycle', 'repo', 'created', 2); });
 */
export function createOperationMonitor(options: OperationMonitorOptions): OperationMonitor {
  const ns = options?.namespace;
  if (typeof ns !== 'string' || !NAMESPACE.test(ns)) {
    throw otelkitError('INVALID_NAMESPACE', {
      value: String(JSON.stringify(ns)),
      expected: 'a letter then letters, digits or _ (at most 64)',
    });
  }
  const meter = asOtelkitMeter(options.meter ?? metrics.getMeter('@otelkit/core'));
  const tracer = options.spans === false ? undefined : (options.tracer ?? trace.getTracer('@otelkit/core'));
  diag.debug(`otelkit: operation monitor "${ns}" created`);
  return new Monitor(ns, meter, tracer);
}
