import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fetchText } from '../helpers/http';
import { type Child, serverUrl, spawnApp } from './helpers';

const children: Child[] = [];
after(() => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
});

/** The metric families of an exposition (`# TYPE` lines), sorted. */
function families(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('# TYPE '))
    .sort();
}

describe('metricsHandler under the preload', () => {
  it("serves the preload's metrics on the app's own express server, behind the server credentials", async () => {
    const app = spawnApp(['--require', '@otelkit/register', 'test/register/fixtures/app-metrics-app.cjs'], {
      OTELKIT_AUTH_TOKEN: 'scrape-token',
      OTEL_TRACES_EXPORTER: 'none',
    });
    children.push(app);
    const base = `http://127.0.0.1:${(await app.waitFor(/app listening (\d+)/))[1]}`;
    const observability = await serverUrl(app);
    assert.equal((await fetchText(`${base}/hello`)).body, 'hello');

    const anonymous = await fetchText(`${base}/metrics`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers['www-authenticate'], 'Bearer realm="otelkit"');
    assert.doesNotMatch(anonymous.body, /target_info/);

    const headers = { authorization: 'Bearer scrape-token' };
    const own = await fetchText(`${base}/metrics`, { headers });
    assert.equal(own.status, 200, own.body);
    // The preload's metrics: the app's HTTP requests and runtime metrics, as on the observability server.
    assert.match(own.body, /^http_server_request_duration_seconds_count\{[^}]*http_route="\/hello"/m);
    assert.match(own.body, /^nodejs_eventloop_utilization_ratio\{/m);
    const served = await fetchText(`${observability}/metrics`, { headers });
    assert.deepEqual(families(own.body), families(served.body));
    const targetInfo = (text: string) => text.split('\n').find((l) => l.startsWith('target_info{'));
    assert.equal(targetInfo(own.body), targetInfo(served.body));

    await fetchText(`${base}/exit`);
    assert.equal(await app.exited, 0);
  });
});
