import type { Meter } from '@opentelemetry/api';
import { InvalidBreakerOptionError, isBulkheadRejectedError, isCircuitOpenError } from './errors';
import type { StateChange } from './events';
import type { BreakerSnapshot } from './snapshot';

/** Open when the share of failed calls in a sliding time window reaches `threshold`. */
export interface FailureRateOptions {
  /** Failed share that opens the circuit, in (0, 1]. */
  threshold: number;
  /** Length of the sliding window, ms. Default 10 000. */
  windowMs?: number;
  /** Calls the window must hold before the rate is judged. Default 20. */
  minimumCalls?: number;
}

/** Open when the share of slow calls (successful or not) in the window reaches `rateThreshold`. */
export interface SlowCallOptions {
  /** A call that takes at least this long (ms) is slow. */
  durationMs: number;
  /** Slow share that opens the circuit, in (0, 1]. */
  rateThreshold: number;
  /** Calls the window must hold first. Default: `failureRate.minimumCalls`, else 20. */
  minimumCalls?: number;
}

/** How the open duration grows when the circuit reopens without having closed in between. */
export interface OpenBackoffOptions {
  /** Factor applied per repeated open. Default 2. */
  multiplier?: number;
  /** Upper bound of the open duration, ms. Default 10 × `openDurationMs`. */
  maxDurationMs?: number;
}

/** Options of {@link createCircuitBreaker}. Every field is optional; defaults are in {@link BREAKER_DEFAULTS}. */
export interface CircuitBreakerOptions {
  /** Open after this many failures in a row. Default 5 when no other trigger is given. */
  consecutiveFailures?: number;
  /** Open on a failure rate over a sliding window. */
  failureRate?: FailureRateOptions;
  /** Count slow calls toward opening. */
  slowCall?: SlowCallOptions;
  /** How long the circuit stays open before a probe, ms. Default 30 000. */
  openDurationMs?: number;
  /** Grow the open duration on repeated opens. Default: none (constant). */
  openBackoff?: OpenBackoffOptions;
  /** Probes allowed to run at once in half-open. Default 1. */
  halfOpenMaxCalls?: number;
  /** Probe successes needed to close. Default 1. */
  halfOpenSuccesses?: number;
  /** Per-call timeout, ms; 0 or undefined means none (and no timer per call). */
  timeoutMs?: number;
  /**
   * Which errors count as failures. Default: every error except this package's "not attempted"
   * errors (circuit open, bulkhead full) from nested policies. Errors that do not count are
   * rethrown but recorded as successes: the dependency answered.
   */
  isFailure?: (err: unknown) => boolean;
  /** Value (or promise) to return instead of throwing, for failures, timeouts and rejections. */
  fallback?: (err: unknown) => unknown;
  /** Called on every state transition (same as `breaker.on('stateChange', …)`). */
  onStateChange?: (change: StateChange) => void;
  /** Meter for the breaker's metrics. Default: `metrics.getMeter('@otelkit/circuit-breaker')`. */
  meter?: Meter;
  /** Turn the breaker's metrics off entirely. Default true. */
  metrics?: boolean;
  /**
   * Record `otelkit.circuit_breaker.call.duration`. Default true. Each duration costs one SDK
   * histogram record (an attribute hash) at collection time; turn it off on very hot paths.
   */
  durationHistogram?: boolean;
  /** A snapshot from `toJSON()` to start from. */
  initialState?: BreakerSnapshot;
}

/** Options after defaults and validation; what the breaker reads at run time. */
export interface ResolvedBreakerOptions {
  readonly consecutiveFailures: number;
  readonly failureRate: Required<FailureRateOptions> | undefined;
  readonly slowCall: Required<SlowCallOptions> | undefined;
  readonly windowMs: number;
  readonly openDurationMs: number;
  readonly backoffMultiplier: number;
  readonly maxOpenDurationMs: number;
  readonly halfOpenMaxCalls: number;
  readonly halfOpenSuccesses: number;
  readonly timeoutMs: number;
  readonly isFailure: (err: unknown) => boolean;
  readonly fallback: ((err: unknown) => unknown) | undefined;
  readonly onStateChange: ((change: StateChange) => void) | undefined;
  readonly meter: Meter | undefined;
  readonly metrics: boolean;
  readonly durationHistogram: boolean;
  readonly initialState: BreakerSnapshot | undefined;
}

/** Counts a failure unless it is one of this package's "call was never attempted" errors. */
export function defaultIsFailure(err: unknown): boolean {
  return !isCircuitOpenError(err) && !isBulkheadRejectedError(err);
}

/** The documented defaults, in one place. */
export const BREAKER_DEFAULTS = Object.freeze({
  consecutiveFailures: 5,
  windowMs: 10_000,
  minimumCalls: 20,
  openDurationMs: 30_000,
  backoffMultiplier: 2,
  maxOpenDurationFactor: 10,
  halfOpenMaxCalls: 1,
  halfOpenSuccesses: 1,
  timeoutMs: 0,
});

function check(ok: boolean, option: string, value: unknown, expected: string): void {
  if (!ok) throw new InvalidBreakerOptionError(option, value, expected);
}

function positiveInt(option: string, value: unknown): number {
  check(typeof value === 'number' && Number.isInteger(value) && value >= 1, option, value, 'an integer >= 1');
  return value as number;
}

function nonNegative(option: string, value: unknown): number {
  check(
    typeof value === 'number' && Number.isFinite(value) && value >= 0,
    option,
    value,
    'a finite number >= 0',
  );
  return value as number;
}

function fraction(option: string, value: unknown): number {
  check(typeof value === 'number' && value > 0 && value <= 1, option, value, 'a number in (0, 1]');
  return value as number;
}

function optionalFunction<F>(option: string, value: F | undefined): F | undefined {
  check(value === undefined || typeof value === 'function', option, value, 'a function');
  return value;
}

/**
 * Applies defaults and validates; throws {@link InvalidBreakerOptionError} naming the option and value.
 */
export function resolveBreakerOptions(
  name: unknown,
  options: CircuitBreakerOptions = {},
): ResolvedBreakerOptions {
  check(typeof name === 'string' && name.length > 0, 'name', name, 'a non-empty string');
  const d = BREAKER_DEFAULTS;
  const rate = options.failureRate;
  const failureRate =
    rate === undefined
      ? undefined
      : {
          threshold: fraction('failureRate.threshold', rate.threshold),
          windowMs: positive('failureRate.windowMs', rate.windowMs ?? d.windowMs),
          minimumCalls: positiveInt('failureRate.minimumCalls', rate.minimumCalls ?? d.minimumCalls),
        };
  const slow = options.slowCall;
  const slowCall =
    slow === undefined
      ? undefined
      : {
          durationMs: positive('slowCall.durationMs', slow.durationMs),
          rateThreshold: fraction('slowCall.rateThreshold', slow.rateThreshold),
          minimumCalls: positiveInt(
            'slowCall.minimumCalls',
            slow.minimumCalls ?? failureRate?.minimumCalls ?? d.minimumCalls,
          ),
        };
  const noTrigger = failureRate === undefined && slowCall === undefined;
  const consecutiveFailures =
    options.consecutiveFailures === undefined
      ? noTrigger
        ? d.consecutiveFailures
        : Number.POSITIVE_INFINITY
      : positiveInt('consecutiveFailures', options.consecutiveFailures);
  const openDurationMs = nonNegative('openDurationMs', options.openDurationMs ?? d.openDurationMs);
  const backoff = options.openBackoff;
  const backoffMultiplier =
    backoff === undefined
      ? 1
      : nonNegative('openBackoff.multiplier', backoff.multiplier ?? d.backoffMultiplier);
  check(backoffMultiplier >= 1, 'openBackoff.multiplier', backoffMultiplier, 'a number >= 1');
  const maxOpenDurationMs =
    backoff === undefined
      ? openDurationMs
      : nonNegative(
          'openBackoff.maxDurationMs',
          backoff.maxDurationMs ?? openDurationMs * d.maxOpenDurationFactor,
        );
  check(
    maxOpenDurationMs >= openDurationMs,
    'openBackoff.maxDurationMs',
    maxOpenDurationMs,
    '>= openDurationMs',
  );
  const metrics = options.metrics ?? true;
  check(typeof metrics === 'boolean', 'metrics', metrics, 'a boolean');
  const durationHistogram = options.durationHistogram ?? true;
  check(typeof durationHistogram === 'boolean', 'durationHistogram', durationHistogram, 'a boolean');
  return {
    consecutiveFailures,
    failureRate,
    slowCall,
    windowMs: failureRate?.windowMs ?? d.windowMs,
    openDurationMs,
    backoffMultiplier,
    maxOpenDurationMs,
    halfOpenMaxCalls: positiveInt('halfOpenMaxCalls', options.halfOpenMaxCalls ?? d.halfOpenMaxCalls),
    halfOpenSuccesses: positiveInt('halfOpenSuccesses', options.halfOpenSuccesses ?? d.halfOpenSuccesses),
    timeoutMs: nonNegative('timeoutMs', options.timeoutMs ?? d.timeoutMs),
    isFailure: optionalFunction('isFailure', options.isFailure) ?? defaultIsFailure,
    fallback: optionalFunction('fallback', options.fallback),
    onStateChange: optionalFunction('onStateChange', options.onStateChange),
    meter: options.meter,
    metrics,
    durationHistogram,
    initialState: options.initialState,
  };
}

function positive(option: string, value: unknown): number {
  check(
    typeof value === 'number' && Number.isFinite(value) && value > 0,
    option,
    value,
    'a finite number > 0',
  );
  return value as number;
}

/** The open duration for the `opens`-th open in a row (1-based), after backoff and its cap. */
export function openDurationFor(options: ResolvedBreakerOptions, opens: number): number {
  if (options.backoffMultiplier === 1) return options.openDurationMs;
  const grown = options.openDurationMs * options.backoffMultiplier ** Math.max(0, opens - 1);
  return Math.min(grown, options.maxOpenDurationMs);
}

/** The options a running breaker can change (see `prepareReconfigure`): its thresholds and timings. */
export const RELOADABLE_OPTIONS = [
  'consecutiveFailures',
  'failureRate',
  'slowCall',
  'openDurationMs',
  'openBackoff',
  'halfOpenMaxCalls',
  'halfOpenSuccesses',
  'timeoutMs',
] as const;

/** One of {@link RELOADABLE_OPTIONS}. */
export type ReloadableOption = (typeof RELOADABLE_OPTIONS)[number];
