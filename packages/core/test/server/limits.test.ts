import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createObservabilityServer, type ObservabilityServer } from '../../src/server/server';
import { fetchText, rawExchange, statusOf } from './helpers';

describe('ObservabilityServer resource limits', () => {
  let server: ObservabilityServer;
  let port: number;
  let base: string;

  before(async () => {
    server = createObservabilityServer({
      host: '127.0.0.1',
      port: 0,
      headersTimeoutMs: 150,
      requestTimeoutMs: 300,
    });
    server.route('/metrics', (_req, res) => {
      res.end('up 1\n');
    });
    server.route(
      '/upload',
      (req, res) => {
        req.raw.resume();
        req.raw.on('end', () => res.end('got it\n'));
      },
      { methods: ['POST'] },
    );
    ({ port, url: base } = await server.listen());
  });

  after(() => server.close());

  it('cuts off a client that sends its headers too slowly (slowloris) with 408', {
    timeout: 5_000,
  }, async () => {
    const raw = await rawExchange(port, 'GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    assert.equal(statusOf(raw), 408);
  });

  it('closes a connection that never sends anything', { timeout: 5_000 }, async () => {
    const raw = await rawExchange(port, '');
    assert.ok(raw === '' || statusOf(raw) === 408, raw);
  });

  it('cuts off a client that sends its body too slowly with 408', { timeout: 5_000 }, async () => {
    const raw = await rawExchange(
      port,
      'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a few bytes',
    );
    assert.equal(statusOf(raw), 408);
  });

  it('answers 431 to a request with a 20 KB header and keeps serving', async () => {
    const reply = await fetchText(`${base}/metrics`, { headers: { 'X-Big': 'a'.repeat(20 * 1024) } });
    assert.equal(reply.status, 431);
    assert.equal((await fetchText(`${base}/metrics`)).status, 200);
  });
});

describe('ObservabilityServer maxConnections', () => {
  let server: ObservabilityServer;
  let port: number;

  before(async () => {
    server = createObservabilityServer({ host: '127.0.0.1', port: 0, maxConnections: 1 });
    server.route('/metrics', (_req, res) => {
      res.end('up 1\n');
    });
    ({ port } = await server.listen());
  });

  after(() => server.close());

  it('drops connections beyond maxConnections without answering them', async () => {
    const first = connect({ host: '127.0.0.1', port });
    const firstReply = new Promise<string>((resolve) =>
      first.once('data', (chunk) => resolve(String(chunk))),
    );
    first.write('GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.equal(statusOf(await firstReply), 200);

    const second = await rawExchange(port, 'GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(second, '');

    const closed = new Promise((resolve) => first.once('close', resolve));
    first.end();
    await closed;
  });
});
