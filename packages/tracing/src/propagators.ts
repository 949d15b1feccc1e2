import type { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { PropagatorName } from './options';

/**
 * Builds the propagator of `OTEL_PROPAGATORS` or the `propagators` option (W3C trace context and
 * baggage by name, `TextMapPropagator` objects as given, composed in order; `none` propagates
 * nothing). Correlation IDs travel in baggage, so without `baggage` they stay in the process.
 */
export function createPropagator(names: readonly (PropagatorName | TextMapPropagator)[]): TextMapPropagator {
  const propagators: TextMapPropagator[] = [];
  for (const name of names) {
    if (typeof name !== 'string') propagators.push(name);
    else if (name === 'tracecontext') propagators.push(new W3CTraceContextPropagator());
    else if (name === 'baggage') propagators.push(new W3CBaggagePropagator());
  }
  return new CompositePropagator({ propagators });
}
