import { InvalidBreakerOptionError } from './errors';
import type { BreakerSnapshot } from './snapshot';

/** What a health check returns; structurally the shape `@otelkit/health` accepts. */
export interface BreakerHealthResult {
  status: 'pass' | 'warn' | 'fail';
  observedValue?: string | number | boolean;
  observedUnit?: string;
  output?: string;
}

/** Options of `breaker.healthCheck()`. */
export interface BreakerHealthOptions {
  /** Status to report while the circuit is open or isolated. Default `'warn'`. */
  whenOpen?: 'warn' | 'fail';
}

/**
 * Builds a health-check function over a breaker's snapshot: closed and disabled pass, half-open
 * warns (it is probing), open and isolated report `whenOpen`.
 */
export function breakerHealthCheck(
  snapshot: () => BreakerSnapshot,
  options: BreakerHealthOptions = {},
): () => BreakerHealthResult {
  const whenOpen = options.whenOpen ?? 'warn';
  if (whenOpen !== 'warn' && whenOpen !== 'fail') {
    throw new InvalidBreakerOptionError('whenOpen', whenOpen, "'warn' or 'fail'");
  }
  return () => {
    const s = snapshot();
    switch (s.state) {
      case 'closed':
      case 'disabled':
        return { status: 'pass', observedValue: s.state };
      case 'half-open':
        return {
          status: 'warn',
          observedValue: s.state,
          output: `circuit breaker '${s.name}' is half-open: probing the dependency`,
        };
      case 'open':
        return {
          status: whenOpen,
          observedValue: s.state,
          output: `circuit breaker '${s.name}' is open until ${new Date(s.until ?? Date.now()).toISOString()}`,
        };
      case 'isolated':
        return {
          status: whenOpen,
          observedValue: s.state,
          output: `circuit breaker '${s.name}' is isolated by an operator`,
        };
    }
  };
}
