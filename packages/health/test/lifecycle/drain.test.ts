import assert from 'node:assert/strict';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { drainServer } from '../../src/lifecycle/drain';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function get(port: number, agent: Agent | false = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('drainServer', () => {
  it('lets in-flight requests finish, refuses new connections, and resolves true', async () => {
    let finish: () => void = () => {};
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const server = createServer((_req, res) => {
      arrived();
      finish = () => res.end('done');
    });
    server.keepAliveTimeout = 60_000;
    const port = await listen(server);
    const pending = get(port);
    await inFlight;
    const drained = drainServer(server, 5_000);
    await assert.rejects(get(port), /ECONNREFUSED/);
    finish();
    assert.deepEqual(await pending, { status: 200, body: 'done' });
    assert.equal(await drained, true);
    assert.equal(server.listening, false);
  });

  it('closes a keep-alive connection once its in-flight request is done, not at the deadline', async () => {
    let finish: () => void = () => {};
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const server = createServer((_req, res) => {
      arrived();
      finish = () => res.end('done');
    });
    server.keepAliveTimeout = 60_000;
    const port = await listen(server);
    // A client that keeps its idle connections open (no idle timeout of its own).
    const agent = new Agent({ keepAlive: true });
    try {
      const pending = get(port, agent);
      await inFlight;
      const drained = drainServer(server, 2_000);
      finish();
      assert.deepEqual(await pending, { status: 200, body: 'done' });
      assert.equal(await drained, true);
    } finally {
      agent.destroy();
    }
  });

  it('cuts requests still running at the deadline and resolves false', async () => {
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const server = createServer(() => arrived());
    const port = await listen(server);
    const pending = get(port).catch((error: Error) => error);
    await inFlight;
    assert.equal(await drainServer(server, 50), false);
    assert.ok((await pending) instanceof Error);
  });

  it('resolves true at once for a server that is not listening', async () => {
    assert.equal(await drainServer(createServer(), 10), true);
  });
});
