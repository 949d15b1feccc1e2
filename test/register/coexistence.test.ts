// An OpenTelemetry setup of the app's own next to otelkit, in both start-up orders: metrics never
// split across two pipelines and no span is recorded twice (OTELKIT_EXISTING_PROVIDERS).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OtlpReceiver, type Received } from '../../packages/core/test/helpers/otlp-receiver';
import { fetchText } from '../helpers/http';
import { type Child, serverUrl, spawnApp } from './helpers';

const FIXTURES = 'test/register/fixtures';
let receiver: OtlpReceiver;
let otlp: string;
before(async () => {
  receiver = new OtlpReceiver();
  otlp = await receiver.start();
});
after(() => receiver.stop());
const children: Child[] = [];
after(() => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
});

function spanNames(received: readonly Received[]): string[] {
  return received
    .filter((r) => r.path === '/v1/traces')
    .flatMap((r) =>
      (
        r.body as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ name: string }> }> }> }
      ).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans.map((span) => span.name))),
    );
}

interface Report {
  registered: { metrics: boolean; trace: boolean };
  metrics: string[];
  spans: string[];
}

/** Starts coexist-app.cjs with `args` before it, makes one request, returns the app's own report. */
async function run(args: string[], env: Record<string, string> = {}) {
  const app = spawnApp([...args, `${FIXTURES}/coexist-app.cjs`], {
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
    OTEL_SERVICE_NAME: 'coexist',
    OTEL_LOG_LEVEL: 'info',
    ...env,
  });
  children.push(app);
  const port = (await app.waitFor(/app listening (\d+)/))[1];
  await fetchText(`http://127.0.0.1:${port}/work`);
  const report = JSON.parse((await fetchText(`http://127.0.0.1:${port}/report`)).body) as Report;
  return { app, port, report };
}

describe('otelkit next to an OpenTelemetry setup of the app', () => {
  it('otelkit first, then the app SDK: everything recorded through the API goes to otelkit, once', async () => {
    const { app, port, report } = await run(['--require', '@otelkit/register'], { OTEL_LOG_LEVEL: 'debug' });
    const url = await serverUrl(app);
    assert.deepEqual(
      report.registered,
      { metrics: false, trace: false },
      'the app SDK could not take the globals',
    );
    assert.deepEqual(report.metrics, [], 'nothing split into the app’s own pipeline');
    assert.deepEqual(report.spans, [], 'no span recorded by the app’s own pipeline');
    const text = (await fetchText(`${url}/metrics`)).body;
    assert.match(text, /^app_things_total\{/m, 'the app’s metric on otelkit’s /metrics');
    assert.match(text, /^app_operations_total\{/m, 'the operation monitor on otelkit’s /metrics');
    assert.match(text, /^http_server_request_duration_seconds_count\{/m);
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
    await receiver.waitFor((r) => spanNames(r).includes('app.work'));
    assert.equal(spanNames(receiver.received).filter((n) => n === 'app.work').length, 1, 'the span once');
  });

  it('the app SDK first, then otelkit: otelkit refuses with one line, the app’s pipeline gets everything', async () => {
    const { app, port, report } = await run([
      '--require',
      `./${FIXTURES}/own-sdk.cjs`,
      '--require',
      '@otelkit/register',
    ]);
    assert.deepEqual(report.registered, { metrics: true, trace: true });
    assert.ok(
      report.metrics.includes('app.things') && report.metrics.includes('app.operations'),
      report.metrics.join(),
    );
    assert.deepEqual(
      report.spans.filter((n) => n === 'app.work'),
      ['app.work'],
      'the span once, in the app’s pipeline',
    );
    assert.ok(!report.spans.some((n) => n.startsWith('GET')), 'otelkit recorded no HTTP span of its own');
    const lines = app.stderr.trim().split('\n');
    assert.equal(lines.length, 1, app.stderr);
    assert.match(
      lines[0]!,
      /^otelkit: telemetry not started, the app runs without it: .*OTELKIT_ERR_EXISTING_PROVIDER: another OpenTelemetry setup registered a global MeterProvider and TracerProvider before otelkit.*OTELKIT_EXISTING_PROVIDERS=separate/,
    );
    assert.doesNotMatch(app.stderr, /listening/);
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('a tracing-only setup first: otelkit refuses too, naming the TracerProvider, and starts nothing', async () => {
    const { app, port, report } = await run(
      ['--require', `./${FIXTURES}/own-sdk.cjs`, '--require', '@otelkit/register'],
      {
        OWN_SDK_SIGNALS: 'traces',
        OTEL_LOG_LEVEL: 'debug',
      },
    );
    assert.deepEqual(report.registered, { metrics: false, trace: true });
    assert.deepEqual(
      report.spans.filter((n) => n === 'app.work'),
      ['app.work'],
      'the span once, in the app’s pipeline',
    );
    const lines = app.stderr.trim().split('\n');
    assert.equal(lines.length, 1, app.stderr);
    assert.match(
      lines[0]!,
      /OTELKIT_ERR_EXISTING_PROVIDER: another OpenTelemetry setup registered a global TracerProvider before/,
    );
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
  });

  it('the app SDK first, with OTELKIT_EXISTING_PROVIDERS=separate: otelkit runs beside it, saying so once', async () => {
    const { app, port } = await run(
      ['--require', `./${FIXTURES}/own-sdk.cjs`, '--require', '@otelkit/register'],
      {
        OTELKIT_EXISTING_PROVIDERS: 'separate',
        OTEL_LOG_LEVEL: 'debug',
      },
    );
    const url = await serverUrl(app);
    assert.match(
      app.stderr,
      /registered a global MeterProvider before otelkit \(OTELKIT_EXISTING_PROVIDERS=separate\)/,
    );
    assert.match((await fetchText(`${url}/metrics`)).body, /^target_info\{/m);
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
  });
});
