import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Context,
  ROOT_CONTEXT,
  SamplingDecision,
  type Span,
  SpanKind,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { suppressTracing, TraceState } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  type Sampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { PooledIdGenerator } from '../src/id-generator';
import { ReloadableSampler } from '../src/reloadable-sampler';
import { SampleFirstTracer } from '../src/sample-first-tracer';

const RATIO = 0.5;

/** The same provider set-up otelkit uses, with spans kept in memory. */
function setUp(sampler: Sampler) {
  const exporter = new InMemorySpanExporter();
  const ids = new PooledIdGenerator();
  const provider = new TracerProvider({
    sampler,
    idGenerator: ids,
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const tracer = new SampleFirstTracer(provider.getTracer('test'), sampler, ids);
  const finished = async () => {
    await provider.forceFlush();
    return exporter.getFinishedSpans();
  };
  return { finished, tracer };
}

function remoteParent(sampled: boolean, traceState?: TraceState): Context {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
    traceState,
  });
}

const ratioSays = (traceId: string): boolean =>
  new TraceIdRatioBasedSampler(RATIO).shouldSample(ROOT_CONTEXT, traceId).decision ===
  SamplingDecision.RECORD_AND_SAMPLED;

describe('SampleFirstTracer', () => {
  it('records exactly the root spans whose trace ID the ratio samples, as SDK spans the processors see', async () => {
    const { finished: flushed, tracer } = setUp(new ReloadableSampler('parentbased_traceidratio', RATIO));
    const spans: Span[] = [];
    for (let i = 0; i < 400; i++) {
      const span = tracer.startSpan(
        'GET',
        { kind: SpanKind.SERVER, attributes: { 'url.path': '/' } },
        ROOT_CONTEXT,
      );
      spans.push(span);
      span.end();
    }
    for (const span of spans) {
      const sc = span.spanContext();
      const sampled = (sc.traceFlags & TraceFlags.SAMPLED) !== 0;
      assert.equal(
        sampled,
        ratioSays(sc.traceId),
        `trace ${sc.traceId}: flags follow the ratio on its own ID`,
      );
      assert.match(sc.traceId, /^[0-9a-f]{32}$/);
      assert.match(sc.spanId, /^[0-9a-f]{16}$/);
    }
    const finished = await flushed();
    assert.ok(finished.length > 120 && finished.length < 280, `${finished.length} of 400 sampled`);
    assert.equal(
      finished.length,
      spans.filter((s) => s.spanContext().traceFlags & TraceFlags.SAMPLED).length,
    );
    assert.ok(finished.every((s) => s.attributes['url.path'] === '/' && s.kind === SpanKind.SERVER));
    assert.equal(new Set(spans.map((s) => s.spanContext().traceId)).size, 400, 'no trace ID used twice');
  });

  it('follows a remote parent: its trace ID and trace state, sampled or not as it says', async () => {
    const { finished: flushed, tracer } = setUp(new ReloadableSampler('parentbased_traceidratio', 0));
    const state = new TraceState('vendor=abc');
    const dropped = tracer.startSpan('GET', {}, remoteParent(false, state));
    assert.equal(dropped.isRecording(), false);
    assert.equal(dropped.spanContext().traceId, '0af7651916cd43dd8448eb211c80319c');
    assert.notEqual(dropped.spanContext().spanId, 'b7ad6b7169203331');
    assert.equal(dropped.spanContext().traceFlags, TraceFlags.NONE);
    assert.equal(dropped.spanContext().traceState?.serialize(), 'vendor=abc');
    const kept = tracer.startSpan('GET', {}, remoteParent(true, state));
    kept.end();
    assert.equal(kept.isRecording(), false, 'ended');
    const [span] = await flushed();
    assert.equal(span?.spanContext().traceId, '0af7651916cd43dd8448eb211c80319c');
    assert.equal(span?.parentSpanContext?.spanId, 'b7ad6b7169203331');
  });

  it('leaves suppressed contexts, links and root spans to the SDK', async () => {
    const { finished: flushed, tracer } = setUp(new ReloadableSampler('always_on', 1));
    const suppressed = tracer.startSpan('x', {}, suppressTracing(remoteParent(true)));
    assert.equal(
      trace.isSpanContextValid(suppressed.spanContext()),
      false,
      'the SDK hands out an invalid span',
    );
    const link = { context: trace.getSpanContext(remoteParent(true))! };
    tracer.startSpan('linked', { links: [link] }, ROOT_CONTEXT).end();
    tracer.startSpan('root', { root: true }, remoteParent(true)).end();
    const [linked, root] = await flushed();
    assert.equal(linked?.links.length, 1);
    assert.equal(root?.parentSpanContext, undefined);
  });

  it('runs startActiveSpan callbacks with the span it started, sampled or not', () => {
    for (const ratio of [0, 1]) {
      const { tracer } = setUp(new ReloadableSampler('traceidratio', ratio));
      const recording = tracer.startActiveSpan('op', (span) => {
        assert.ok(trace.isSpanContextValid(span.spanContext()));
        const was = span.isRecording();
        span.end();
        return was;
      });
      assert.equal(recording, ratio === 1);
    }
  });
});
