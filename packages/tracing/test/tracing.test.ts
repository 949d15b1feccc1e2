import assert from 'node:assert/strict';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { type OtlpReceiver, startOtlpReceiver } from '../../../test/tracing/helpers/otlp-receiver';
import { getCorrelationId, withCorrelation } from '../src/correlation/context';
import { setHttpRoute } from '../src/http/request-state';
import { Traced, traced } from '../src/traced';
import { startTracing, type Tracing } from '../src/tracing';

describe('startTracing (in process, spans to a real OTLP receiver)', () => {
  let receiver: OtlpReceiver;
  let telemetry: Telemetry;
  let tracing: Tracing;
  let server: Server;
  let base: string;

  before(async () => {
    receiver = await startOtlpReceiver();
    telemetry = startTelemetry({ serviceName: 'unit', server: false, runtimeMetrics: false, env: {} });
    tracing = startTracing(telemetry, {
      endpoint: `${receiver.url}/v1/traces`,
      http: { serverTiming: true },
      env: {},
    });
    server = createServer((req, res) => {
      if (req.url?.startsWith('/users/')) setHttpRoute('/users/:id');
      res.statusCode = req.url === '/boom' ? 503 : 200;
      res.end(getCorrelationId() ?? '');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.close();
    await telemetry.shutdown();
    await receiver.close();
  });

  const flushed = async () => {
    await tracing.forceFlush();
    return receiver.spans;
  };

  it('traced() ends a sync span, an async span and a failing span exactly once, with the error recorded', async () => {
    assert.equal(
      traced('sync-work', () => 1 + 1),
      2,
    );
    assert.equal(await traced('async-work', async () => 'done', { attributes: { 'job.id': 7 } }), 'done');
    await assert.rejects(
      traced('failing-work', async () => {
        throw new TypeError('bad input');
      }),
      TypeError,
    );
    traced('self-ended', (span) => span.end());
    const spans = await flushed();
    for (const name of ['sync-work', 'async-work', 'failing-work', 'self-ended']) {
      assert.equal(spans.filter((s) => s.name === name).length, 1, name);
    }
    assert.equal(spans.find((s) => s.name === 'async-work')?.attributes['job.id'], 7);
    const failing = spans.find((s) => s.name === 'failing-work')!;
    assert.equal(failing.status.code, SpanStatusCode.ERROR);
    assert.equal(failing.attributes['error.type'], 'TypeError');
  });

  it('the @Traced() decorator wraps a method in a span named Class.method', async () => {
    class Repo {
      @Traced()
      async load(id: number): Promise<number> {
        return id * 2;
      }
    }
    assert.equal(await new Repo().load(21), 42);
    assert.ok((await flushed()).some((s) => s.name === 'Repo.load'));
  });

  it('withCorrelation() gives spans started inside its ID and attributes, and getCorrelationId() returns it', async () => {
    const seen = await withCorrelation({ id: 'cycle-1', operation: 'sync_cycle', source: 'github' }, () =>
      traced('step', () => getCorrelationId()),
    );
    assert.equal(seen, 'cycle-1');
    const step = (await flushed()).find((s) => s.name === 'step')!;
    assert.equal(step.attributes['correlation.id'], 'cycle-1');
    assert.equal(step.attributes['otelkit.operation'], 'sync_cycle');
    assert.equal(step.attributes.source, 'github');
    assert.equal(getCorrelationId(), undefined);
  });

  it('withCorrelation() replaces an invalid ID with a generated one', () => {
    const id = withCorrelation({ id: 'bad id\n"x"' }, () => getCorrelationId());
    assert.match(id ?? '', /^[0-9a-f-]{36}$/);
  });

  it('masks credentials in span attributes and exception messages', async () => {
    traced('leaky', (span) => {
      span.setAttribute('db.password', 'hunter2-secret');
      span.setAttribute('note', 'used Bearer abc.def.ghi to call https://u:pw-secret@host/x');
      span.recordException(new Error('login failed for token=tok-secret'));
    });
    const leaky = (await flushed()).find((s) => s.name === 'leaky')!;
    const text = JSON.stringify(leaky);
    for (const secret of ['hunter2-secret', 'abc.def.ghi', 'pw-secret'])
      assert.ok(!text.includes(secret), text);
  });

  it('replaces an incoming correlation header that is too long or has bad characters', async () => {
    for (const bad of ['x'.repeat(500), 'a b', 'evil"\u001b[31m']) {
      const response = await fetch(`${base}/`, { headers: { 'x-correlation-id': bad } }).catch(
        () => undefined,
      );
      if (response === undefined) continue; // fetch itself refuses control characters
      const id = await response.text();
      assert.notEqual(id, bad);
      assert.match(id, /^[0-9a-f-]{36}$/);
    }
  });

  it('takes x-request-id when there is no x-correlation-id, and baggage when there is neither', async () => {
    assert.equal(await (await fetch(`${base}/`, { headers: { 'x-request-id': 'req-9' } })).text(), 'req-9');
    assert.equal(
      await (await fetch(`${base}/`, { headers: { baggage: 'correlation.id=bag-3,other=1' } })).text(),
      'bag-3',
    );
  });

  it('records http.route, the status code, error status for 5xx and a Server-Timing header', async () => {
    const response = await fetch(`${base}/users/17`);
    await response.text();
    assert.match(
      response.headers.get('server-timing') ?? '',
      /^traceparent;desc="00-[0-9a-f]{32}-[0-9a-f]{16}-01"$/,
    );
    await (await fetch(`${base}/boom`)).text();
    const spans = await flushed();
    const user = spans.find((s) => s.kind === 2 && s.attributes['url.path'] === '/users/17')!;
    assert.equal(user.name, 'GET /users/:id');
    assert.equal(user.attributes['http.route'], '/users/:id');
    const [, traceId, spanId] = /00-([0-9a-f]{32})-([0-9a-f]{16})/.exec(
      response.headers.get('server-timing')!,
    )!;
    assert.equal(user.traceId, traceId);
    assert.equal(user.spanId, spanId);
    const boom = spans.find((s) => s.kind === 2 && s.attributes['url.path'] === '/boom')!;
    assert.equal(boom.attributes['http.response.status_code'], 503);
    assert.equal(boom.attributes['error.type'], '503');
    assert.equal(boom.status.code, SpanStatusCode.ERROR);
  });

  it('replaces the values of signed-URL and API-key query parameters in client url.full with REDACTED (http and fetch)', async () => {
    const query =
      'color=blue&sig=azSig1&X-Amz-Signature=amzSig2&X-Goog-Signature=gSig3&AWSAccessKeyId=AKIA4&Signature=cfSig5&code=oauth6&key=apiKey7&token=tok8';
    await new Promise<void>((resolve) =>
      get(`${base}/signed?${query}`, (res) => res.resume().on('end', resolve)),
    );
    await (await fetch(`${base}/fetched?${query}`)).text();
    const spans = await flushed();
    const expected =
      'color=blue&sig=REDACTED&X-Amz-Signature=REDACTED&X-Goog-Signature=REDACTED&AWSAccessKeyId=REDACTED&Signature=REDACTED&code=REDACTED&key=REDACTED&token=REDACTED';
    for (const path of ['/signed', '/fetched']) {
      const client = spans.find((s) => s.kind === 3 && String(s.attributes['url.full']).includes(`${path}?`));
      assert.ok(client, `client span of ${path}`);
      assert.equal(client.attributes['url.full'], `${base}${path}?${expected}`);
    }
    const text = JSON.stringify(spans);
    for (const secret of ['azSig1', 'amzSig2', 'gSig3', 'AKIA4', 'cfSig5', 'oauth6', 'apiKey7', 'tok8'])
      assert.ok(!text.includes(secret), secret);
  });

  it('injects trace context into http.get and makes the server span its child', async () => {
    const parent = await traced('outer', async () => {
      await new Promise<void>((resolve) => get(`${base}/x`, (res) => res.resume().on('end', resolve)));
      return trace.getActiveSpan()!.spanContext();
    });
    const spans = await flushed();
    const client = spans.find((s) => s.kind === 3 && s.parentSpanId === parent.spanId)!;
    assert.ok(client, 'no client span under outer');
    const child = spans.find((s) => s.kind === 2 && s.parentSpanId === client.spanId);
    assert.ok(child, 'server span is not the child of the client span');
  });

  it('records http.server.request.duration in seconds with method, status and route only', async () => {
    const metrics = await telemetry.collect();
    const all = metrics?.scopeMetrics.flatMap((s) => s.metrics) ?? [];
    const duration = all.find((m) => m.descriptor.name === 'http.server.request.duration');
    assert.ok(duration, 'no http.server.request.duration');
    assert.equal(duration.descriptor.unit, 's');
    const keys = new Set(duration.dataPoints.flatMap((p) => Object.keys(p.attributes)));
    for (const key of keys) {
      assert.ok(
        ['http.request.method', 'http.response.status_code', 'http.route', 'error.type'].includes(key),
        key,
      );
    }
    const routes = duration.dataPoints.map((p) => p.attributes['http.route']);
    assert.ok(routes.includes('/users/:id'));
    assert.ok(!routes.some((r) => typeof r === 'string' && r.includes('17')));
  });
});
