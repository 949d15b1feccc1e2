import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect as connectHttp2, createServer as createHttp2Server } from 'node:http2';
import { createServer as createHttpsServer, get as httpsGet } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { selfSigned } from '../../../test/helpers/tls';
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
  let downstream: Server;
  let downstreamUrl: string;
  const downstreamHeaders: IncomingHttpHeaders[] = [];

  before(async () => {
    receiver = await startOtlpReceiver();
    telemetry = startTelemetry({ serviceName: 'unit', server: false, runtimeMetrics: false, env: {} });
    tracing = startTracing(telemetry, {
      endpoint: `${receiver.url}/v1/traces`,
      http: { serverTiming: true },
      env: {},
    });
    downstream = createServer((req, res) => {
      downstreamHeaders.push(req.headers);
      res.end();
    });
    await new Promise<void>((r) => downstream.listen(0, '127.0.0.1', r));
    downstreamUrl = `http://127.0.0.1:${(downstream.address() as AddressInfo).port}/`;
    server = createServer((req, res) => {
      if (req.url === '/forward') {
        get(downstreamUrl, (down) => down.resume().on('end', () => res.end(getCorrelationId() ?? '')));
        return;
      }
      if (req.url?.startsWith('/users/')) setHttpRoute('/users/:id');
      res.statusCode = req.url === '/boom' ? 503 : 200;
      res.end(getCorrelationId() ?? '');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.close();
    downstream.close();
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
    for (const secret of ['hunter2-secret', 'abc.def.ghi', 'pw-secret', 'tok-secret'])
      assert.ok(!text.includes(secret), text);
    const exception = leaky.events.find((e) => e.name === 'exception');
    assert.match(String(exception?.attributes['exception.message']), /token=\[REDACTED\]/);
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

  it('passes the other incoming baggage entries (tenant=acme) on to outgoing requests, beside the correlation ID', async () => {
    const forward = async (headers: Record<string, string>) => {
      const id = await (await fetch(`${base}/forward`, { headers })).text();
      const sent = downstreamHeaders.at(-1)?.baggage;
      const entries = new Map(
        String(sent)
          .split(',')
          .map((e) => e.trim().split('=') as [string, string]),
      );
      return { id, entries };
    };
    const withHeader = await forward({ baggage: 'tenant=acme,tier=gold', 'x-correlation-id': 'order-7' });
    assert.equal(withHeader.id, 'order-7');
    assert.deepEqual(Object.fromEntries(withHeader.entries), {
      tenant: 'acme',
      tier: 'gold',
      'correlation.id': 'order-7',
    });
    const generated = await forward({ baggage: 'tenant=acme' });
    assert.match(generated.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(Object.fromEntries(generated.entries), {
      tenant: 'acme',
      'correlation.id': generated.id,
    });
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

  it('traces https servers and clients too (url.scheme, url.full), and leaves http2 requests alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otelkit-https-'));
    const { certFile, keyFile } = selfSigned(dir, 'localhost');
    const tls = { key: readFileSync(keyFile), cert: readFileSync(certFile) };
    const secure = createHttpsServer(tls, (_req, res) => res.end('secure'));
    // no span of otelkit's around an http2 compatibility request (it would never end)
    const h2 = createHttp2Server((_req, res) =>
      res.end(trace.getActiveSpan() === undefined ? 'h2' : 'in a span'),
    );
    try {
      await new Promise<void>((r) => secure.listen(0, '127.0.0.1', r));
      await new Promise<void>((r) => h2.listen(0, '127.0.0.1', r));
      const port = (secure.address() as AddressInfo).port;
      const body = await new Promise<string>((resolve, reject) => {
        httpsGet(`https://127.0.0.1:${port}/secure?token=abc`, { ca: tls.cert }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => {
            text += d.toString();
          });
          res.on('end', () => resolve(text));
        }).on('error', reject);
      });
      assert.equal(body, 'secure');
      const session = connectHttp2(`http://127.0.0.1:${(h2.address() as AddressInfo).port}`);
      const h2Body = await new Promise<string>((resolve, reject) => {
        let text = '';
        const stream = session.request({ ':path': '/h2' });
        stream.on('data', (d: Buffer) => {
          text += d.toString();
        });
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
        stream.end();
      });
      session.close();
      assert.equal(h2Body, 'h2', 'an http2 compatibility server answers, outside any otelkit span');
      const spans = await flushed();
      const server = spans.find((s) => s.kind === 2 && s.attributes['url.path'] === '/secure')!;
      assert.ok(server, 'no server span for the https request');
      assert.equal(server.attributes['url.scheme'], 'https');
      const client = spans.find((s) => s.kind === 3 && s.spanId === server.parentSpanId)!;
      assert.ok(client, 'the https client span is the server span’s parent');
      const full = String(client.attributes['url.full']);
      assert.ok(full.startsWith(`https://127.0.0.1:${port}/secure?token=`), full);
      assert.ok(!full.includes('abc'), full);
      assert.equal(
        spans.find((s) => s.kind === 2 && s.attributes['url.path'] === '/h2'),
        undefined,
        'http2 requests are not (mis)traced as http/1 ones',
      );
    } finally {
      secure.close();
      h2.close();
      rmSync(dir, { recursive: true, force: true });
    }
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
