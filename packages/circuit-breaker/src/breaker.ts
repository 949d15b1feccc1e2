import type { BatchObservableResult } from '@opentelemetry/api';
import { diag, metrics } from '@opentelemetry/api';
import { BreakerMetrics, DURATION_FAILURE, DURATION_SUCCESS, DURATION_TIMEOUT } from './breaker-metrics';
import { delist, enlist } from './directory';
import {
  CircuitOpenError,
  CircuitTimeoutError,
  InvalidBreakerOptionError,
  isCircuitTimeoutError,
} from './errors';
import { type BreakerEventName, type BreakerEvents, Emitter } from './events';
import { type BreakerHealthOptions, type BreakerHealthResult, breakerHealthCheck } from './health-check';
import { type BreakerInstruments, bindingFor, type CollectableBreaker, METER_NAME } from './instruments';
import {
  type CircuitBreakerOptions,
  openDurationFor,
  RELOADABLE_OPTIONS,
  type ReloadableOption,
  type ResolvedBreakerOptions,
  resolveBreakerOptions,
} from './options';
import { RollingWindow } from './rolling-window';
import { type BreakerCounts, type BreakerSnapshot, restoreState } from './snapshot';
import { type BreakerState, type BreakerStateName, CLOSED, DISABLED, ISOLATED } from './state';
import { NEVER_ABORTED, type Protected, TimeoutScheduler } from './timeout';
import { spanRejected, spanStateChange } from './tracing';

/**
 * A circuit breaker. Build one with {@link createCircuitBreaker}.
 *
 * Every transition bumps an epoch; a call's outcome moves the state machine only if no transition
 * happened while it ran. So failures that were already in flight when the circuit opened cannot push
 * the half-open time back, and calls started while closed cannot count as half-open probes.
 */
export class CircuitBreaker implements CollectableBreaker {
  /** The breaker's name (the `name` attribute of its metrics). */
  readonly name: string;
  private options: ResolvedBreakerOptions;
  private given: CircuitBreakerOptions;
  private current: BreakerState;
  private epoch = 0;
  private consecutive = 0;
  private window: RollingWindow | undefined;
  private slowMs: number;
  private readonly emitter = new Emitter();
  private readonly telemetry: BreakerMetrics | undefined;
  private scheduler: TimeoutScheduler | undefined;
  private readonly makeTimeoutError: () => Error;
  private readonly listing: WeakRef<CircuitBreaker>;
  private nSuccess = 0;
  private nFailure = 0;
  private nTimeout = 0;
  private nRejected = 0;
  private nFallback = 0;

  /** Prefer {@link createCircuitBreaker}; throws `OTELKIT_ERR_INVALID_BREAKER_OPTION` for bad options. */
  constructor(name: string, options: CircuitBreakerOptions = {}) {
    this.options = resolveBreakerOptions(name, options);
    this.given = options;
    this.name = name;
    const o = this.options;
    this.current = restoreState(o.initialState, o.openDurationMs, Date.now());
    this.window =
      o.failureRate !== undefined || o.slowCall !== undefined ? new RollingWindow(o.windowMs) : undefined;
    this.slowMs = o.slowCall?.durationMs ?? Number.POSITIVE_INFINITY;
    this.scheduler = o.timeoutMs > 0 ? new TimeoutScheduler(o.timeoutMs) : undefined;
    this.makeTimeoutError = () => new CircuitTimeoutError(name, this.options.timeoutMs);
    if (o.onStateChange !== undefined) this.emitter.on('stateChange', o.onStateChange);
    if (o.metrics) {
      const binding = bindingFor(o.meter ?? metrics.getMeter(METER_NAME));
      this.telemetry = new BreakerMetrics(name, binding, o.durationHistogram);
      this.telemetry.attach(this);
    }
    this.listing = enlist(this);
  }

  /**
   * Validates new thresholds for this breaker and returns a function that applies them (for a live
   * reload, where every breaker is checked before any changes). The state and the counts are kept;
   * calls already running keep the timeout they started with. Only the thresholds in
   * {@link RELOADABLE_OPTIONS} can change; metric settings and callbacks cannot.
   * @throws InvalidBreakerOptionError naming the option and the value.
   */
  prepareReconfigure(changes: Partial<Pick<CircuitBreakerOptions, ReloadableOption>>): () => void {
    for (const key of Object.keys(changes)) {
      if (!(RELOADABLE_OPTIONS as readonly string[]).includes(key)) {
        throw new InvalidBreakerOptionError(
          key,
          (changes as Record<string, unknown>)[key],
          `one of ${RELOADABLE_OPTIONS.join(', ')} (others need a restart)`,
        );
      }
    }
    const given = { ...this.given, ...changes };
    const next = resolveBreakerOptions(this.name, given);
    return () => {
      const previous = this.options;
      this.given = given;
      this.options = next;
      if (next.failureRate === undefined && next.slowCall === undefined) this.window = undefined;
      else if (this.window === undefined || next.windowMs !== previous.windowMs)
        this.window = new RollingWindow(next.windowMs);
      this.slowMs = next.slowCall?.durationMs ?? Number.POSITIVE_INFINITY;
      // A new scheduler for new calls; the old one finishes the calls it holds and then stops by itself.
      if (next.timeoutMs !== previous.timeoutMs) {
        this.scheduler = next.timeoutMs > 0 ? new TimeoutScheduler(next.timeoutMs) : undefined;
      }
    };
  }

  /** The current state; an open circuit whose open period has passed reads (and becomes) half-open. */
  get state(): BreakerStateName {
    return this.refresh().state;
  }

  /** Cumulative call counts by outcome. `success + failure + timeout + rejected` is every settled call. */
  get counts(): BreakerCounts {
    return {
      success: this.nSuccess,
      failure: this.nFailure,
      timeout: this.nTimeout,
      rejected: this.nRejected,
      fallback: this.nFallback,
    };
  }

  /**
   * Runs `fn` through the breaker. `fn` gets an AbortSignal, aborted on timeout (and when `signal`
   * aborts). Rejects fast with a `CircuitOpenError` when the circuit does not let the call through,
   * with a `CircuitTimeoutError` on timeout, or with `fn`'s own error; with a `fallback`, resolves to
   * the fallback's value instead.
   * @example
   * const movie = await breaker.execute((signal) => fetch(url, { signal }).then((r) => r.json()));
   */
  execute<T>(fn: Protected<T>, signal?: AbortSignal): Promise<T> {
    const s = this.current;
    if (s.state === 'closed' || s.state === 'disabled') return this.attempt(fn, signal, this.epoch);
    return this.admit(fn, signal);
  }

  /** Holds the circuit open (state `isolated`) until `reset()`. */
  isolate(): void {
    this.transition(ISOLATED, Date.now());
  }

  /** Closes the circuit and forgets recent failures, from any state. */
  reset(): void {
    this.consecutive = 0;
    this.window?.clear();
    this.transition(CLOSED, Date.now());
  }

  /** Lets every call through and never opens (state `disabled`) until `reset()`. */
  disable(): void {
    this.transition(DISABLED, Date.now());
  }

  /** Adds a listener; returns a function that removes it. */
  on<E extends BreakerEventName>(event: E, listener: (event: BreakerEvents[E]) => void): () => void {
    return this.emitter.on(event, listener);
  }

  /** Removes a listener added with `on`. */
  off<E extends BreakerEventName>(event: E, listener: (event: BreakerEvents[E]) => void): void {
    this.emitter.off(event, listener);
  }

  /** A snapshot of the state that `initialState` accepts, plus the counts. */
  toJSON(): BreakerSnapshot {
    const s = this.refresh();
    const base = {
      version: 1,
      name: this.name,
      consecutiveFailures: this.consecutive,
      counts: this.counts,
    } as const;
    if (s.state === 'open')
      return { ...base, state: s.state, openedAt: s.openedAt, until: s.until, opens: s.opens };
    if (s.state === 'half-open') return { ...base, state: s.state, opens: s.opens };
    return { ...base, state: s.state };
  }

  /**
   * A health check for `@otelkit/health`: closed and disabled pass, half-open warns, open and
   * isolated report `whenOpen` (default `'warn'`).
   * @example
   * health.register('tmdb', breaker.healthCheck({ whenOpen: 'fail' }));
   */
  healthCheck(options?: BreakerHealthOptions): () => BreakerHealthResult {
    return breakerHealthCheck(() => this.toJSON(), options);
  }

  /**
   * Stops reporting metrics (buffered durations are flushed first), clears the timeout timer, drops
   * every listener and leaves the directory (`listBreakers()`). Calls still work afterwards, without
   * metrics.
   */
  dispose(): void {
    delist(this.listing);
    this.scheduler?.dispose();
    this.telemetry?.detach();
    this.emitter.clear();
  }

  /** @internal Called by the meter's batch callback at collection time. */
  collectMetrics(result: BatchObservableResult, instruments: BreakerInstruments): void {
    this.telemetry?.collect(result, instruments, this.state, this.counts);
  }

  private refresh(): BreakerState {
    const s = this.current;
    if (s.state === 'open' && Date.now() >= s.until) {
      this.transition({ state: 'half-open', opens: s.opens, inFlight: 0, successes: 0 }, s.until);
    }
    return this.current;
  }

  private admit<T>(fn: Protected<T>, signal: AbortSignal | undefined): Promise<T> {
    const s = this.refresh();
    if (s.state === 'closed' || s.state === 'disabled') return this.attempt(fn, signal, this.epoch);
    if (s.state === 'half-open' && s.inFlight < this.options.halfOpenMaxCalls) {
      s.inFlight++;
      return this.attempt(fn, signal, this.epoch);
    }
    return this.reject<T>(s);
  }

  private async attempt<T>(fn: Protected<T>, signal: AbortSignal | undefined, epoch: number): Promise<T> {
    const start = performance.now();
    const scheduler = this.scheduler;
    let value: T;
    try {
      value =
        scheduler !== undefined
          ? await scheduler.run(fn, signal, start, this.makeTimeoutError)
          : await fn(signal ?? NEVER_ABORTED);
    } catch (err) {
      const end = performance.now();
      return this.onError<T>(err, end - start, epoch, end);
    }
    const end = performance.now();
    this.onSuccess(end - start, epoch, end);
    return value;
  }

  /** `at` is the `performance.now()` the call ended at: the failure-rate window's (monotonic) clock. */
  private onSuccess(ms: number, epoch: number, at: number): void {
    this.nSuccess++;
    this.telemetry?.recordDuration(ms, DURATION_SUCCESS);
    if (epoch === this.epoch) {
      const s = this.current;
      if (s.state === 'closed') {
        this.consecutive = 0;
        if (this.window !== undefined) {
          const slow = ms >= this.slowMs;
          this.window.record(at, false, slow);
          if (slow) this.evaluateWindow();
        }
      } else if (s.state === 'half-open') {
        s.inFlight--;
        s.successes++;
        if (s.successes >= this.options.halfOpenSuccesses) this.transition(CLOSED, Date.now());
      }
    }
    if (this.emitter.has('success')) this.emitter.emit('success', { name: this.name, durationMs: ms });
  }

  private onError<T>(err: unknown, ms: number, epoch: number, at: number): Promise<T> {
    const timedOut = isCircuitTimeoutError(err);
    if (!timedOut && !this.countsAsFailure(err)) {
      this.onSuccess(ms, epoch, at);
      return Promise.reject(err);
    }
    if (timedOut) this.nTimeout++;
    else this.nFailure++;
    this.telemetry?.recordDuration(ms, timedOut ? DURATION_TIMEOUT : DURATION_FAILURE);
    if (epoch === this.epoch) {
      const s = this.current;
      if (s.state === 'closed') {
        this.consecutive++;
        this.window?.record(at, true, ms >= this.slowMs);
        if (this.consecutive >= this.options.consecutiveFailures) this.open(1);
        else if (this.window !== undefined) this.evaluateWindow();
      } else if (s.state === 'half-open') {
        this.open(s.opens + 1);
      }
    }
    const event = timedOut ? 'timeout' : 'failure';
    if (this.emitter.has(event)) this.emitter.emit(event, { name: this.name, durationMs: ms, error: err });
    return this.fallbackOr<T>(err);
  }

  private reject<T>(s: BreakerState): Promise<T> {
    this.nRejected++;
    spanRejected(this.name, s.state);
    if (this.emitter.has('rejected')) this.emitter.emit('rejected', { name: this.name, state: s.state });
    const retryAt = s.state === 'open' ? s.until : undefined;
    return this.fallbackOr<T>(new CircuitOpenError(this.name, s.state, retryAt));
  }

  private fallbackOr<T>(err: unknown): Promise<T> {
    const fallback = this.options.fallback;
    if (fallback === undefined) return Promise.reject(err);
    this.nFallback++;
    if (this.emitter.has('fallback')) this.emitter.emit('fallback', { name: this.name, error: err });
    return new Promise<T>((resolve) => resolve(fallback(err) as T | PromiseLike<T>));
  }

  private countsAsFailure(err: unknown): boolean {
    try {
      return this.options.isFailure(err) !== false;
    } catch (predicateError) {
      diag.warn(
        `@otelkit/circuit-breaker '${this.name}': isFailure threw; counting the error`,
        predicateError,
      );
      return true;
    }
  }

  private evaluateWindow(): void {
    const { failureRate, slowCall } = this.options;
    const totals = this.window!.totals(performance.now());
    const tripsOnFailures =
      failureRate !== undefined &&
      totals.calls >= failureRate.minimumCalls &&
      totals.failures / totals.calls >= failureRate.threshold;
    const tripsOnSlow =
      slowCall !== undefined &&
      totals.calls >= slowCall.minimumCalls &&
      totals.slow / totals.calls >= slowCall.rateThreshold;
    if (tripsOnFailures || tripsOnSlow) this.open(1);
  }

  private open(opens: number): void {
    const now = Date.now();
    this.transition(
      { state: 'open', openedAt: now, until: now + openDurationFor(this.options, opens), opens },
      now,
    );
  }

  private transition(next: BreakerState, at: number): void {
    const from = this.current.state;
    if (from === next.state) return;
    this.current = next;
    this.epoch++;
    if (next.state === 'closed') {
      this.consecutive = 0;
      this.window?.clear();
    }
    this.telemetry?.countTransition(from, next.state);
    spanStateChange(this.name, from, next.state);
    if (this.emitter.has('stateChange'))
      this.emitter.emit('stateChange', { name: this.name, from, to: next.state, at });
  }
}

/**
 * Creates a circuit breaker named `name` (the `name` attribute on its metrics).
 * Throws `OTELKIT_ERR_INVALID_BREAKER_OPTION` naming the option for bad options.
 * @example
 * const tmdb = createCircuitBreaker('tmdb', { consecutiveFailures: 3, openDurationMs: 30_000, timeoutMs: 10_000 });
 * const movie = await tmdb.execute((signal) => fetchMovie(id, signal));
 */
export function createCircuitBreaker(name: string, options?: CircuitBreakerOptions): CircuitBreaker {
  return new CircuitBreaker(name, options);
}
