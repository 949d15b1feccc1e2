import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isOtelkitError } from '../../src/errors';
import type { RouteRequest } from '../../src/server/route';
import { createObservabilityServer, type ObservabilityServer } from '../../src/server/server';
import { fetchText, rawExchange, statusOf } from './helpers';

describe('ObservabilityServer routing', () => {
  let server: ObservabilityServer;
  let base: string;
  let port: number;
  const errors: Error[] = [];
  let seen: RouteRequest | undefined;

  before(async () => {
    server = createObservabilityServer({
      host: '127.0.0.1',
      port: 0,
      operatorApi: 'open',
      onError: (e) => errors.push(e),
    });
    server.route('/metrics', (req, res) => {
      seen = req;
      res.setHeader('Content-Type', 'text/plain; version=0.0.4');
      res.end('up 1\n');
    });
    server.route(
      '/admin',
      (_req, res) => {
        res.end('posted\n');
      },
      { methods: ['post'] },
    );
    server.route(
      '/health/checks',
      (req, res) => {
        res.end(`check ${req.path}\n`);
      },
      { prefix: true },
    );
    server.route('/boom', () => {
      throw new Error('secret detail');
    });
    server.route('/reject', async () => {
      await Promise.resolve();
      throw new Error('async secret');
    });
    server.route('/late', (_req, res) => {
      res.writeHead(200);
      res.write('partial');
      throw new Error('after headers');
    });
    ({ port, url: base } = await server.listen());
  });

  after(() => server.close());

  it('answers a mounted GET route with the handler response', async () => {
    const reply = await fetchText(`${base}/metrics`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body, 'up 1\n');
    assert.equal(reply.headers['content-type'], 'text/plain; version=0.0.4');
  });

  it('ignores the query string when matching and passes the parsed URL to the handler', async () => {
    const reply = await fetchText(`${base}/metrics?name[]=up&x=1`);
    assert.equal(reply.status, 200);
    assert.equal(seen?.path, '/metrics');
    assert.equal(seen?.url.searchParams.get('x'), '1');
    assert.equal(seen?.method, 'GET');
    assert.equal(seen?.identity, undefined);
  });

  it('adds nosniff and no-store headers to every response', async () => {
    for (const path of ['/metrics', '/nope']) {
      const reply = await fetchText(`${base}${path}`);
      assert.equal(reply.headers['x-content-type-options'], 'nosniff');
      assert.equal(reply.headers['cache-control'], 'no-store');
    }
  });

  it('answers 404 text/plain for an unknown path', async () => {
    const reply = await fetchText(`${base}/nope`);
    assert.equal(reply.status, 404);
    assert.equal(reply.body, 'not found\n');
    assert.match(String(reply.headers['content-type']), /^text\/plain/);
  });

  it('treats a trailing slash as a different path (404)', async () => {
    assert.equal((await fetchText(`${base}/metrics/`)).status, 404);
  });

  it('answers 405 with an Allow header for a disallowed method', async () => {
    const onGetRoute = await fetchText(`${base}/metrics`, { method: 'POST' });
    assert.equal(onGetRoute.status, 405);
    assert.equal(onGetRoute.headers.allow, 'GET, HEAD');
    const onPostRoute = await fetchText(`${base}/admin`);
    assert.equal(onPostRoute.status, 405);
    assert.equal(onPostRoute.headers.allow, 'POST');
    const posted = await fetchText(`${base}/admin`, {
      method: 'POST',
      headers: { 'X-Requested-By': 'test' },
    });
    assert.equal(posted.status, 200);
  });

  it('answers HEAD on a GET route with headers and no body', async () => {
    const reply = await fetchText(`${base}/metrics`, { method: 'HEAD' });
    assert.equal(reply.status, 200);
    assert.equal(reply.body, '');
    assert.equal(reply.headers['content-type'], 'text/plain; version=0.0.4');
    assert.equal(seen?.method, 'HEAD');
  });

  it('matches prefix routes below their path but not beside it', async () => {
    const below = await fetchText(`${base}/health/checks/db/run`);
    assert.equal(below.status, 200);
    assert.equal(below.body, 'check /health/checks/db/run\n');
    assert.equal((await fetchText(`${base}/health/checks`)).status, 200);
    assert.equal((await fetchText(`${base}/health/checksum`)).status, 404);
  });

  it('answers 500 without details when a handler throws, reports it, and keeps serving', async () => {
    const before = errors.length;
    const reply = await fetchText(`${base}/boom`);
    assert.equal(reply.status, 500);
    assert.equal(reply.body, 'internal error\n');
    assert.doesNotMatch(reply.body, /secret|at /);
    assert.equal(errors.length, before + 1);
    assert.equal(errors.at(-1)?.message, 'secret detail');
    assert.equal((await fetchText(`${base}/metrics`)).status, 200);
  });

  it('answers 500 when an async handler rejects', async () => {
    const reply = await fetchText(`${base}/reject`);
    assert.equal(reply.status, 500);
    assert.equal(errors.at(-1)?.message, 'async secret');
  });

  it('cuts the connection when a handler throws after sending headers', async () => {
    await assert.rejects(fetchText(`${base}/late`));
    assert.equal(errors.at(-1)?.message, 'after headers');
    assert.equal((await fetchText(`${base}/metrics`)).status, 200);
  });

  it('answers 400 for a request target that is not a path', async () => {
    const raw = await rawExchange(port, 'GET metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(statusOf(raw), 400);
  });

  it('keeps a protocol-relative target a path instead of a host', async () => {
    const raw = await rawExchange(
      port,
      'GET //evil.example/metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    assert.equal(statusOf(raw), 404);
  });

  it('answers 414 for a very long URL', async () => {
    const reply = await fetchText(`${base}/metrics?q=${'a'.repeat(10_000)}`);
    assert.equal(reply.status, 414);
  });

  it('lists mounted routes, sorted', () => {
    assert.deepEqual(server.routes(), ['/admin', '/boom', '/health/checks', '/late', '/metrics', '/reject']);
  });

  it('replaces the handler when a path is mounted twice', async () => {
    server.route('/swap', (_req, res) => {
      res.end('one');
    });
    server.route('/swap', (_req, res) => {
      res.end('two');
    });
    assert.equal((await fetchText(`${base}/swap`)).body, 'two');
  });

  it('rejects a malformed route path with OTELKIT_ERR_INVALID_ROUTE', () => {
    for (const path of ['metrics', '/metrics/', '/a?b', '/a b']) {
      assert.throws(
        () => server.route(path, () => undefined),
        (e: unknown) =>
          isOtelkitError(e) && e.code === 'OTELKIT_ERR_INVALID_ROUTE' && e.message.includes(path),
      );
    }
  });
});
