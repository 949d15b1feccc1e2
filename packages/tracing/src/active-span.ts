import { type Context, context, type Span, type SpanOptions, type Tracer, trace } from '@opentelemetry/api';

/**
 * `Tracer.startActiveSpan` for otelkit's own tracers: sorts out the overloads (`fn` last; options and
 * parent context optional), starts the span with `tracer.startSpan` and runs `fn` with it active.
 * @internal
 */
export function startActiveSpan<F extends (span: Span) => unknown>(
  tracer: Tracer,
  name: string,
  a: SpanOptions | F,
  b?: Context | F,
  c?: F,
): ReturnType<F> {
  const fn = (c ?? (typeof b === 'function' ? b : a)) as F;
  const options = typeof a === 'function' ? undefined : a;
  const parent = typeof b === 'object' ? b : context.active();
  const span = tracer.startSpan(name, options, parent);
  return context.with(trace.setSpan(parent, span), fn as (span: Span) => ReturnType<F>, undefined, span);
}
