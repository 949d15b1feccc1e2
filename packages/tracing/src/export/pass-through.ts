import {
  type Context,
  context,
  INVALID_SPAN_CONTEXT,
  isSpanContextValid,
  type Span,
  type SpanOptions,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { ActiveSpanTracer } from '../active-span';

/** The span of work with no trace: non-recording, invalid context (nothing is propagated for it). */
export const NO_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * A tracer that records nothing: every span it starts is a non-recording span carrying its parent's
 * span context, so an incoming `traceparent` is propagated unchanged to downstream calls and log lines
 * keep the caller's trace ID (with no parent, or `root: true`, the span is invalid and nothing is
 * propagated). No ID is generated, no sampler runs, no attribute is copied. This is what the
 * OpenTelemetry API does without an SDK, used when no span would ever leave the process.
 * @internal
 */
export class PassThroughTracer extends ActiveSpanTracer {
  startSpan(_name: string, options?: SpanOptions, ctx: Context = context.active()): Span {
    if (options?.root === true) return NO_SPAN;
    const parent = trace.getSpan(ctx);
    if (parent === undefined) return NO_SPAN;
    // A remote parent (as extracted) is already a non-recording span: hand it out as it is.
    if (!parent.isRecording()) return parent;
    const sc = parent.spanContext();
    return isSpanContextValid(sc) ? trace.wrapSpanContext(sc) : NO_SPAN;
  }
}

const PASS_THROUGH = new PassThroughTracer();

/**
 * The SDK's `TracerProvider` when nothing would receive a span (`OTEL_TRACES_EXPORTER=none` and no
 * span processor of the user's): its tracers are {@link PassThroughTracer}s, so no span object is
 * built per unit of work, while the provider keeps its resource, `forceFlush` and `shutdown`.
 * @internal
 */
export class PassThroughTracerProvider extends TracerProvider {
  override getTracer(): Tracer {
    return PASS_THROUGH;
  }
}

/** Whether `tracer` records nothing (the HTTP instrumentation then skips span work entirely). @internal */
export function isPassThrough(tracer: Tracer): boolean {
  return tracer instanceof PassThroughTracer;
}
