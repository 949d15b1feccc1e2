import assert from 'node:assert/strict';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { afterEach, describe, it } from 'node:test';
import { metricsHandler, OPENMETRICS_CONTENT_TYPE, type Telemetry } from '@otelkit/core/internal';
import { close, fetchText, listen, PROMETHEUS_ACCEPT, serverMetrics, startWithSeries } from './helpers';

/** The part of Express 4 the tests use (the repository has no @types/express). */
type Handler = (
  req: IncomingMessage,
  res: ServerResponse & { send(body: string): void },
  next: () => void,
) => unknown;
interface ExpressApp extends RequestListener {
  use(handler: Handler): ExpressApp;
  use(path: string, handler: Handler): ExpressApp;
  get(path: string, handler: Handler): ExpressApp;
  post(path: string, handler: Handler): ExpressApp;
}
const express = require('express') as () => ExpressApp;

let telemetry: Telemetry | undefined;
let app: Server | undefined;
afterEach(async () => {
  if (app !== undefined) await close(app);
  app = undefined;
  await telemetry?.shutdown();
  telemetry = undefined;
});

/** Serves `expressApp` on an ephemeral port; resolves with its base URL. */
function serve(expressApp: ExpressApp): Promise<string> {
  app = createServer(expressApp);
  return listen(app);
}

describe('metricsHandler as Express middleware', () => {
  it('serves GET and HEAD of /metrics with the observability server body and passes everything else on', async () => {
    telemetry = await startWithSeries();
    const base = await serve(
      express()
        .use(metricsHandler())
        .get('/hello', (_req, res) => res.send('hi'))
        .post('/metrics', (_req, res) => res.send('the app own POST /metrics')),
    );
    const reply = await fetchText(`${base}/metrics?debug=1`, { headers: { accept: PROMETHEUS_ACCEPT } });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-type'], OPENMETRICS_CONTENT_TYPE);
    assert.equal(reply.body, (await serverMetrics(telemetry, { accept: PROMETHEUS_ACCEPT })).body);
    const head = await fetchText(`${base}/metrics`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal((await fetchText(`${base}/hello`)).body, 'hi');
    assert.equal((await fetchText(`${base}/metrics`, { method: 'POST' })).body, 'the app own POST /metrics');
    assert.equal((await fetchText(`${base}/metrics/more`)).status, 404);
  });

  it('serves the path given in options.path only', async () => {
    telemetry = await startWithSeries();
    const base = await serve(express().use(metricsHandler({ path: '/internal/metrics' })));
    assert.match((await fetchText(`${base}/internal/metrics`)).body, /appport_operations_total/);
    assert.equal((await fetchText(`${base}/metrics`)).status, 404);
  });

  it('serves the path it is mounted on with app.use(path) and the route it is given with app.get', async () => {
    telemetry = await startWithSeries();
    const base = await serve(express().use('/metrics', metricsHandler()).get('/prom', metricsHandler()));
    const expected = (await serverMetrics(telemetry)).body;
    assert.equal((await fetchText(`${base}/metrics`)).body, expected);
    assert.equal((await fetchText(`${base}/prom`)).body, expected);
  });

  it('refuses a scrape without the credentials with 401, and never passes it on', async () => {
    telemetry = await startWithSeries({ auth: { type: 'bearer', token: 'scrape-token' } });
    const base = await serve(express().use(metricsHandler()));
    const refused = await fetchText(`${base}/metrics`);
    assert.equal(refused.status, 401);
    assert.equal(refused.headers['www-authenticate'], 'Bearer realm="otelkit"');
    assert.doesNotMatch(refused.body, /appport/);
    const accepted = await fetchText(`${base}/metrics`, {
      headers: { authorization: 'Bearer scrape-token' },
    });
    assert.match(accepted.body, /appport_operations_total/);
  });
});
