import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { type ReadableSpan, type SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { startTelemetry } from '@otelkit/core';
import { OtlpReceiver } from '../../../core/test/helpers/otlp-receiver';
import { createOtlpTraceExporter } from '../../src/export/otlp-trace-exporter';
import { startTracing } from '../../src/tracing';

/** Spans with every field the OTLP span message carries. */
function sampleSpans(): ReadableSpan[] {
  const finished: ReadableSpan[] = [];
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'wire', 'process.pid': 4242, 'host.arch': 'x64' }),
    spanProcessors: [
      {
        onStart: () => {},
        onEnd: (span) => finished.push(span),
        forceFlush: async () => {},
        shutdown: async () => {},
      },
    ],
  });
  const tracer = provider.getTracer('@otelkit/wire-test', '1.2.3');
  const root = tracer.startSpan('GET /users/:id', {
    kind: SpanKind.SERVER,
    attributes: {
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'server.port': 8080,
      ratio: 0.25,
      cached: true,
      tags: ['a', 'b'],
      counts: [1, 2, 3],
      unicode: 'żółw ✓',
      big: 2 ** 40,
      negative: -7,
    },
  });
  root.addEvent('cache.miss', { 'cache.key': 'user:17', attempt: 2 });
  root.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream failed' });
  const ctx = {
    traceId: root.spanContext().traceId,
    spanId: 'a1b2c3d4e5f60718',
    traceFlags: 1,
    isRemote: true,
  };
  const child = tracer.startSpan('SELECT users', {
    kind: SpanKind.CLIENT,
    links: [{ context: ctx, attributes: { 'link.reason': 'retry' } }],
  });
  child.setStatus({ code: SpanStatusCode.OK });
  child.end();
  for (const kind of [SpanKind.INTERNAL, SpanKind.PRODUCER, SpanKind.CONSUMER]) {
    tracer.startSpan(`kind ${kind}`, { kind }).end();
  }
  root.end();
  return finished;
}

function exportWith(exporter: SpanExporter, spans: ReadableSpan[]): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(spans, resolve));
}

/** The OTLP/JSON mapping with 64-bit integers as strings and empty optional fields dropped. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || v === '' || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
      out[key] = key === 'intValue' || key.endsWith('UnixNano') ? String(v) : normalise(v);
    }
    return out;
  }
  return value;
}

describe('OTLP span export over http/protobuf (the default) and http/json', () => {
  let receiver: OtlpReceiver;
  let url: string;

  before(async () => {
    receiver = new OtlpReceiver();
    url = `${await receiver.start()}/v1/traces`;
  });

  after(() => receiver.stop());

  it('sends protobuf that an independent decoder (protobufjs, official .proto) reads as the JSON exporter’s payload', async () => {
    const spans = sampleSpans();
    const settings = { url, headers: { 'x-tenant': 't1' }, timeoutMillis: 5_000, logLevel: 'error' };
    const proto = createOtlpTraceExporter({ ...settings, protocol: 'http/protobuf' });
    const json = createOtlpTraceExporter({ ...settings, protocol: 'http/json' });
    receiver.received.length = 0;
    assert.equal((await exportWith(proto, spans)).code, ExportResultCode.SUCCESS);
    assert.equal((await exportWith(json, spans)).code, ExportResultCode.SUCCESS);
    const [viaProto, viaJson] = receiver.received;
    assert.ok(viaProto && viaJson);
    assert.equal(viaProto.headers['content-type'], 'application/x-protobuf');
    assert.equal(viaJson.headers['content-type'], 'application/json');
    assert.equal(viaProto.headers['x-tenant'], 't1');
    assert.deepEqual(normalise(viaProto.body), normalise(viaJson.body));
    const decoded = viaProto.body as {
      resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ name: string; traceId: string }> }> }>;
    };
    const names = decoded.resourceSpans[0]!.scopeSpans[0]!.spans.map((s) => s.name);
    assert.equal(names.length, spans.length);
    assert.equal(decoded.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.traceId, spans[0]!.spanContext().traceId);
    await Promise.all([proto.shutdown(), json.shutdown()]);
  });

  it('startTracing() exports OTLP/protobuf unless OTEL_EXPORTER_OTLP_TRACES_PROTOCOL says http/json', async () => {
    for (const [env, type] of [
      [{}, 'application/x-protobuf'],
      [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }, 'application/json'],
      [{ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' }, 'application/json'],
    ] as const) {
      receiver.received.length = 0;
      const telemetry = startTelemetry({ server: false, runtimeMetrics: false, env: {} });
      const tracing = startTracing(telemetry, { endpoint: url, http: false, env });
      tracing.tracerProvider!.getTracer('t').startSpan('one').end();
      await tracing.forceFlush();
      await telemetry.shutdown();
      const traces = receiver.received.filter((r) => r.path === '/v1/traces');
      assert.equal(traces.length, 1, JSON.stringify(env));
      assert.equal(traces[0]!.headers['content-type'], type, JSON.stringify(env));
    }
  });
});
