import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
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

/** The app under the preload with basic auth on the observability server; its two base URLs. */
async function startApp(): Promise<{ app: Child; url: string; appUrl: string }> {
  const app = spawnApp(['--require', '@otelkit/register', FIXTURE], {
    OTEL_SERVICE_NAME: 'breaker-app',
    OTEL_TRACES_EXPORTER: 'none',
    OTELKIT_AUTH_USERNAME: 'ops',
    OTELKIT_AUTH_PASSWORD: 's3cret',
  });
  children.push(app);
  const port = (await app.waitFor(/app listening (\d+)/))[1];
  return { app, url: await serverUrl(app), appUrl: `http://127.0.0.1:${port}` };
}

function post(url: string, authorization?: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: authorization === undefined ? {} : { authorization } });
}

describe('operator API under the preload', () => {
  it('isolates a breaker by name so calls are rejected until an operator resets it', async () => {
    const { app, url, appUrl } = await startApp();
    assert.equal(await (await fetch(`${appUrl}/call`)).text(), 'ok');

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
    assert.equal(await (await fetch(`${appUrl}/call`)).text(), 'ok');

    await app.waitFor(/otelkit operator: basic:ops breaker\.isolate "payments": success \(state isolated\)/);
    await app.waitFor(/otelkit operator: basic:ops breaker\.reset "payments": success \(state closed\)/);
    const metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: AUTH } })).text();
    for (const verb of ['isolate', 'reset']) {
      assert.match(
        metrics,
        new RegExp(
          `^otelkit_operator_actions_total\\{action="breaker\\.${verb}",target="payments",outcome="success"[^}]*\\} 1$`,
          'm',
        ),
      );
    }
    await fetch(`${appUrl}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('answers 401 without credentials, 404 for an unknown breaker and 405 for GET', async () => {
    const { app, url, appUrl } = await startApp();
    assert.equal((await post(`${url}/circuit-breakers/payments/isolate`)).status, 401);
    assert.equal(await (await fetch(`${appUrl}/call`)).text(), 'ok', 'an unauthorized isolate did nothing');
    const unknown = await post(`${url}/circuit-breakers/nope/isolate`, AUTH);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: 'no such breaker', breaker: 'nope' });
    assert.equal((await post(`${url}/circuit-breakers/payments/explode`, AUTH)).status, 404);
    const get = await fetch(`${url}/circuit-breakers/payments/isolate`, { headers: { authorization: AUTH } });
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    await app.waitFor(/otelkit operator: basic:ops breaker\.isolate "nope": not_found/);
    await fetch(`${appUrl}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('shows every live breaker in GET /status and runs a check on demand', async () => {
    const { app, url, appUrl } = await startApp();
    assert.equal((await fetch(`${url}/status`)).status, 401);
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
    await fetch(`${appUrl}/exit`);
    assert.equal(await app.exited, 0);
  });
});
