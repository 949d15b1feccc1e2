import { trace } from '@opentelemetry/api';
import type { BreakerStateName } from './state';

/** Span event added to the active span when a breaker changes state. */
export const STATE_CHANGE_EVENT = 'otelkit.circuit_breaker.state_change';
/** Span event added to the active span when a breaker rejects a call. */
export const REJECTED_EVENT = 'otelkit.circuit_breaker.rejected';
/** Span attribute set to true on a span whose call a breaker rejected. */
export const REJECTED_ATTRIBUTE = 'otelkit.circuit_breaker.rejected';
/** Span attribute naming the breaker on the events above. */
export const NAME_ATTRIBUTE = 'otelkit.circuit_breaker.name';

/** Adds a state-change event to the active span, if there is one. */
export function spanStateChange(name: string, from: BreakerStateName, to: BreakerStateName): void {
  const span = trace.getActiveSpan();
  if (span === undefined) return;
  span.addEvent(STATE_CHANGE_EVENT, {
    [NAME_ATTRIBUTE]: name,
    'otelkit.circuit_breaker.from': from,
    'otelkit.circuit_breaker.to': to,
  });
}

/** Marks the active span, if any, as having had its call rejected by breaker `name`. */
export function spanRejected(name: string, state: BreakerStateName): void {
  const span = trace.getActiveSpan();
  if (span === undefined) return;
  span.setAttribute(REJECTED_ATTRIBUTE, true);
  span.addEvent(REJECTED_EVENT, { [NAME_ATTRIBUTE]: name, 'otelkit.circuit_breaker.state': state });
}
