import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fetchText } from '../helpers/http';
import { type Child, serverUrl, spawnApp } from '../register/helpers';

const FIXTURE = 'test/operator/fixtures/breaker-app.cjs';
const AUTH = `Basic ${Buffer.from('ops:s3cret').toString('base64')}`;

const children: Child[] = [];
after(() => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
});

interface Snapshot {
  readonly name: string;
  readonly state: string;
  readonly instances: number;
}

const BASIC_AUTH = { OTELKIT_AUTH_USERNAME: 'ops', OTELKIT_AUTH_PASSWORD: 's3cret' };

/** The app under the preload (basic auth on the observability server unless `env` says otherwise); its two base URLs. */
async function startApp(
  env: Record<string, string> = BASIC_AUTH,
): Promise<{ app: Child; url: string; appUrl: string }> {
  const app = spawnApp(['--require', '@otelkit/register', FIXTURE], {
    OTEL_SERVICE_NAME: 'breaker-app',
    OTEL_TRACES_EXPORTER: 'none',
    ...env,
  });
  children.push(app);
  const port = (await app.waitFor(/app listening (\d+)/))[1];
  return { app, url: await serverUrl(app), appUrl: `http://127.0.0.1:${port}` };
}

/** A POST as curl or a script sends it: `X-Requested-By` marks it as no browser's simple request. */
function post(url: string, authorization?: string, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'x-requested-by': 'test',
      ...extra,
      ...(authorization === undefined ? {} : { authorization }),
    },
  });
}

describe('operator API under the preload', () => {
  it('isolates a breaker by name so calls are rejected until an operator resets it', async () => {
    const { app, url, appUrl } = await startApp();
    assert.equal((await fetchText(`${appUrl}/call`)).body, 'ok');

    const isolated = await post(`${url}/circuit-breakers/payments/isolate`, AUTH);
    assert.equal(isolated.status, 200);
    const snapshot = (await isolated.json()) as Snapshot;
    assert.deepEqual(
      { name: snapshot.name, state: snapshot.state, instances: snapshot.instances },
      { name: 'payments', state: 'isolated', instances: 1 },
    );
    for (let i = 0; i < 3; i++) {
      const call = await fetch(`${appUrl}/call`);
      assert.equal(call.status, 503);
      assert.equal(await call.text(), 'OTELKIT_ERR_CIRCUIT_OPEN');
    }

    const reset = await post(`${url}/circuit-breakers/payments/reset`, AUTH);
    assert.equal(reset.status, 200);
    assert.equal(((await reset.json()) as Snapshot).state, 'closed');
    assert.equal((await fetchText(`${appUrl}/call`)).body, 'ok');

    await app.waitFor(/otelkit operator: basic:ops breaker\.isolate "payments": success \(state isolated\)/);
    await app.waitFor(/otelkit operator: basic:ops breaker\.reset "payments": success \(state closed\)/);
    const metrics = (await fetchText(`${url}/metrics`, { headers: { authorization: AUTH } })).body;
    for (const verb of ['isolate', 'reset']) {
      assert.match(
        metrics,
        new RegExp(
          `^otelkit_operator_actions_total\\{action="breaker\\.${verb}",target="payments",outcome="success"[^}]*\\} 1$`,
          'm',
        ),
      );
    }
    await fetchText(`${appUrl}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('answers 401 without credentials, 404 for an unknown breaker and 405 for GET', async () => {
    const { app, url, appUrl } = await startApp();
    assert.equal((await post(`${url}/circuit-breakers/payments/isolate`)).status, 401);
    const anonymousGet = await fetch(`${url}/circuit-breakers/payments/isolate`);
    assert.equal(anonymousGet.status, 401, 'credentials are checked before the method');
    assert.equal(anonymousGet.headers.get('allow'), null, 'no Allow header for an anonymous caller');
    assert.equal((await fetchText(`${appUrl}/call`)).body, 'ok', 'an unauthorized isolate did nothing');
    const unknown = await post(`${url}/circuit-breakers/nope/isolate`, AUTH);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: 'no such breaker', breaker: 'nope' });
    assert.equal((await post(`${url}/circuit-breakers/payments/explode`, AUTH)).status, 404);
    const get = await fetch(`${url}/circuit-breakers/payments/isolate`, { headers: { authorization: AUTH } });
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    await app.waitFor(/otelkit operator: basic:ops breaker\.isolate "nope": not_found/);
    await fetchText(`${appUrl}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('shows every live breaker in GET /status and runs a check on demand', async () => {
    const { app, url, appUrl } = await startApp();
    assert.equal((await fetchText(`${url}/status`)).status, 401);
    await post(`${url}/circuit-breakers/search/isolate`, AUTH);
    const reply = await fetch(`${url}/status`, { headers: { authorization: AUTH } });
    assert.equal(reply.status, 200);
    const status = (await reply.json()) as {
      service: { name: string };
      checks: Array<{ name: string }>;
      sections: { circuitBreakers: Array<{ name: string; state: string }> };
    };
    assert.equal(status.service.name, 'breaker-app');
    assert.deepEqual(
      status.sections.circuitBreakers.map((b) => [b.name, b.state]),
      [
        ['payments', 'closed'],
        ['search', 'isolated'],
      ],
      'breakers without metrics are listed too',
    );
    const run = await post(`${url}/health/checks/cluster%3Aworkers/run`, AUTH);
    assert.equal(run.status, 200);
    assert.deepEqual(
      (({ name, status: s }) => ({ name, status: s }))(
        (await run.json()) as { name: string; status: string },
      ),
      { name: 'cluster:workers', status: 'pass' },
    );
    await app.waitFor(/otelkit operator: basic:ops check\.run "cluster:workers": success/);
    await fetchText(`${appUrl}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('without auth, refuses breaker actions (403) and leaves the breaker alone', async () => {
    const { app, url, appUrl } = await startApp({});
    const refused = await post(`${url}/circuit-breakers/payments/isolate`);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /OTELKIT_OPERATOR_API=open/);
    assert.equal((await fetchText(`${appUrl}/call`)).body, 'ok', 'the breaker is still closed');
    assert.doesNotMatch(app.stderr, /OTELKIT_OPERATOR_API=open/, 'no warning without the opt-in');
    await fetchText(`${appUrl}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('with OTELKIT_OPERATOR_API=open, warns once at start-up and serves non-simple same-origin actions', async () => {
    const { app, url, appUrl } = await startApp({ OTELKIT_OPERATOR_API: 'open' });
    const warnings = app.stderr.match(
      /OTELKIT_OPERATOR_API=open: operator actions .* without authentication/g,
    );
    assert.equal(warnings?.length, 1, app.stderr);
    const simple = await fetch(`${url}/circuit-breakers/payments/isolate`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    assert.equal(simple.status, 403, 'a cross-origin form or text/plain POST cannot act');
    const foreign = await post(`${url}/circuit-breakers/payments/isolate`, undefined, {
      origin: 'http://attacker.example',
    });
    assert.equal(foreign.status, 403);
    assert.equal((await fetchText(`${appUrl}/call`)).body, 'ok', 'nothing was isolated');
    const isolated = await post(`${url}/circuit-breakers/payments/isolate`);
    assert.equal(isolated.status, 200);
    assert.equal((await fetchText(`${appUrl}/call`)).status, 503);
    await app.waitFor(/otelkit operator: anonymous breaker\.isolate "payments": success/);
    await fetchText(`${appUrl}/exit`);
    assert.equal(await app.exited, 0);
  });
});
