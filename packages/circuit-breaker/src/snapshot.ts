import { InvalidBreakerOptionError } from './errors';
import {
  type BreakerState,
  type BreakerStateName,
  CLOSED,
  DISABLED,
  ISOLATED,
  isStateName,
  STATE_NAMES,
} from './state';

/** Cumulative call counts by outcome; `fallback` counts the subset of other outcomes served by a fallback. */
export interface BreakerCounts {
  success: number;
  failure: number;
  timeout: number;
  rejected: number;
  fallback: number;
}

/**
 * What `breaker.toJSON()` returns: enough to restore the state elsewhere (`initialState`), plus the
 * counts for inspection (counts are not restored: they are this process's cumulative totals).
 */
export interface BreakerSnapshot {
  readonly version: 1;
  readonly name: string;
  readonly state: BreakerStateName;
  /** Set when open: when it opened and when a probe may go (epoch ms). */
  readonly openedAt?: number;
  readonly until?: number;
  /** Opens in a row (open and half-open). */
  readonly opens?: number;
  readonly consecutiveFailures: number;
  readonly counts: BreakerCounts;
}

/**
 * The state to start from, given an `initialState` snapshot; throws {@link InvalidBreakerOptionError}
 * for a snapshot that is not one. A snapshot restored after its open period starts half-open on the
 * next call, as the original would have.
 */
export function restoreState(
  snapshot: BreakerSnapshot | undefined,
  openDurationMs: number,
  now: number,
): BreakerState {
  if (snapshot === undefined) return CLOSED;
  if (typeof snapshot !== 'object' || snapshot === null) {
    throw new InvalidBreakerOptionError('initialState', snapshot, 'a snapshot from breaker.toJSON()');
  }
  const state: unknown = snapshot.state;
  if (!isStateName(state)) {
    throw new InvalidBreakerOptionError('initialState.state', state, `one of ${STATE_NAMES.join(', ')}`);
  }
  const opens = finiteOr(snapshot.opens, 1);
  switch (state) {
    case 'closed':
      return CLOSED;
    case 'isolated':
      return ISOLATED;
    case 'disabled':
      return DISABLED;
    case 'half-open':
      return { state: 'half-open', opens, inFlight: 0, successes: 0 };
    case 'open': {
      const openedAt = finiteOr(snapshot.openedAt, now);
      return { state: 'open', openedAt, until: finiteOr(snapshot.until, openedAt + openDurationMs), opens };
    }
  }
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
