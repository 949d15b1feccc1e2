import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { type ServerType, serve as serveHono } from '@hono/node-server';
import {
  metricsFetchHandler,
  OPENMETRICS_CONTENT_TYPE,
  PROMETHEUS_CONTENT_TYPE,
  type Telemetry,
} from '@otelkit/core/internal';
import { Hono } from 'hono';
import { fetchText, PROMETHEUS_ACCEPT, serverMetrics, startWithSeries } from './helpers';

let telemetry: Telemetry | undefined;
let server: ServerType | undefined;
afterEach(async () => {
  if (server !== undefined) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
  await telemetry?.shutdown();
  telemetry = undefined;
});

/** Serves a Hono app on 127.0.0.1, port 0; resolves with its base URL. */
function serve(app: Hono): Promise<string> {
  return new Promise((resolve) => {
    server = serveHono({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
}

describe('metricsFetchHandler on a Hono app (fetch-style Request -> Response)', () => {
  it('serves the observability server body, negotiated, with no body for HEAD', async () => {
    telemetry = await startWithSeries();
    const metrics = metricsFetchHandler();
    const base = await serve(new Hono().get('/metrics', (c) => metrics(c.req.raw)));
    const plain = await fetchText(`${base}/metrics`);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-type'], PROMETHEUS_CONTENT_TYPE);
    assert.equal(plain.body, (await serverMetrics(telemetry)).body);
    const open = await fetchText(`${base}/metrics`, { headers: { accept: PROMETHEUS_ACCEPT } });
    assert.equal(open.headers['content-type'], OPENMETRICS_CONTENT_TYPE);
    assert.equal(open.body, (await serverMetrics(telemetry, { accept: PROMETHEUS_ACCEPT })).body);
    const head = await fetchText(`${base}/metrics`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal(head.headers['content-type'], PROMETHEUS_CONTENT_TYPE);
  });

  it('answers 405 with Allow to other methods and 401 before either without the credentials', async () => {
    telemetry = await startWithSeries({ auth: { type: 'bearer', token: 'scrape-token' } });
    const metrics = metricsFetchHandler();
    const base = await serve(new Hono().all('/metrics', (c) => metrics(c.req.raw)));
    const anonymous = await fetchText(`${base}/metrics`, { method: 'PUT' });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers['www-authenticate'], 'Bearer realm="otelkit"');
    assert.doesNotMatch(anonymous.body, /appport/);
    const authorization = 'Bearer scrape-token';
    const put = await fetchText(`${base}/metrics`, { method: 'PUT', headers: { authorization } });
    assert.equal(put.status, 405);
    assert.equal(put.headers.allow, 'GET, HEAD');
    const get = await fetchText(`${base}/metrics`, { headers: { authorization } });
    assert.equal(get.status, 200);
    assert.equal(get.body, (await serverMetrics(telemetry, { authorization })).body);
  });

  it('answers a web Request directly, as a Next.js route handler is called', async () => {
    telemetry = await startWithSeries();
    const response = await metricsFetchHandler()(
      new Request('http://app.example/metrics', { headers: { accept: PROMETHEUS_ACCEPT } }),
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), OPENMETRICS_CONTENT_TYPE);
    const body = await response.text();
    assert.match(body, /^appport_operations_total\{[^}]*\} 1$/m);
    const head = await metricsFetchHandler()(
      new Request('http://app.example/metrics', { method: 'HEAD', headers: { accept: PROMETHEUS_ACCEPT } }),
    );
    assert.equal(head.status, 200);
    assert.equal(head.body, null);
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(body)));
  });
});
