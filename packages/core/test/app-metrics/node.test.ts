import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, it } from 'node:test';
import {
  addPeerMetrics,
  gaugeMetrics,
  metricsHandler,
  OPENMETRICS_CONTENT_TYPE,
  PROMETHEUS_CONTENT_TYPE,
  type Telemetry,
  withAttributes,
} from '@otelkit/core/internal';
import {
  basicHeader,
  close,
  fetchText,
  listen,
  PROMETHEUS_ACCEPT,
  serverMetrics,
  startWithSeries,
} from './helpers';

let telemetry: Telemetry | undefined;
let app: Server | undefined;
afterEach(async () => {
  if (app !== undefined) await close(app);
  app = undefined;
  await telemetry?.shutdown();
  telemetry = undefined;
});

/** An app whose every request goes to the handler, as `http.createServer(metricsHandler())`. */
async function appWith(handler: ReturnType<typeof metricsHandler>): Promise<string> {
  app = createServer((req, res) => void handler(req, res));
  return `${await listen(app)}/metrics`;
}

describe('metricsHandler on a node:http server', () => {
  it('serves the body of the observability server /metrics, as Prometheus text by default', async () => {
    telemetry = await startWithSeries();
    const url = await appWith(metricsHandler());
    const reply = await fetchText(url);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-type'], PROMETHEUS_CONTENT_TYPE);
    assert.equal(reply.headers['cache-control'], 'no-store');
    assert.match(reply.body, /^appport_operations_total\{[^}]*operation="sync"[^}]*\} 1$/m);
    assert.equal(reply.body, (await serverMetrics(telemetry)).body);
  });

  it('serves OpenMetrics when the Accept header asks, as the observability server does', async () => {
    telemetry = await startWithSeries();
    const url = await appWith(metricsHandler());
    const reply = await fetchText(url, { headers: { accept: PROMETHEUS_ACCEPT } });
    assert.equal(reply.headers['content-type'], OPENMETRICS_CONTENT_TYPE);
    assert.match(reply.body, /# EOF\n$/);
    assert.equal(reply.body, (await serverMetrics(telemetry, { accept: PROMETHEUS_ACCEPT })).body);
    const plain = await fetchText(url, { headers: { accept: 'text/plain;version=0.0.4' } });
    assert.equal(plain.headers['content-type'], PROMETHEUS_CONTENT_TYPE);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    telemetry = await startWithSeries();
    const url = await appWith(metricsHandler());
    const get = await fetchText(url);
    const head = await fetchText(url, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal(head.headers['content-type'], PROMETHEUS_CONTENT_TYPE);
    assert.equal(head.headers['content-length'], String(Buffer.byteLength(get.body)));
  });

  it('answers 405 with Allow to other methods', async () => {
    telemetry = await startWithSeries();
    const url = await appWith(metricsHandler());
    const reply = await fetchText(url, { method: 'POST' });
    assert.equal(reply.status, 405);
    assert.equal(reply.headers.allow, 'GET, HEAD');
    assert.doesNotMatch(reply.body, /appport/);
  });

  it('asks for the observability server credentials and serves metrics only with them', async () => {
    telemetry = await startWithSeries({ auth: { type: 'bearer', token: 'scrape-token' } });
    const url = await appWith(metricsHandler());
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: 'Basic c2NyYXBlLXRva2Vu' },
    ];
    for (const headers of attempts) {
      const refused = await fetchText(url, { headers });
      assert.equal(refused.status, 401);
      assert.equal(refused.headers['www-authenticate'], 'Bearer realm="otelkit"');
      assert.doesNotMatch(refused.body, /appport/);
    }
    // Credentials before the method: an anonymous caller learns nothing of the route.
    assert.equal((await fetchText(url, { method: 'POST' })).status, 401);
    const accepted = await fetchText(url, { headers: { authorization: 'Bearer scrape-token' } });
    assert.equal(accepted.status, 200);
    const server = await serverMetrics(telemetry, { authorization: 'Bearer scrape-token' });
    assert.equal(accepted.body, server.body);
  });

  it('takes its own credentials from options.auth, over the server ones', async () => {
    telemetry = await startWithSeries({ auth: { type: 'bearer', token: 'server-token' } });
    const url = await appWith(metricsHandler({ auth: { type: 'basic', username: 'prom', password: 'pw' } }));
    const refused = await fetchText(url, { headers: { authorization: 'Bearer server-token' } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers['www-authenticate'], 'Basic realm="otelkit", charset="UTF-8"');
    const accepted = await fetchText(url, { headers: { authorization: basicHeader('prom', 'pw') } });
    assert.equal(accepted.status, 200);
    assert.match(accepted.body, /appport_operations_total/);
  });

  it('serves anyone with auth: false, though the observability server has credentials', async () => {
    telemetry = await startWithSeries({ auth: { type: 'bearer', token: 'server-token' } });
    const url = await appWith(metricsHandler({ auth: false }));
    const reply = await fetchText(url);
    assert.equal(reply.status, 200);
    assert.match(reply.body, /appport_operations_total/);
  });

  it('refuses malformed credentials when created, naming the option', () => {
    assert.throws(
      () => metricsHandler({ auth: { type: 'bearer', token: '' } }),
      (error: Error & { code?: string }) =>
        error.code === 'OTELKIT_ERR_INVALID_CONFIG' && error.message.includes('options.auth.token'),
    );
  });

  it('answers 503 while no telemetry runs, and serves the telemetry started after it was created', async () => {
    const url = await appWith(metricsHandler());
    const early = await fetchText(url);
    assert.equal(early.status, 503);
    assert.match(early.body, /telemetry is not started/);
    telemetry = await startWithSeries();
    const reply = await fetchText(url);
    assert.equal(reply.status, 200);
    assert.match(reply.body, /appport_operations_total/);
  });

  it('answers 503 without the prometheus exporter', async () => {
    telemetry = await startWithSeries({ metricsExporters: ['none'] });
    const reply = await fetchText(await appWith(metricsHandler()));
    assert.equal(reply.status, 503);
    assert.match(reply.body, /no prometheus exporter/);
  });

  it('serves the peers of the observability server with its own (a cluster primary and its workers)', async () => {
    telemetry = await startWithSeries();
    addPeerMetrics(telemetry.server!, async (own) => [
      withAttributes(own, { cluster_worker: 'primary' }),
      gaugeMetrics({ name: 'peer.answered', description: 'Peers.', points: [{ attributes: {}, value: 3 }] }),
    ]);
    const reply = await fetchText(await appWith(metricsHandler()));
    assert.match(reply.body, /^appport_operations_total\{cluster_worker="primary",[^}]*\} 1$/m);
    assert.match(reply.body, /^peer_answered(\{\})? 3$/m);
    assert.equal(reply.body, (await serverMetrics(telemetry)).body);
  });

  it('serves the telemetry it is given', async () => {
    telemetry = await startWithSeries();
    const reply = await fetchText(await appWith(metricsHandler({ telemetry })));
    assert.equal(reply.body, (await serverMetrics(telemetry)).body);
  });
});
