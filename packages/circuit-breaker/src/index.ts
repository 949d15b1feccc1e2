export { CircuitBreaker, createCircuitBreaker } from './breaker';
export type { BulkheadOptions } from './bulkhead';
export { Bulkhead, bulkhead } from './bulkhead';
export { findBreaker, listBreakers } from './directory';
export {
  BULKHEAD_FULL_CODE,
  BulkheadRejectedError,
  CIRCUIT_OPEN_CODE,
  CIRCUIT_TIMEOUT_CODE,
  CircuitOpenError,
  CircuitTimeoutError,
  INVALID_BREAKER_OPTION_CODE,
  InvalidBreakerOptionError,
  isBulkheadRejectedError,
  isCircuitOpenError,
  isCircuitTimeoutError,
  isInvalidBreakerOptionError,
} from './errors';
export type {
  BreakerEventName,
  BreakerEvents,
  FailureEvent,
  FallbackEvent,
  RejectedEvent,
  StateChange,
  SuccessEvent,
} from './events';
export type { BreakerHealthOptions, BreakerHealthResult } from './health-check';
export { DURATION_BUCKETS_S, METER_NAME, METRIC_NAMES } from './instruments';
export type {
  CircuitBreakerOptions,
  FailureRateOptions,
  OpenBackoffOptions,
  ReloadableOption,
  SlowCallOptions,
} from './options';
export { BREAKER_DEFAULTS, defaultIsFailure, RELOADABLE_OPTIONS } from './options';
export type { BreakerRegistryOptions } from './registry';
export { BreakerRegistry, createBreakerRegistry } from './registry';
export type { BreakerCounts, BreakerSnapshot } from './snapshot';
export type { BreakerStateName } from './state';
export { REJECTED_ATTRIBUTE, REJECTED_EVENT, STATE_CHANGE_EVENT } from './tracing';
