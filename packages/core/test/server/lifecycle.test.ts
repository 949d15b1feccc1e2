import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveServerOptions } from '../../src/config/server-settings';
import { isOtelkitError } from '../../src/errors';
import { createObservabilityServer, type ObservabilityServer } from '../../src/server/server';
import { fetchText } from './helpers';

const loopback = { host: '127.0.0.1', port: 0 } as const;

function withPing(server: ObservabilityServer): ObservabilityServer {
  server.route('/ping', (_req, res) => {
    res.end('pong\n');
  });
  return server;
}

describe('ObservabilityServer lifecycle', () => {
  it('reports its address only while listening, and listen() twice gives the same address', async () => {
    const server = withPing(createObservabilityServer(loopback));
    assert.equal(server.address(), undefined);
    const address = await server.listen();
    assert.equal(address.host, '127.0.0.1');
    assert.ok(address.port > 0);
    assert.equal(address.url, `http://127.0.0.1:${address.port}`);
    assert.deepEqual(server.address(), address);
    assert.deepEqual(await server.listen(), address);
    assert.equal((await fetchText(`${address.url}/ping`)).body, 'pong\n');
    await server.close();
    assert.equal(server.address(), undefined);
  });

  it('uses localhost in the url when bound to all interfaces', async () => {
    const server = createObservabilityServer({ port: 0 });
    const address = await server.listen();
    assert.equal(address.host, '0.0.0.0');
    assert.equal(address.url, `http://localhost:${address.port}`);
    await server.close();
  });

  it('rejects listen() with OTELKIT_ERR_SERVER_LISTEN naming host:port when the port is in use', async () => {
    const first = createObservabilityServer(loopback);
    const { port } = await first.listen();
    const second = createObservabilityServer({ host: '127.0.0.1', port });
    await assert.rejects(
      second.listen(),
      (e: unknown) =>
        isOtelkitError(e) &&
        e.code === 'OTELKIT_ERR_SERVER_LISTEN' &&
        e.message.includes(`127.0.0.1:${port}`) &&
        e.message.includes('EADDRINUSE'),
    );
    assert.equal(second.address(), undefined);
    await second.close();
    await first.close();
  });

  it('can retry listen() after a failed attempt', async () => {
    const first = createObservabilityServer(loopback);
    const { port } = await first.listen();
    const second = createObservabilityServer({ host: '127.0.0.1', port });
    await assert.rejects(second.listen());
    await first.close();
    assert.equal((await second.listen()).port, port);
    await second.close();
  });

  it('close() is idempotent, stops serving, and listen() after close() rejects', async () => {
    const server = withPing(createObservabilityServer(loopback));
    const { url } = await server.listen();
    await Promise.all([server.close(), server.close()]);
    await server.close();
    assert.equal(server.address(), undefined);
    await assert.rejects(fetchText(`${url}/ping`), /ECONNREFUSED/);
    await assert.rejects(
      server.listen(),
      (e: unknown) => isOtelkitError(e) && e.code === 'OTELKIT_ERR_SERVER_LISTEN',
    );
  });

  it('close() before listen() resolves and closes the server for good: a later listen() rejects', async () => {
    const server = createObservabilityServer(loopback);
    await server.close();
    await assert.rejects(
      server.listen(),
      (e: unknown) =>
        isOtelkitError(e) &&
        e.code === 'OTELKIT_ERR_SERVER_LISTEN' &&
        /the server was closed/.test(e.message),
    );
    assert.equal(server.address(), undefined);
  });

  it('close() during listen() leaves nothing bound', async () => {
    const server = createObservabilityServer(loopback);
    const listening = server.listen();
    await server.close();
    const { url } = await listening;
    assert.equal(server.address(), undefined);
    await assert.rejects(fetchText(`${url}/ping`), /ECONNREFUSED/);
  });

  it('close() closes an idle keep-alive connection instead of waiting for it', {
    timeout: 5_000,
  }, async () => {
    // A grace far longer than the test timeout: only closing the idle connection lets close() finish.
    const server = withPing(createObservabilityServer({ ...loopback, closeGraceMs: 60_000 }));
    const { url } = await server.listen();
    const agent = new Agent({ keepAlive: true });
    const socket = await new Promise<Socket>((resolve, reject) => {
      const req = request(`${url}/ping`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(req.socket!));
      });
      req.on('error', reject).end();
    });
    assert.equal(socket.destroyed, false);
    socket.ref(); // the agent unrefs idle sockets; keep this test alive until the socket sees the close
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    await server.close();
    await socketClosed;
    agent.destroy();
  });

  it('close() cuts a request still in flight after closeGraceMs', { timeout: 5_000 }, async () => {
    const server = createObservabilityServer({ ...loopback, closeGraceMs: 50 });
    let arrived: () => void = () => undefined;
    const handlerCalled = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server.route('/hang', () => arrived());
    const { url } = await server.listen();
    const reply = fetchText(`${url}/hang`);
    await handlerCalled;
    await server.close();
    await assert.rejects(reply, /socket hang up|ECONNRESET/);
  });

  it('does not keep the process alive, even with a client connection open', {
    timeout: 20_000,
  }, async (t) => {
    const fixture = join(__dirname, 'fixtures', 'unref-server.ts');
    const child = spawn(process.execPath, ['--conditions=otelkit-source', '--import', 'tsx', fixture], {
      stdio: ['ignore', 'pipe', 'inherit'],
      signal: t.signal, // kills the child if this test times out
    });
    child.on('error', () => undefined);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
      child.once('exit', () => reject(new Error('child exited before listening')));
    });
    const agent = new Agent({ keepAlive: true });
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/ping', agent }, (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += String(chunk);
          });
          res.on('end', () => resolve(body));
        })
          .on('error', reject)
          .end();
      });
      assert.equal(reply, 'pong\n');
      assert.equal(await exited, 0);
    } finally {
      agent.destroy();
      child.kill();
    }
  });
});

describe('ObservabilityServer options', () => {
  it('refuses a port outside 0..65535 with OTELKIT_ERR_INVALID_CONFIG, as OTELKIT_PORT is refused', () => {
    for (const port of [-1, 65_536, 1.5, Number.NaN]) {
      assert.throws(
        () => createObservabilityServer({ port }),
        (e: unknown) =>
          isOtelkitError(e) &&
          e.code === 'OTELKIT_ERR_INVALID_CONFIG' &&
          e.message.includes(`options.port="${port}"`) &&
          e.message.includes('an integer from 0 to 65535'),
      );
    }
  });

  it('refuses headersTimeoutMs above requestTimeoutMs, naming both', () => {
    assert.throws(
      () => createObservabilityServer({ requestTimeoutMs: 1_000, headersTimeoutMs: 2_000 }),
      (e: unknown) =>
        isOtelkitError(e) &&
        e.code === 'OTELKIT_ERR_INVALID_CONFIG' &&
        /headersTimeoutMs="2000".*requestTimeoutMs \(1000\)/.test(e.message),
    );
  });

  it('refuses a non-positive timeout or limit, naming the option and value', () => {
    assert.throws(
      () => createObservabilityServer({ maxConnections: 0 }),
      (e: unknown) => isOtelkitError(e) && e.message.includes('maxConnections') && e.message.includes('0'),
    );
  });

  it('lowers the default headers timeout to a smaller requestTimeoutMs instead of refusing it', () => {
    assert.doesNotThrow(() => createObservabilityServer({ requestTimeoutMs: 1_000 }));
    assert.equal(resolveServerOptions({ requestTimeoutMs: 1_000 }).headersTimeoutMs, 1_000);
    // only lowered: a longer request timeout keeps the 5 s default, an explicit value is kept
    assert.equal(resolveServerOptions({ requestTimeoutMs: 7_000 }).headersTimeoutMs, 5_000);
    assert.equal(resolveServerOptions({}).headersTimeoutMs, 5_000);
    assert.equal(
      resolveServerOptions({ requestTimeoutMs: 1_000, headersTimeoutMs: 200 }).headersTimeoutMs,
      200,
    );
  });

  it('treats undefined fields as unset', async () => {
    const server = createObservabilityServer({ host: '127.0.0.1', port: 0, auth: undefined, tls: undefined });
    assert.match((await server.listen()).url, /^http:/);
    await server.close();
  });
});
