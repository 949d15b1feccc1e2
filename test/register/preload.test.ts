import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { OtlpReceiver, type Received } from '../../packages/core/test/helpers/otlp-receiver';
import { fetchJson, fetchText } from '../helpers/http';
import { freePort } from '../helpers/wait';
import { type Child, serverUrl, spawnApp } from './helpers';

interface OtlpSpan {
  name: string;
  traceId: string;
  kind: number;
  attributes: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>;
}

function spans(received: readonly Received[]): OtlpSpan[] {
  return received
    .filter((r) => r.path === '/v1/traces')
    .flatMap((r) =>
      (
        r.body as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> }
      ).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)),
    );
}

function attr(span: OtlpSpan, key: string): string | number | undefined {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue === undefined ? undefined : Number(v.intValue));
}

let receiver: OtlpReceiver;
let otlp: string;
before(async () => {
  receiver = new OtlpReceiver();
  otlp = await receiver.start();
});
after(() => receiver.stop());

const children: Child[] = [];
function start(args: string[], env: Record<string, string> = {}): Child {
  const child = spawnApp(args, { OTEL_EXPORTER_OTLP_ENDPOINT: otlp, OTEL_BSP_SCHEDULE_DELAY: '100', ...env });
  children.push(child);
  return child;
}
after(() => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
});

describe('@otelkit/register preload', () => {
  it('gives an unchanged CommonJS http app metrics, spans and probes', async () => {
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/http-app.cjs'], {
      OTEL_SERVICE_NAME: 'cjs-app',
    });
    const port = (await app.waitFor(/app listening (\d+)/))[1];
    const url = await serverUrl(app);
    assert.equal((await fetchText(`${url}/readyz`)).status, 200, 'ready once the app listens');
    assert.equal((await fetchText(`${url}/livez`)).status, 200);
    assert.equal((await fetchText(`http://127.0.0.1:${port}/hello`)).body, 'hello');
    const text = (await fetchText(`${url}/metrics`)).body;
    assert.match(
      text,
      /http_server_request_duration_seconds_count\{http_request_method="GET",http_response_status_code="200"/,
    );
    assert.match(text, /^target_info\{.*service_name="cjs-app"/m);
    await receiver.waitFor((r) => spans(r).some((s) => attr(s, 'url.path') === '/hello'));
    const span = spans(receiver.received).find((s) => attr(s, 'url.path') === '/hello')!;
    assert.equal(span.kind, 2, 'a server span');
    assert.equal(attr(span, 'http.request.method'), 'GET');
    assert.equal(attr(span, 'http.response.status_code'), 200);
    assert.ok(
      !spans(receiver.received).some((s) =>
        ['/metrics', '/readyz', '/livez'].includes(String(attr(s, 'url.path'))),
      ),
      'scrapes and probes of otelkit’s own server are not traced',
    );
    assert.doesNotMatch(text, /http_route="\/metrics"|url_path/);
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0, 'exits by itself once the app is done');
  });

  it('works the same for an ESM app under --import, including fetch client spans', async () => {
    const app = start(['--import', '@otelkit/register', 'test/register/fixtures/esm-app.mjs'], {
      OTEL_SERVICE_NAME: 'esm-app',
    });
    const port = (await app.waitFor(/app listening (\d+)/))[1];
    const url = await serverUrl(app);
    assert.equal((await fetchText(`${url}/readyz`)).status, 200);
    assert.equal((await fetchText(`http://127.0.0.1:${port}/chain`)).body, 'chained hello');
    await receiver.waitFor((r) => spans(r).some((s) => attr(s, 'url.path') === '/inner'));
    assert.ok(
      spans(receiver.received).some((s) => s.kind === 3),
      'a client span for fetch',
    );
    assert.match((await fetchText(`${url}/metrics`)).body, /http_client_request_duration_seconds_count/);
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('names express routes on spans and metrics when express is enabled', async () => {
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/express-app.cjs'], {
      OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,express',
    });
    const port = (await app.waitFor(/app listening (\d+)/))[1];
    const url = await serverUrl(app);
    await app.waitFor(/express: on/);
    assert.deepEqual((await fetchJson<unknown>(`http://127.0.0.1:${port}/users/42`)).body, { id: '42' });
    await receiver.waitFor((r) => spans(r).some((s) => attr(s, 'url.path') === '/users/42' && s.kind === 2));
    const server = spans(receiver.received).find((s) => attr(s, 'url.path') === '/users/42' && s.kind === 2)!;
    assert.equal(attr(server, 'http.route'), '/users/:id');
    await receiver.waitFor((r) =>
      spans(r).some((s) => s.traceId === server.traceId && attr(s, 'express.type') === 'request_handler'),
    );
    assert.match(
      (await fetchText(`${url}/metrics`)).body,
      /http_server_request_duration_seconds_count\{[^}]*http_route="\/users\/:id"/,
    );
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('names express routes in an ESM app too, through the module hooks of --import', async () => {
    const app = start(['--import', '@otelkit/register', 'test/register/fixtures/express-app.mjs'], {
      OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'express',
    });
    const port = (await app.waitFor(/app listening (\d+)/))[1];
    assert.deepEqual((await fetchJson<unknown>(`http://127.0.0.1:${port}/users/7`)).body, { id: '7' });
    await receiver.waitFor((r) => spans(r).some((s) => attr(s, 'url.path') === '/users/7' && s.kind === 2));
    const server = spans(receiver.received).find((s) => attr(s, 'url.path') === '/users/7' && s.kind === 2)!;
    assert.equal(attr(server, 'http.route'), '/users/:id');
    // the express instrumentation's own span in this request's trace: the ESM import was instrumented
    await receiver.waitFor((r) =>
      spans(r).some((s) => s.traceId === server.traceId && attr(s, 'express.type') === 'request_handler'),
    );
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
    assert.doesNotMatch(app.stderr, /loaded before otelkit/, 'no warning when otelkit came first');
  });

  it('says once on stderr when an enabled library was imported before its module hooks', async () => {
    const app = start(
      [
        '--import',
        './test/register/fixtures/load-express.mjs',
        '--import',
        '@otelkit/register',
        'test/register/fixtures/express-app.mjs',
      ],
      { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'express', OTEL_LOG_LEVEL: 'info' },
    );
    const port = (await app.waitFor(/app listening (\d+)/))[1];
    await fetchText(`http://127.0.0.1:${port}/users/7`);
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0, 'the app itself runs on');
    const warnings = app.stderr.match(/otelkit: express loaded before otelkit's module hooks/g) ?? [];
    assert.equal(warnings.length, 1, app.stderr);
  });

  it('works through NODE_OPTIONS as well', async () => {
    const app = start(['test/register/fixtures/http-app.cjs'], {
      NODE_OPTIONS: '--require @otelkit/register',
    });
    const port = (await app.waitFor(/app listening (\d+)/))[1];
    const url = await serverUrl(app);
    assert.equal((await fetchText(`${url}/readyz`)).status, 200);
    assert.match((await fetchText(`${url}/metrics`)).body, /^target_info\{/m);
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('is a no-op with OTEL_SDK_DISABLED=true', async () => {
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/http-app.cjs'], {
      OTEL_SDK_DISABLED: 'true',
      OTELKIT_PORT: '9',
    });
    const port = (await app.waitFor(/app listening (\d+)/))[1];
    assert.doesNotMatch(app.stderr, /observability server/);
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('keeps the exit code of a short script, exits promptly, and delivers its span', async () => {
    const started = Date.now();
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/short-script.cjs'], {
      OTEL_BSP_SCHEDULE_DELAY: '60000',
    });
    assert.equal(await app.exited, 3);
    assert.ok(Date.now() - started < 5_000, `exited after ${Date.now() - started} ms`);
    assert.ok(
      spans(receiver.received).some((s) => s.name === 'short-work'),
      'span flushed before exit',
    );
  });

  it('exits at once on SIGTERM when nothing listens at the OTLP endpoint, and says why', async () => {
    const port = await freePort(); // bound, then released: it refuses connections
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/http-app.cjs'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_BSP_SCHEDULE_DELAY: '60000',
      OTELKIT_SHUTDOWN_TIMEOUT_MS: '20000',
      OTEL_LOG_LEVEL: 'warn',
    });
    const appPort = (await app.waitFor(/app listening (\d+)/))[1];
    for (let i = 0; i < 3; i++) await fetchText(`http://127.0.0.1:${appPort}/`);
    const signalled = Date.now();
    app.process.kill('SIGTERM');
    await app.exited;
    // The exporters retry a refused connection for up to their 10 s timeout; the flush does not wait.
    assert.ok(Date.now() - signalled < 3_000, `exited ${Date.now() - signalled} ms after SIGTERM`);
    const refused = new RegExp(`nothing answers at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`);
    assert.match(app.stderr, new RegExp(`span flush failed: .*${refused.source}`));
    assert.match(app.stderr, new RegExp(`metrics flush failed: .*${refused.source}`));
    assert.doesNotMatch(app.stderr, /timed out/);
  });

  it('bounds the flush to a hanging collector by OTELKIT_SHUTDOWN_TIMEOUT_MS, saying so', async () => {
    // Accepts connections and never answers.
    const sockets = new Set<Socket>();
    const hanging = createNetServer((socket) => sockets.add(socket));
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const port = (hanging.address() as AddressInfo).port;
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/http-app.cjs'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_BSP_SCHEDULE_DELAY: '60000',
      OTELKIT_SHUTDOWN_TIMEOUT_MS: '1500',
      OTEL_LOG_LEVEL: 'warn',
    });
    const appPort = (await app.waitFor(/app listening (\d+)/))[1];
    await fetchText(`http://127.0.0.1:${appPort}/`);
    const signalled = Date.now();
    app.process.kill('SIGTERM');
    await app.exited;
    const took = Date.now() - signalled;
    for (const s of sockets) s.destroy();
    hanging.close();
    assert.ok(took >= 1_400 && took < 4_000, `exited ${took} ms after SIGTERM`);
    // Tracing's own deadline (what is left of the shutdown timeout) fires, not core's backstop.
    assert.match(app.stderr, /span flush failed: Error: span flush timed out after 1\d{3} ms/);
    assert.doesNotMatch(app.stderr, /shutdown hook/);
  });

  it('starts nothing in worker threads (Node preloads them too): one SDK, one server', async () => {
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/worker-app.cjs'], {
      OTEL_BSP_SCHEDULE_DELAY: '60000',
    });
    assert.equal(await app.exited, 0);
    assert.match(app.stdout, /worker otelkit started: false/);
    assert.equal(app.stderr.match(/observability server listening/g)?.length, 1, app.stderr);
    assert.doesNotMatch(app.stderr, /EADDRINUSE|already registered/, 'no second server or provider');
    assert.ok(
      spans(receiver.received).some((s) => s.name === 'after-worker'),
      'the main thread still traces',
    );
  });

  it('runs the app on when the metrics port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as AddressInfo).port;
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/http-app.cjs'], {
      OTELKIT_PORT: String(taken),
      OTEL_LOG_LEVEL: 'warn',
    });
    const port = (await app.waitFor(/app listening (\d+)/))[1];
    await app.waitFor(/observability server not started: .*EADDRINUSE/);
    assert.equal((await fetchText(`http://127.0.0.1:${port}/`)).body, 'hello');
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
    blocker.close();
  });

  it('refuses invalid configuration with one line naming the variable, before the app runs', async () => {
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/http-app.cjs'], {
      OTELKIT_PORT: 'abc',
    });
    assert.equal(await app.exited, 1);
    assert.equal(app.stderr.trim().split('\n').length, 1);
    assert.match(app.stderr, /OTELKIT_PORT="abc"/);
    assert.doesNotMatch(app.stdout, /app listening/);
  });

  it('leaves SIGTERM to an app that handles it', async () => {
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/own-signal.cjs']);
    await app.waitFor(/app listening/);
    const url = await serverUrl(app);
    app.process.kill('SIGTERM');
    assert.equal(await app.exited, 7);
    assert.match(app.stdout, /app handled SIGTERM/);
    await assert.rejects(fetchText(`${url}/readyz`), 'the app exited on its own terms');
  });

  it('serves one /metrics for a cluster, aggregating the workers', async () => {
    const app = start(['--require', '@otelkit/register', 'test/register/fixtures/cluster-app.cjs'], {
      OTEL_TRACES_EXPORTER: 'none',
    });
    const url = await serverUrl(app);
    await app.waitFor(/workers ready/);
    const text = (await fetchText(`${url}/metrics`)).body;
    const handled = text.split('\n').filter((l) => l.startsWith('app_handled_total{'));
    assert.equal(handled.length, 2, text);
    assert.ok(
      handled.some((l) => l.includes('cluster_worker="1"')) &&
        handled.some((l) => l.includes('cluster_worker="2"')),
    );
    const started = text.split('\n').filter((l) => l.startsWith('app_started_total'));
    assert.deepEqual(started.sort(), [
      'app_started_total{cluster_worker="1",otel_scope_name="cluster-app"} 1',
      'app_started_total{cluster_worker="2",otel_scope_name="cluster-app"} 1',
    ]);
    const samples = text
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('otelkit_cluster_workers{'));
    assert.deepEqual(
      samples.filter((l) => !/^[^ ]*\{cluster_worker="(1|2|primary)"[,}]/.test(l)),
      [],
      'every merged sample names its process',
    );
    assert.match(text, /otelkit_cluster_workers\{state="answered"\} 2/);
    assert.equal(text.split('\n').filter((l) => l === '# TYPE app_handled_total counter').length, 1);
    const lint = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    assert.equal(
      `${lint.stdout}${lint.stderr}`.trim(),
      '',
      'promtool check metrics on the merged exposition',
    );
    assert.equal(lint.status, 0);
    const openMetrics = await fetchText(`${url}/metrics`, {
      headers: { accept: 'application/openmetrics-text; version=1.0.0' },
    });
    assert.match(openMetrics.headers['content-type'] ?? '', /^application\/openmetrics-text/);
    const om = openMetrics.body;
    assert.ok(om.endsWith('# EOF\n'), om);
    assert.equal(om.split('\n').filter((l) => l === '# TYPE app_handled counter').length, 1, om);
    assert.match(
      om,
      /^app_handled_total\{cluster_worker="2",kind="startup",otel_scope_name="cluster-app"\} 2$/m,
    );
    assert.equal((await fetchText(`${url}/readyz`)).status, 200);
    app.process.kill('SIGTERM');
    await app.exited;
  });
});
