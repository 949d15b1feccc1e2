import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerAuthOptions } from '../../src/server/options';
import { createObservabilityServer } from '../../src/server/server';
import { basicHeader, fetchText } from './helpers';

/** GET /open (an `auth: false` route) with `headers`; the body says what the handler was told. */
async function openRoute(auth: ServerAuthOptions | undefined, headers: Record<string, string> = {}) {
  const server = createObservabilityServer({ host: '127.0.0.1', port: 0, ...(auth ? { auth } : {}) });
  server.route('/open', (req, res) => res.end(`authorized=${req.authorized} identity=${req.identity}`), {
    auth: false,
  });
  try {
    const { url } = await server.listen();
    return await fetchText(`${url}/open`, { headers });
  } finally {
    await server.close();
  }
}

describe('RouteRequest.authorized on routes open to everyone', () => {
  const basic: ServerAuthOptions = { type: 'basic', username: 'ops', password: 'pw' };

  it('is false without credentials or with wrong ones when auth is configured, and the route still answers', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { Authorization: basicHeader('ops', 'wrong') },
      { Authorization: 'Bearer x' },
    ];
    for (const headers of attempts) {
      const reply = await openRoute(basic, headers);
      assert.equal(reply.status, 200);
      assert.equal(reply.body, 'authorized=false identity=undefined');
    }
  });

  it('is true with the right credentials, with the identity', async () => {
    const reply = await openRoute(basic, { Authorization: basicHeader('ops', 'pw') });
    assert.equal(reply.body, 'authorized=true identity=basic:ops');
  });

  it('is true when no auth is configured', async () => {
    assert.equal((await openRoute(undefined)).body, 'authorized=true identity=undefined');
  });
});
