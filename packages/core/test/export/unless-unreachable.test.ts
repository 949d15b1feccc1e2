import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../../../test/helpers/wait';
import { unlessUnreachable } from '../../src/export/unless-unreachable';

/** A flush that settles only when told to, as an export retrying against a dead backend does. */
function pendingFlush(): { flush: Promise<string>; settle: (value: string) => void } {
  let settle: (value: string) => void = () => {};
  const flush = new Promise<string>((resolve) => {
    settle = resolve;
  });
  return { flush, settle };
}

describe('unlessUnreachable', () => {
  let listening: Server;
  let accepted = 0;
  let openPort: number;
  before(async () => {
    listening = createServer((socket) => {
      accepted++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    openPort = (listening.address() as { port: number }).port;
  });
  after(() => listening.close());

  it('gives up at once when the endpoint refuses connections, naming its origin and not its userinfo', async () => {
    const port = await freePort();
    const { flush } = pendingFlush();
    const started = Date.now();
    await assert.rejects(
      unlessUnreachable(flush, `http://user:s3cret@127.0.0.1:${port}/v1/traces`),
      (error: Error) => {
        assert.equal(
          error.message,
          `nothing answers at http://127.0.0.1:${port} (ECONNREFUSED); what was not sent is dropped`,
        );
        return true;
      },
    );
    assert.ok(Date.now() - started < 1_000);
  });

  it('waits for the flush when something listens there, and connects only once', async () => {
    const before = accepted;
    const { flush, settle } = pendingFlush();
    const result = unlessUnreachable(flush, `http://127.0.0.1:${openPort}/v1/traces`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    settle('sent');
    assert.equal(await result, 'sent');
    assert.equal(accepted - before, 1);
  });

  it('passes a failed flush through unchanged', async () => {
    const failed = Promise.reject(new Error('export failed'));
    await assert.rejects(unlessUnreachable(failed, `http://127.0.0.1:${openPort}`), /export failed/);
  });

  it('probes nothing without an http(s) endpoint', async () => {
    for (const url of [undefined, 'not a url', 'grpc://127.0.0.1:1']) {
      const { flush, settle } = pendingFlush();
      const result = unlessUnreachable(flush, url);
      assert.equal(result, flush);
      settle('ok');
      assert.equal(await result, 'ok');
    }
  });
});
