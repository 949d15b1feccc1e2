import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isOtelkitError } from '../../src/errors';
import type { ServerAuthOptions } from '../../src/server/options';
import { createObservabilityServer, type ObservabilityServer } from '../../src/server/server';
import { basicHeader, fetchText } from './helpers';

async function startWith(auth: ServerAuthOptions): Promise<{ server: ObservabilityServer; base: string }> {
  const server = createObservabilityServer({ host: '127.0.0.1', port: 0, auth });
  server.route('/metrics', (req, res) => {
    res.end(`identity=${req.identity}\n`);
  });
  server.route(
    '/livez',
    (req, res) => {
      res.end(`live identity=${req.identity}\n`);
    },
    { auth: false },
  );
  const { url } = await server.listen();
  return { server, base: url };
}

describe('ObservabilityServer basic auth', () => {
  let server: ObservabilityServer;
  let base: string;
  before(async () => {
    ({ server, base } = await startWith({ type: 'basic', username: 'prom', password: 'pa:ss wörd' }));
  });
  after(() => server.close());

  it('answers 401 with a Basic challenge when credentials are missing', async () => {
    const reply = await fetchText(`${base}/metrics`);
    assert.equal(reply.status, 401);
    assert.match(String(reply.headers['www-authenticate']), /^Basic realm="otelkit"/);
    assert.doesNotMatch(reply.body, /identity/);
  });

  it('answers 401 for a wrong password, a wrong user, or another scheme', async () => {
    for (const authorization of [
      basicHeader('prom', 'nope'),
      basicHeader('other', 'pa:ss wörd'),
      basicHeader('prom', 'pa:ss wörd!'),
      'Bearer pa:ss wörd',
      'Basic !!!',
      'Basic',
    ]) {
      const reply = await fetchText(`${base}/metrics`, { headers: { Authorization: authorization } });
      assert.equal(reply.status, 401, authorization);
    }
  });

  it('serves the route and sets the identity for the right credentials', async () => {
    const reply = await fetchText(`${base}/metrics`, {
      headers: { Authorization: basicHeader('prom', 'pa:ss wörd').replace('Basic', 'basic') },
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body, 'identity=basic:prom\n');
  });

  it('serves a route mounted with auth: false without credentials', async () => {
    const reply = await fetchText(`${base}/livez`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body, 'live identity=undefined\n');
  });
});

describe('ObservabilityServer bearer auth', () => {
  let server: ObservabilityServer;
  let base: string;
  before(async () => {
    ({ server, base } = await startWith({ type: 'bearer', token: 's3cret-token' }));
  });
  after(() => server.close());

  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const reply = await fetchText(`${base}/metrics`);
    assert.equal(reply.status, 401);
    assert.equal(reply.headers['www-authenticate'], 'Bearer realm="otelkit"');
  });

  it('answers 401 for a wrong token or a prefix of the right one', async () => {
    for (const authorization of [
      'Bearer wrong',
      'Bearer s3cret',
      'Bearer s3cret-token2',
      'Basic czNjcmV0LXRva2Vu',
    ]) {
      const reply = await fetchText(`${base}/metrics`, { headers: { Authorization: authorization } });
      assert.equal(reply.status, 401, authorization);
    }
  });

  it('serves the route with identity "bearer" for the right token', async () => {
    const reply = await fetchText(`${base}/metrics`, { headers: { Authorization: 'Bearer s3cret-token' } });
    assert.equal(reply.status, 200);
    assert.equal(reply.body, 'identity=bearer\n');
  });

  it('serves a route mounted with auth: false without a token', async () => {
    assert.equal((await fetchText(`${base}/livez`)).status, 200);
  });
});

describe('ObservabilityServer auth options', () => {
  it('refuses empty credentials and a colon in the user name, naming the option', () => {
    const cases: Array<[ServerAuthOptions, string]> = [
      [{ type: 'bearer', token: '' }, 'auth.token'],
      [{ type: 'basic', username: '', password: 'x' }, 'auth.username'],
      [{ type: 'basic', username: 'a:b', password: 'x' }, 'auth.username'],
      [{ type: 'basic', username: 'a', password: '' }, 'auth.password'],
    ];
    for (const [auth, option] of cases) {
      assert.throws(
        () => createObservabilityServer({ auth }),
        (e: unknown) =>
          isOtelkitError(e) && e.code === 'OTELKIT_ERR_INVALID_CONFIG' && e.message.includes(option),
      );
    }
  });
});
