import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  metricsFastifyHandler,
  metricsFastifyPlugin,
  OPENMETRICS_CONTENT_TYPE,
  PROMETHEUS_CONTENT_TYPE,
  type Telemetry,
} from '@otelkit/core/internal';
import Fastify, { type FastifyInstance } from 'fastify';
import { basicHeader, fetchText, PROMETHEUS_ACCEPT, serverMetrics, startWithSeries } from './helpers';

let telemetry: Telemetry | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await telemetry?.shutdown();
  telemetry = undefined;
});

/** Listens on 127.0.0.1, port 0; resolves with the base URL. */
async function serve(fastify: FastifyInstance): Promise<string> {
  app = fastify;
  return fastify.listen({ host: '127.0.0.1', port: 0 });
}

describe('metricsFastifyPlugin and metricsFastifyHandler on a Fastify app', () => {
  it('the plugin serves GET and HEAD of /metrics with the observability server body, negotiated', async () => {
    telemetry = await startWithSeries();
    const fastify = Fastify();
    await fastify.register(metricsFastifyPlugin());
    const base = await serve(fastify);
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
    assert.equal(head.headers['content-length'], String(Buffer.byteLength(plain.body)));
  });

  it('the plugin mounts options.path under the prefix it is registered with', async () => {
    telemetry = await startWithSeries();
    const fastify = Fastify();
    await fastify.register(metricsFastifyPlugin({ path: '/prom' }), { prefix: '/internal' });
    const base = await serve(fastify);
    assert.match((await fetchText(`${base}/internal/prom`)).body, /appport_operations_total/);
    assert.equal((await fetchText(`${base}/metrics`)).status, 404);
  });

  it('the handler serves the route it is given and answers 405 to other methods routed to it', async () => {
    telemetry = await startWithSeries();
    const fastify = Fastify();
    fastify.route({ method: ['GET', 'HEAD', 'DELETE'], url: '/metrics', handler: metricsFastifyHandler() });
    const base = await serve(fastify);
    assert.equal((await fetchText(`${base}/metrics`)).body, (await serverMetrics(telemetry)).body);
    const refused = await fetchText(`${base}/metrics`, { method: 'DELETE' });
    assert.equal(refused.status, 405);
    assert.equal(refused.headers.allow, 'GET, HEAD');
  });

  it('asks for the credentials of options.auth and serves metrics only with them', async () => {
    telemetry = await startWithSeries();
    const fastify = Fastify();
    fastify.get(
      '/metrics',
      metricsFastifyHandler({ auth: { type: 'basic', username: 'prom', password: 'pw' } }),
    );
    const base = await serve(fastify);
    const refused = await fetchText(`${base}/metrics`, {
      headers: { authorization: basicHeader('prom', 'no') },
    });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers['www-authenticate'], 'Basic realm="otelkit", charset="UTF-8"');
    assert.doesNotMatch(refused.body, /appport/);
    const accepted = await fetchText(`${base}/metrics`, {
      headers: { authorization: basicHeader('prom', 'pw') },
    });
    assert.equal(accepted.status, 200);
    assert.match(accepted.body, /appport_operations_total/);
  });
});
