import {
  type Context,
  context,
  isSpanContextValid,
  type Span,
  SpanKind,
  type SpanOptions,
  TraceFlags,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { type Sampler, SamplingDecision } from '@opentelemetry/sdk-trace';
import { ActiveSpanTracer } from './active-span';
import type { PooledIdGenerator } from './id-generator';

/** What the sampler is shown for attributes: the specification's named samplers do not read them. */
const NO_ATTRIBUTES = Object.freeze({});

/**
 * The SDK tracer of otelkit's own instrumentation, asking the sampler before the SDK builds anything.
 * When the answer is to drop, it returns the non-recording span the SDK would (the trace ID of the
 * parent or a new one, a new span ID, flags 0, the sampler's or the parent's trace state) without the
 * SDK's span start: its copy and validation of the attributes and links cost more than the rest of an
 * unsampled request's tracing. Otherwise the SDK starts the span as usual, with the trace ID the sampler
 * decided on (handed back to the ID generator), so recorded spans are the SDK's own and every span
 * processor sees them.
 *
 * Only for the specification's named samplers (`OTEL_TRACES_SAMPLER`): they decide from the parent and
 * the trace ID alone, so asking twice for a recorded span gives the same answer. A Sampler object of the
 * user's may count, or read attributes and links; the SDK tracer is used directly then.
 * @internal
 */
export class SampleFirstTracer extends ActiveSpanTracer {
  constructor(
    private readonly sdk: Tracer,
    private readonly sampler: Sampler,
    private readonly ids: PooledIdGenerator,
  ) {
    super();
  }

  startSpan(name: string, options: SpanOptions = {}, ctx: Context = context.active()): Span {
    if (options.root === true || options.links !== undefined || isTracingSuppressed(ctx)) {
      return this.sdk.startSpan(name, options, ctx);
    }
    const parent = trace.getSpanContext(ctx);
    const valid = parent !== undefined && isSpanContextValid(parent);
    const traceId = valid ? parent.traceId : this.ids.generateTraceId();
    const kind = options.kind ?? SpanKind.INTERNAL;
    const result = this.sampler.shouldSample(ctx, traceId, name, kind, NO_ATTRIBUTES, []);
    if (result.decision !== SamplingDecision.NOT_RECORD) {
      if (!valid) this.ids.handBack(traceId);
      return this.sdk.startSpan(name, options, ctx);
    }
    return trace.wrapSpanContext({
      traceId,
      spanId: this.ids.generateSpanId(),
      traceFlags: TraceFlags.NONE,
      traceState: result.traceState ?? (valid ? parent.traceState : undefined),
    });
  }
}
