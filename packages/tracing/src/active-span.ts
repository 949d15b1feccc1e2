import { type Context, context, type Span, type SpanOptions, type Tracer, trace } from '@opentelemetry/api';

/**
 * A tracer of otelkit's own: `startActiveSpan` (all its overloads) is `startSpan` with the span made
 * active around `fn`, so a subclass writes only `startSpan`.
 * @internal
 */
export abstract class ActiveSpanTracer implements Tracer {
  abstract startSpan(name: string, options?: SpanOptions, ctx?: Context): Span;

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    ctx: Context,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    a: SpanOptions | F,
    b?: Context | F,
    c?: F,
  ): ReturnType<F> {
    const fn = (c ?? (typeof b === 'function' ? b : a)) as F;
    const options = typeof a === 'function' ? undefined : a;
    const parent = typeof b === 'object' ? b : context.active();
    const span = this.startSpan(name, options, parent);
    return context.with(trace.setSpan(parent, span), fn as (span: Span) => ReturnType<F>, undefined, span);
  }
}
