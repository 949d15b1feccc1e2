import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
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
      operatorApi: 'open',
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
      'POST /upload HTTP/1.1\r\nHost: x\r\nX-Requested-By: test\r\nContent-Length: 100\r\n\r\nonly a few bytes',
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
  const releases: Array<() => void> = [];

  before(async () => {
    server = createObservabilityServer({ host: '127.0.0.1', port: 0, maxConnections: 2 });
    server.route('/metrics', (_req, res) => {
      res.end('up 1\n');
    });
    server.route(
      '/livez',
      (_req, res) => {
        res.end('ok\n');
      },
      { auth: false },
    );
    server.route(
      '/hang',
      async (_req, res) => {
        await new Promise<void>((resolve) => releases.push(resolve));
        res.end('done\n');
      },
      { auth: false },
    );
    server.route('/slow', async (_req, res) => {
      await new Promise<void>((resolve) => releases.push(resolve));
      res.end('done\n');
    });
    ({ port } = await server.listen());
  });

  after(() => server.close());

  /** A connection that has sent part of a request (no end of headers) and waits. */
  async function halfOpen(): Promise<{ closed: Promise<void>; socket: Socket }> {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /metrics HTTP/1.1\r\nHost: x\r\nX-Partial: ');
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { closed, socket };
  }

  it('at the cap, closes the oldest half-open connection so a new request is answered', async () => {
    const oldest = await halfOpen();
    const newer = await halfOpen();
    const reply = await rawExchange(port, 'GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(statusOf(reply), 200);
    await oldest.closed;
    assert.equal(newer.socket.destroyed, false, 'only the oldest one made room');
    newer.socket.destroy();
    await newer.closed;
  });

  it('answers 503 at once to requests behind auth beyond half the cap, while probes are served', async () => {
    const slow = connect({ host: '127.0.0.1', port });
    const slowReply = new Promise<string>((resolve) => slow.once('data', (chunk) => resolve(String(chunk))));
    slow.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const scrape = await rawExchange(port, 'GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(statusOf(scrape), 503, 'a second request behind auth waits for nothing');
    assert.match(scrape, /Retry-After: 1/);
    const probe = await rawExchange(port, 'GET /livez HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(statusOf(probe), 200, 'a probe is served');
    for (const release of releases.splice(0)) release();
    assert.equal(statusOf(await slowReply), 200);
    slow.destroy();
  });

  it('drops a new connection without answering when every connection is serving a request', async () => {
    // One at a time: a connection that has not sent its request yet is idle, and would make room.
    const busy: Socket[] = [];
    for (const path of ['/slow', '/hang']) {
      const socket = connect({ host: '127.0.0.1', port });
      socket.on('error', () => {});
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
      busy.push(socket);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const dropped = await rawExchange(port, 'GET /livez HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(dropped, '');
    for (const release of releases.splice(0)) release();
    for (const socket of busy) socket.destroy();
  });
});
