import type { BreakerStateName } from './state';

/** Code of the error a call gets when the breaker refuses it (open, isolated, or half-open at capacity). */
export const CIRCUIT_OPEN_CODE = 'OTELKIT_ERR_CIRCUIT_OPEN';
/** Code of the error a call gets when it runs longer than `timeoutMs`. */
export const CIRCUIT_TIMEOUT_CODE = 'OTELKIT_ERR_CIRCUIT_TIMEOUT';
/** Code of the error a call gets when a bulkhead's slots and queue are all taken. */
export const BULKHEAD_FULL_CODE = 'OTELKIT_ERR_BULKHEAD_FULL';
/** Code of the error thrown at creation for a bad breaker or bulkhead option. */
export const INVALID_BREAKER_OPTION_CODE = 'OTELKIT_ERR_INVALID_BREAKER_OPTION';

function hasCode(value: unknown, code: string): boolean {
  return typeof value === 'object' && value !== null && (value as { code?: unknown }).code === code;
}

/**
 * A call the breaker did not attempt because the circuit is open, isolated, or half-open with all
 * probe slots taken. It fails fast: the protected function was never invoked.
 */
export class CircuitOpenError extends Error {
  /** Always {@link CIRCUIT_OPEN_CODE}. */
  readonly code = CIRCUIT_OPEN_CODE;
  /** The breaker's name. */
  readonly breaker: string;
  /** The state that refused the call. */
  readonly state: BreakerStateName;
  /** When the breaker will let a probe through (epoch ms), if known. */
  readonly retryAt: number | undefined;

  constructor(breaker: string, state: BreakerStateName, retryAt?: number) {
    super(`circuit breaker '${breaker}' is ${state}: call rejected without being attempted`);
    this.name = 'CircuitOpenError';
    this.breaker = breaker;
    this.state = state;
    this.retryAt = retryAt;
  }
}

/** A call that ran longer than the breaker's `timeoutMs`; its AbortSignal was aborted with this error. */
export class CircuitTimeoutError extends Error {
  /** Always {@link CIRCUIT_TIMEOUT_CODE}. */
  readonly code = CIRCUIT_TIMEOUT_CODE;
  /** The breaker's name. */
  readonly breaker: string;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(breaker: string, timeoutMs: number) {
    super(`circuit breaker '${breaker}': call timed out after ${timeoutMs} ms`);
    this.name = 'CircuitTimeoutError';
    this.breaker = breaker;
    this.timeoutMs = timeoutMs;
  }
}

/** A call refused by a bulkhead because `maxConcurrent` calls run and `maxQueue` more wait. */
export class BulkheadRejectedError extends Error {
  /** Always {@link BULKHEAD_FULL_CODE}. */
  readonly code = BULKHEAD_FULL_CODE;
  /** The bulkhead's name. */
  readonly bulkhead: string;

  constructor(bulkhead: string, maxConcurrent: number, maxQueue: number) {
    super(
      `bulkhead '${bulkhead}' is full (${maxConcurrent} running, ${maxQueue} queued): call rejected without being attempted`,
    );
    this.name = 'BulkheadRejectedError';
    this.bulkhead = bulkhead;
  }
}

/** A breaker or bulkhead option with a bad value; thrown only at creation, never at call time. */
export class InvalidBreakerOptionError extends Error {
  /** Always {@link INVALID_BREAKER_OPTION_CODE}. */
  readonly code = INVALID_BREAKER_OPTION_CODE;
  /** The option's path, for example `failureRate.threshold`. */
  readonly option: string;
  /** The rejected value. */
  readonly value: unknown;

  constructor(option: string, value: unknown, expected: string) {
    super(
      `${INVALID_BREAKER_OPTION_CODE}: invalid option ${option}=${describe(value)}: expected ${expected}`,
    );
    this.name = 'InvalidBreakerOptionError';
    this.option = option;
    this.value = value;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/**
 * Whether `err` is a {@link CircuitOpenError}. Checks `code`, so it also recognises errors from
 * another installed copy of this package.
 * @example
 * try { await breaker.execute(call); } catch (err) { if (isCircuitOpenError(err)) serveStale(); }
 */
export function isCircuitOpenError(err: unknown): err is CircuitOpenError {
  return hasCode(err, CIRCUIT_OPEN_CODE);
}

/** Whether `err` is a {@link CircuitTimeoutError} (checks `code`). */
export function isCircuitTimeoutError(err: unknown): err is CircuitTimeoutError {
  return hasCode(err, CIRCUIT_TIMEOUT_CODE);
}

/** Whether `err` is a {@link BulkheadRejectedError} (checks `code`). */
export function isBulkheadRejectedError(err: unknown): err is BulkheadRejectedError {
  return hasCode(err, BULKHEAD_FULL_CODE);
}

/** Whether `err` is an {@link InvalidBreakerOptionError} (checks `code`). */
export function isInvalidBreakerOptionError(err: unknown): err is InvalidBreakerOptionError {
  return hasCode(err, INVALID_BREAKER_OPTION_CODE);
}
