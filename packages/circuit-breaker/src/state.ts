/** The states a breaker can be in. */
export type BreakerStateName = 'closed' | 'open' | 'half-open' | 'isolated' | 'disabled';

/** Every state name, in a fixed order (used for the state gauge and validation). */
export const STATE_NAMES: readonly BreakerStateName[] = Object.freeze([
  'closed',
  'open',
  'half-open',
  'isolated',
  'disabled',
]);

/** Calls pass; outcomes are counted and may open the circuit. */
export interface ClosedState {
  readonly state: 'closed';
}

/** Calls fail fast until `until`; then the next call moves the breaker to half-open. */
export interface OpenState {
  readonly state: 'open';
  /** When the circuit opened (epoch ms). */
  readonly openedAt: number;
  /** When a probe may go through (epoch ms). */
  readonly until: number;
  /** Opens in a row without closing in between (1 for the first); drives the open-duration backoff. */
  readonly opens: number;
}

/** At most `halfOpenMaxCalls` probes run at once; `halfOpenSuccesses` successes close the circuit. */
export interface HalfOpenState {
  readonly state: 'half-open';
  /** Opens in a row so far, carried into the next open if a probe fails. */
  readonly opens: number;
  /** Probes running now. */
  inFlight: number;
  /** Probes that succeeded since entering half-open. */
  successes: number;
}

/** Held open by an operator (`isolate()`) until `reset()`. */
export interface IsolatedState {
  readonly state: 'isolated';
}

/** Switched off by an operator (`disable()`): every call passes and nothing opens it. */
export interface DisabledState {
  readonly state: 'disabled';
}

/** The breaker's state machine as a tagged union: each state carries only the data that it needs. */
export type BreakerState = ClosedState | OpenState | HalfOpenState | IsolatedState | DisabledState;

/** The singleton closed state (it carries no data). */
export const CLOSED: ClosedState = Object.freeze({ state: 'closed' });
/** The singleton isolated state. */
export const ISOLATED: IsolatedState = Object.freeze({ state: 'isolated' });
/** The singleton disabled state. */
export const DISABLED: DisabledState = Object.freeze({ state: 'disabled' });

/** Whether `value` names a breaker state. */
export function isStateName(value: unknown): value is BreakerStateName {
  return typeof value === 'string' && (STATE_NAMES as readonly string[]).includes(value);
}
