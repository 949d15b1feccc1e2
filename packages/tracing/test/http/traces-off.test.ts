import assert from 'node:assert/strict';
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { getCorrelationId } from '../../src/correlation/context';
import { traced } from '../../src/traced';
import { startTracing, type Tracing } from '../../src/tracing';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';

/** What a handler saw of the active span. */
interface Seen {
  recording: boolean | undefined;
  traceId: string | undefined;
  correlationId: string | undefined;
  tracerRecords: boolean;
}

function request(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

describe('OTEL_TRACES_EXPORTER=none with no span processor: no span is built', () => {
  let telemetry: Telemetry;
  let tracing: Tracing;
  let server: Server;
  let downstream: Server;
  let base: string;
  const downstreamHeaders: IncomingHttpHeaders[] = [];
  const seen: Seen[] = [];

  before(async () => {
    telemetry = startTelemetry({ serviceName: 'off', server: false, runtimeMetrics: false, env: {} });
    tracing = startTracing(telemetry, { env: { OTEL_TRACES_EXPORTER: 'none' } });
    downstream = createServer((req, res) => {
      downstreamHeaders.push(req.headers);
      res.end();
    });
    await new Promise<void>((r) => downstream.listen(0, '127.0.0.1', r));
    const downstreamUrl = `http://127.0.0.1:${(downstream.address() as AddressInfo).port}/`;
    server = createServer((_req, res) => {
      const span = trace.getActiveSpan();
      const mine = trace.getTracer('app').startSpan('work');
      mine.end();
      seen.push({
        recording: span?.isRecording(),
        traceId: span?.spanContext().traceId,
        correlationId: getCorrelationId(),
        tracerRecords: mine.isRecording(),
      });
      get(downstreamUrl, (down) => down.resume().on('end', () => res.end(getCorrelationId() ?? '')));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.close();
    downstream.close();
    await telemetry.shutdown();
  });

  it('records no span, for requests or for the app, and registers no exporter', async () => {
    seen.length = 0;
    await request(`${base}/a`);
    assert.equal(seen.length, 1);
    assert.notEqual(seen[0]!.recording, true, 'no recording server span');
    assert.equal(seen[0]!.tracerRecords, false, "the app's tracer records nothing either");
    assert.equal(
      traced('job', (span) => span.isRecording()),
      false,
    );
    const span = tracing.tracerProvider!.getTracer('direct').startSpan('x');
    assert.equal(span.isRecording(), false);
  });

  it('keeps correlation IDs, and propagates an incoming traceparent unchanged downstream', async () => {
    seen.length = 0;
    downstreamHeaders.length = 0;
    const body = await request(`${base}/b`, {
      traceparent: `00-${TRACE_ID}-${PARENT_ID}-01`,
      'x-correlation-id': 'req-42',
    });
    assert.equal(body, 'req-42');
    assert.equal(seen[0]!.correlationId, 'req-42');
    assert.equal(seen[0]!.traceId, TRACE_ID, "the handler's active span carries the caller's trace");
    assert.equal(seen[0]!.recording, false);
    assert.equal(downstreamHeaders[0]!.traceparent, `00-${TRACE_ID}-${PARENT_ID}-01`);
    assert.match(String(downstreamHeaders[0]!.baggage), /correlation\.id=req-42/);
  });

  it('sends no traceparent downstream for a request that brought none, and makes a correlation ID', async () => {
    seen.length = 0;
    downstreamHeaders.length = 0;
    const body = await request(`${base}/c`);
    assert.match(body, /^[0-9a-f-]{36}$/);
    assert.equal(downstreamHeaders[0]!.traceparent, undefined);
  });

  it('keeps the HTTP RED metrics (http.server.request.duration and http.client.request.duration)', async () => {
    const metrics = await telemetry.collect();
    const all = metrics?.scopeMetrics.flatMap((s) => s.metrics) ?? [];
    const server = all.find((m) => m.descriptor.name === 'http.server.request.duration');
    const client = all.find((m) => m.descriptor.name === 'http.client.request.duration');
    assert.ok(server && client, 'both RED histograms');
    const count = (m: typeof server) =>
      m.dataPoints.reduce((n, p) => n + ((p.value as { count?: number }).count ?? 0), 0);
    assert.ok(count(server) >= 3, `server count ${count(server)}`);
    assert.ok(count(client) >= 3, `client count ${count(client)}`);
  });
});
