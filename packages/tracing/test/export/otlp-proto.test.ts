import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Link, ROOT_CONTEXT, SpanKind, TraceFlags, trace } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOnSampler, type ReadableSpan, TracerProvider } from '@opentelemetry/sdk-trace';
import fc from 'fast-check';
import { decodeProtobufTraces } from '../../../core/test/helpers/otlp-traces';
import { ProtoWriter } from '../../src/export/otlp-proto/proto-writer';
import { TraceRequestEncoder } from '../../src/export/otlp-proto/trace-request';
import { attributes, text } from './otlp-arbitraries';

const hex = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('hex'));
const link: fc.Arbitrary<Link> = fc.record({
  context: fc.record({
    traceId: hex(16),
    spanId: hex(8),
    traceFlags: fc.constantFrom(TraceFlags.NONE, TraceFlags.SAMPLED),
    isRemote: fc.option(fc.boolean(), { nil: undefined }),
    traceState: fc.option(
      fc.constantFrom('vendor=a', 'one=1,two=2').map((s) => new TraceState(s)),
      { nil: undefined },
    ),
  }),
  attributes: fc.option(attributes, { nil: undefined }),
});
const spanSpec = fc.record({
  name: text,
  kind: fc.constantFrom(
    SpanKind.INTERNAL,
    SpanKind.SERVER,
    SpanKind.CLIENT,
    SpanKind.PRODUCER,
    SpanKind.CONSUMER,
  ),
  attributes,
  events: fc.array(fc.record({ name: text, attributes: fc.option(attributes, { nil: undefined }) }), {
    maxLength: 3,
  }),
  links: fc.array(link, { maxLength: 2 }),
  status: fc.record({ code: fc.constantFrom(0, 1, 2), message: fc.option(text, { nil: undefined }) }),
  parent: fc.option(
    fc.record({ traceId: hex(16), spanId: hex(8), isRemote: fc.boolean(), flags: fc.constantFrom(0, 1) }),
    { nil: undefined },
  ),
  scope: fc.nat({ max: 2 }),
  resource: fc.nat({ max: 1 }),
});

/** Finished SDK spans, spread over two resources and three instrumentation scopes (some with schema URLs). */
function makeSpans(
  specs: ReadonlyArray<typeof spanSpec extends fc.Arbitrary<infer T> ? T : never>,
): ReadableSpan[] {
  const finished: ReadableSpan[] = [];
  const processor = {
    onStart: () => {},
    onEnd: (span: ReadableSpan) => finished.push(span),
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  const providers = [
    resourceFromAttributes({ 'service.name': 'wire', 'process.pid': 4242, 'host.arch': 'x64' }),
    resourceFromAttributes(
      { 'service.name': 'other' },
      { schemaUrl: 'https://opentelemetry.io/schemas/1.30.0' },
    ),
  ].map(
    (resource) =>
      new TracerProvider({
        resource,
        sampler: new AlwaysOnSampler(),
        spanLimits: { attributeCountLimit: 1_000, eventCountLimit: 2, linkCountLimit: 1 },
        spanProcessors: [processor],
      }),
  );
  for (const spec of specs) {
    const provider = providers[spec.resource]!;
    const tracer = [
      provider.getTracer('@otelkit/wire-test', '1.2.3'),
      provider.getTracer('plain'),
      provider.getTracer('schema', '0.1', { schemaUrl: 'https://example.com/s' }),
    ][spec.scope]!;
    const parent =
      spec.parent === undefined
        ? undefined
        : trace.setSpanContext(ROOT_CONTEXT, {
            traceId: spec.parent.traceId,
            spanId: spec.parent.spanId,
            traceFlags: spec.parent.flags,
            isRemote: spec.parent.isRemote,
            traceState: new TraceState('p=1'),
          });
    const span = tracer.startSpan(
      spec.name,
      { kind: spec.kind, attributes: spec.attributes, links: spec.links },
      parent,
    );
    for (const event of spec.events) span.addEvent(event.name, event.attributes);
    if (spec.status.code !== 0) span.setStatus(spec.status);
    span.end();
  }
  return finished;
}
describe('TraceRequestEncoder (OTLP/protobuf in one pass)', () => {
  it('writes byte for byte what the upstream ProtobufTraceSerializer writes, for any spans', () => {
    const encoder = new TraceRequestEncoder();
    fc.assert(
      fc.property(fc.array(spanSpec, { minLength: 1, maxLength: 12 }), (specs) => {
        const spans = makeSpans(specs);
        const ours = Buffer.from(encoder.encode(spans));
        const upstream = Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!);
        assert.ok(ours.equals(upstream), `differs at byte ${ours.findIndex((b, i) => b !== upstream[i])}`);
      }),
      { numRuns: 300 },
    );
  });

  it('is read by an independent decoder (protobufjs and the official .proto files) with every field', () => {
    const spans = makeSpans([
      {
        name: 'GET /users/:id',
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': 'GET',
          big: 2 ** 40,
          negative: -7,
          ratio: 0.25,
          ok: true,
          list: ['a'],
        },
        events: [{ name: 'cache.miss', attributes: { attempt: 2 } }],
        links: [
          {
            context: { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), traceFlags: 1, isRemote: true },
            attributes: { reason: 'retry' },
          },
        ],
        status: { code: 2, message: 'upstream failed' },
        parent: { traceId: '12'.repeat(16), spanId: '34'.repeat(8), isRemote: true, flags: 1 },
        scope: 0,
        resource: 0,
      },
    ]);
    const decoded = decodeProtobufTraces(new TraceRequestEncoder().encode(spans)) as {
      resourceSpans: Array<{
        resource: { attributes: Array<{ key: string }> };
        scopeSpans: Array<{
          scope: { name: string; version: string };
          spans: Array<Record<string, unknown>>;
        }>;
      }>;
    };
    const rs = decoded.resourceSpans[0]!;
    assert.deepEqual(rs.resource.attributes.map((a) => a.key).sort(), [
      'host.arch',
      'process.pid',
      'service.name',
    ]);
    assert.deepEqual(rs.scopeSpans[0]!.scope, { name: '@otelkit/wire-test', version: '1.2.3' });
    const span = rs.scopeSpans[0]!.spans[0]!;
    assert.equal(span.traceId, '12'.repeat(16));
    assert.equal(span.parentSpanId, '34'.repeat(8));
    assert.equal(span.spanId, spans[0]!.spanContext().spanId);
    assert.equal(span.name, 'GET /users/:id');
    assert.equal(span.kind, 2);
    assert.equal(span.traceState, 'p=1');
    assert.equal(span.flags, 0x301);
    assert.deepEqual(span.status, { message: 'upstream failed', code: 2 });
    const attrs = Object.fromEntries(
      (span.attributes as Array<{ key: string; value: Record<string, unknown> }>).map((a) => [
        a.key,
        a.value,
      ]),
    );
    assert.deepEqual(attrs, {
      'http.request.method': { stringValue: 'GET' },
      big: { intValue: String(2 ** 40) },
      negative: { intValue: '-7' },
      ratio: { doubleValue: 0.25 },
      ok: { boolValue: true },
      list: { arrayValue: { values: [{ stringValue: 'a' }] } },
    });
    const [start, end] = [BigInt(span.startTimeUnixNano as string), BigInt(span.endTimeUnixNano as string)];
    const [s, ns] = spans[0]!.startTime;
    assert.equal(start, BigInt(s) * 1_000_000_000n + BigInt(ns));
    assert.ok(end >= start);
    assert.equal((span.events as unknown[]).length, 1);
    assert.equal((span.links as Array<{ traceId: string }>)[0]!.traceId, 'ab'.repeat(16));
  });
});

describe('ProtoWriter', () => {
  /** protobufjs-free reading of one length-delimited field: its length varint and content. */
  function readDelimited(bytes: Uint8Array): { length: number; headerBytes: number } {
    let length = 0;
    let shift = 0;
    let i = 0;
    for (;;) {
      const b = bytes[i++]!;
      length += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) break;
    }
    return { length, headerBytes: i };
  }

  it('writes each nested length as the shortest varint, whatever it reserved', () => {
    for (const reserve of [1, 2, 3]) {
      for (const size of [0, 1, 127, 128, 16_383, 16_384, 70_000]) {
        const w = new ProtoWriter();
        w.reset();
        const mark = w.begin(reserve);
        for (let i = 0; i < size; i++) w.varint32(i % 100);
        w.end(mark);
        const out = w.finish();
        const { length, headerBytes } = readDelimited(out);
        assert.equal(length, size, `reserve ${reserve}, size ${size}`);
        assert.equal(headerBytes, size < 128 ? 1 : size < 16_384 ? 2 : 3, `reserve ${reserve}, size ${size}`);
        assert.equal(out.length, headerBytes + size);
        for (let i = 0; i < size; i++) assert.equal(out[headerBytes + i], i % 100);
      }
    }
  });

  it('hands out a buffer per message that the next message does not overwrite', () => {
    const w = new ProtoWriter();
    w.reset();
    w.string('first message');
    const first = w.finish();
    w.reset();
    w.string('second!');
    w.finish();
    assert.equal(Buffer.from(first).subarray(1).toString(), 'first message');
  });

  it('writes times past 2^53 nanoseconds exactly', () => {
    for (const time of [
      [0, 0],
      [1, 999_999_999],
      [1_765_000_000, 123_456_789],
      [4_294_967_295, 999_999_999],
    ] as const) {
      const w = new ProtoWriter();
      w.reset();
      w.hrTime(time);
      const out = Buffer.from(w.finish());
      assert.equal(out.readBigUInt64LE(0), BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]), String(time));
    }
  });
});
