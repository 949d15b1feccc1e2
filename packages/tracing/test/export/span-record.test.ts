import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTraceState, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { fromSpanBatch, toSpanBatch } from '../../src/export/span-record';

/** Finished SDK spans of every shape the transformer handles. */
function finishedSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'records', 'process.pid': 42 }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const a = provider.getTracer('scope-a', '1.2.3');
  const b = provider.getTracer('scope-b');
  const remote = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: 1,
    isRemote: true,
    traceState: createTraceState('vendor=x,other=y'),
  });
  const server = a.startSpan(
    'GET /users/:id',
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.route': '/users/:id',
        'server.port': 8080,
        ok: true,
        tags: ['a', 'b'],
        ratios: [0.5, 1],
      },
    },
    remote,
  );
  server.addEvent('cache miss', { key: 'user:1' });
  server.addEvent('plain');
  server.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream failed' });
  const child = b.startSpan(
    'db.query',
    {
      kind: SpanKind.CLIENT,
      links: [
        { context: server.spanContext(), attributes: { why: 'retry' } },
        {
          context: {
            traceId: 'f'.repeat(32),
            spanId: 'e'.repeat(16),
            traceFlags: 0,
            traceState: createTraceState('k=v'),
          },
        },
      ],
    },
    trace.setSpan(ROOT_CONTEXT, server),
  );
  child.end();
  server.end();
  a.startSpan('root internal').end();
  return exporter.getFinishedSpans();
}

describe("span records (the export thread's wire format)", () => {
  it('survive postMessage cloning and give byte-identical OTLP/JSON', () => {
    const spans = finishedSpans();
    assert.equal(spans.length, 3);
    const cloned = structuredClone(toSpanBatch(spans));
    const direct = new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans));
    const rebuilt = new TextDecoder().decode(JsonTraceSerializer.serializeRequest(fromSpanBatch(cloned)));
    assert.equal(rebuilt, direct);
    // The fixture really has what the format must carry.
    for (const needle of [
      'vendor=x,other=y',
      'k=v',
      'cache miss',
      'upstream failed',
      'scope-b',
      '1.2.3',
      'b7ad6b7169203331',
      '"ratios"',
    ]) {
      assert.ok(direct.includes(needle), needle);
    }
  });

  it('lists each resource and scope once per batch', () => {
    const batch = toSpanBatch(finishedSpans());
    assert.equal(batch.resources.length, 1);
    assert.deepEqual(
      batch.scopes.map((s) => s.name),
      ['scope-b', 'scope-a'],
    );
  });
});
