import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createObservabilityServer } from '../../src/server/server';
import { basicHeader, fetchText } from './helpers';

/** A server with one state-changing route and one read route; `acted` counts actions that ran. */
async function serverWith(options: Parameters<typeof createObservabilityServer>[0]) {
  const server = createObservabilityServer({ host: '127.0.0.1', port: 0, ...options });
  const state = { acted: 0 };
  server.route(
    '/circuit-breakers',
    (_req, res) => {
      state.acted++;
      res.end('isolated\n');
    },
    { methods: ['POST'], prefix: true },
  );
  server.route('/metrics', (_req, res) => {
    res.end('up 1\n');
  });
  const { url } = await server.listen();
  return { server, url, state };
}

const TOOL = { 'X-Requested-By': 'ops' };

describe('operator actions without auth', () => {
  let ctx: Awaited<ReturnType<typeof serverWith>>;
  before(async () => {
    ctx = await serverWith({});
  });
  after(() => ctx.server.close());

  it('are off: 403 naming how to turn them on, and the action does not run', async () => {
    const reply = await fetchText(`${ctx.url}/circuit-breakers/payments/isolate`, {
      method: 'POST',
      headers: { ...TOOL, 'Content-Type': 'application/json' },
    });
    assert.equal(reply.status, 403);
    assert.match(reply.body, /OTELKIT_AUTH_TOKEN/);
    assert.match(reply.body, /OTELKIT_OPERATOR_API=open/);
    assert.equal(ctx.state.acted, 0);
    assert.equal((await fetchText(`${ctx.url}/metrics`)).status, 200, 'read routes stay open');
  });
});

describe('operator actions with OTELKIT_OPERATOR_API=open', () => {
  let ctx: Awaited<ReturnType<typeof serverWith>>;
  before(async () => {
    ctx = await serverWith({ operatorApi: 'open' });
  });
  after(() => ctx.server.close());

  it('run for a non-simple request (custom header or JSON content type)', async () => {
    const before = ctx.state.acted;
    for (const headers of [TOOL, { 'Content-Type': 'application/json; charset=utf-8' }]) {
      const reply = await fetchText(`${ctx.url}/circuit-breakers/p/isolate`, { method: 'POST', headers });
      assert.equal(reply.status, 200, JSON.stringify(headers));
    }
    assert.equal(ctx.state.acted, before + 2);
  });

  it('refuse a simple (CSRF-able) request: no body type, text/plain, form', async () => {
    const before = ctx.state.acted;
    for (const headers of [
      {} as Record<string, string>,
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      { 'Content-Type': 'multipart/form-data; boundary=x' },
    ]) {
      const reply = await fetchText(`${ctx.url}/circuit-breakers/p/isolate`, { method: 'POST', headers });
      assert.equal(reply.status, 403, JSON.stringify(headers));
      assert.match(reply.body, /application\/json or an x-requested-by header/);
    }
    assert.equal(ctx.state.acted, before);
  });

  it('refuse a foreign Origin, Origin: null and Sec-Fetch-Site: cross-site; accept their own origin', async () => {
    const before = ctx.state.acted;
    const host = new URL(ctx.url).host;
    for (const extra of [
      { Origin: 'http://evil.example' } as Record<string, string>,
      { Origin: `https://${host}` },
      { Origin: `http://${host}.evil.example` },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ]) {
      const reply = await fetchText(`${ctx.url}/circuit-breakers/p/isolate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...extra },
      });
      assert.equal(reply.status, 403, JSON.stringify(extra));
      assert.equal(reply.body, 'cross-origin request refused\n');
    }
    assert.equal(ctx.state.acted, before);
    const own = await fetchText(`${ctx.url}/circuit-breakers/p/isolate`, {
      method: 'POST',
      headers: { ...TOOL, Origin: `http://${host}` },
    });
    assert.equal(own.status, 200);
  });

  it('refuse an Origin that matches a forged Host only when they differ (DNS names compared as sent)', async () => {
    const reply = await fetchText(`${ctx.url}/circuit-breakers/p/isolate`, {
      method: 'POST',
      headers: { ...TOOL, Origin: 'http://localhost:1', Host: 'localhost:2' },
    });
    assert.equal(reply.status, 403);
  });
});

describe('operator actions with auth', () => {
  const AUTH = basicHeader('ops', 's3cret');
  let ctx: Awaited<ReturnType<typeof serverWith>>;
  before(async () => {
    ctx = await serverWith({ auth: { type: 'basic', username: 'ops', password: 's3cret' } });
  });
  after(() => ctx.server.close());

  it('run for an authenticated non-simple request', async () => {
    const reply = await fetchText(`${ctx.url}/circuit-breakers/p/isolate`, {
      method: 'POST',
      headers: { ...TOOL, authorization: AUTH },
    });
    assert.equal(reply.status, 200);
  });

  it('refuse an authenticated simple request (a browser holding the credentials, CSRF)', async () => {
    const before = ctx.state.acted;
    const reply = await fetchText(`${ctx.url}/circuit-breakers/p/isolate`, {
      method: 'POST',
      headers: { authorization: AUTH, 'Content-Type': 'text/plain', Origin: 'http://evil.example' },
    });
    assert.equal(reply.status, 403);
    assert.equal(ctx.state.acted, before);
  });

  it('answer 401 before 405: an anonymous caller learns no route methods', async () => {
    for (const [path, method] of [
      ['/circuit-breakers/p/isolate', 'GET'],
      ['/circuit-breakers/p/isolate', 'DELETE'],
      ['/metrics', 'POST'],
    ] as const) {
      const reply = await fetchText(`${ctx.url}${path}`, { method });
      assert.equal(reply.status, 401, `${method} ${path}`);
      assert.equal(reply.headers.allow, undefined, `${method} ${path}: no Allow header`);
    }
    const authed = await fetchText(`${ctx.url}/circuit-breakers/p/isolate`, {
      headers: { authorization: AUTH },
    });
    assert.equal(authed.status, 405);
    assert.equal(authed.headers.allow, 'POST');
  });
});
