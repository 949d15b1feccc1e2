// The options object through the preload: an OTELKIT_CONFIG module (CommonJS or ESM) adds a metric
// reader, a span processor, a sampler object and a resource detector; a bad module stops start-up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OtlpReceiver, type Received } from '../../packages/core/test/helpers/otlp-receiver';
import { fetchJson, fetchText } from '../helpers/http';
import { type Child, serverUrl, spawnApp } from './helpers';

const FIXTURES = 'test/register/fixtures';
let receiver: OtlpReceiver;
let otlp: string;
before(async () => {
  receiver = new OtlpReceiver();
  otlp = await receiver.start();
});
after(() => receiver.stop());

type OtlpAttribute = { key: string; value: { stringValue?: string } };
/** The exported spans' attributes, as key -> string value. */
function spanAttributes(received: readonly Received[]): Array<Record<string, string | undefined>> {
  return received
    .filter((r) => r.path === '/v1/traces')
    .flatMap((r) =>
      (
        r.body as {
          resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ attributes: OtlpAttribute[] }> }> }>;
        }
      ).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)),
    )
    .map((span) => Object.fromEntries(span.attributes.map((a) => [a.key, a.value.stringValue])));
}
const children: Child[] = [];
function start(args: string[], env: Record<string, string> = {}): Child {
  const child = spawnApp(args, env);
  children.push(child);
  return child;
}
after(() => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
});

interface Report {
  metrics: string[];
  spans: Array<{ name: string; path?: string; detected?: string }>;
  sampled: number;
}

/** Runs compose-app.cjs under the preload with `config`; returns what the user's objects received. */
async function runComposed(
  preload: '--require' | '--import',
  config: string,
  env: Record<string, string> = {},
) {
  const app = start([preload, '@otelkit/register', `${FIXTURES}/compose-app.cjs`], {
    OTELKIT_CONFIG: `${FIXTURES}/${config}`,
    // The user's sampler object wins over the variable; the user's processor gets spans without an exporter.
    OTEL_TRACES_SAMPLER: 'always_off',
    OTEL_TRACES_EXPORTER: 'none',
    ...env,
  });
  const port = (await app.waitFor(/app listening (\d+)/))[1];
  const url = await serverUrl(app);
  const report = JSON.parse((await fetchText(`http://127.0.0.1:${port}/report`)).body) as Report;
  const json = await fetchJson<{ metrics: Array<{ name: string }> }>(`${url}/metrics/json`);
  const text = (await fetchText(`${url}/metrics`)).body;
  await fetchText(`http://127.0.0.1:${port}/exit`);
  assert.equal(await app.exited, 0, app.stderr);
  return { report, builtIn: json.body.metrics.map((m) => m.name), text, stderr: app.stderr };
}

const FAMILIES: Array<[string, RegExp]> = [
  ['operation monitor', /^app\.operations$/],
  ['HTTP RED', /^http\.server\.request\.duration$/],
  ['runtime', /^nodejs\.eventloop\.utilization$/],
  ['health', /^otelkit\.health\.status$/],
  ['breaker', /^otelkit\.circuit_breaker\.calls$/],
  ['self-metrics', /^otelkit\.metric\.cardinality\.limit$/],
];

describe('OTELKIT_CONFIG options module', () => {
  for (const [preload, config] of [
    ['--require', 'compose-config.cjs'],
    ['--require', 'compose-config.mjs'],
    ['--import', 'compose-config.mjs'],
  ] as const) {
    it(`${preload} with ${config}: the user's reader gets every otelkit metric, the processor every sampled span, the sampler object wins`, async () => {
      const { report, builtIn, text, stderr } = await runComposed(preload, config);
      for (const [family, name] of FAMILIES) {
        assert.ok(
          report.metrics.some((m) => name.test(m)),
          `${family} metrics reach the user's reader`,
        );
      }
      for (const name of builtIn) {
        assert.ok(report.metrics.includes(name), `${name} reaches the user's reader as it reaches /metrics`);
      }
      assert.ok(report.sampled > 0, 'the sampler object is consulted');
      assert.ok(
        report.spans.some((s) => s.path === '/sampled'),
        `the processor sees the server span despite OTEL_TRACES_SAMPLER=always_off and OTEL_TRACES_EXPORTER=none: ${JSON.stringify(report.spans)}`,
      );
      assert.ok(!report.spans.some((s) => s.path === '/unsampled'), 'the sampler object dropped /unsampled');
      assert.ok(
        report.spans.every((s) => s.detected === 'by-detector'),
        'detector attributes on spans',
      );
      assert.match(
        text,
        /^target_info\{.*test_detected="by-detector"/m,
        'detector attributes on target_info',
      );
      assert.match(stderr, /sampler: DropUnsampled \(sampler in test\/register\/fixtures\/compose-config/);
      assert.match(stderr, /1 metric reader \(metricReaders in test\/register\/fixtures\/compose-config/);
    });
  }

  for (const [file, problem, preload = '--require'] of [
    ['missing-config.cjs', /no such file/],
    ['bad-config-throws.cjs', /throws when loaded \(Error: cannot read the settings\)/],
    ['bad-config-throws.cjs', /throws when loaded \(Error: cannot read the settings\)/, '--import'],
    ['bad-config-number.cjs', /exports number, not an options object/],
    ['bad-config-field.mjs', /metricReaders\[0\] in .*bad-config-field\.mjs="a plain object" is invalid/],
    ['bad-config-health.cjs', /health\.shutdownDelayMs in .*bad-config-health\.cjs="-5" is invalid/],
  ] as const) {
    it(`${preload}: stops start-up with one line naming ${file} and the problem, before the app runs`, async () => {
      const app = start([preload, '@otelkit/register', `${FIXTURES}/http-app.cjs`], {
        OTELKIT_CONFIG: `${FIXTURES}/${file}`,
      });
      // The app must not start: if it does, it says so (and would run on), which fails here at once.
      const outcome = await Promise.race([
        app.exited,
        app.waitFor(/app listening/).then(() => 'the app ran'),
      ]);
      assert.equal(outcome, 1, app.stderr);
      const lines = app.stderr.trim().split('\n');
      assert.equal(lines.length, 1, app.stderr);
      assert.match(
        lines[0]!,
        new RegExp(`^otelkit: OTELKIT_ERR_(CONFIG_MODULE|INVALID_CONFIG): .*${file.replace('.', '\\.')}`),
      );
      assert.match(lines[0]!, problem);
      assert.equal(app.stdout, '', 'the app never ran');
    });
  }

  it('applies per-instrumentation settings: express ignoreLayersType, the http ignore hook', async () => {
    const app = start(['--require', '@otelkit/register', `${FIXTURES}/express-app.cjs`], {
      OTELKIT_CONFIG: `${FIXTURES}/instrumentations-config.cjs`,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: 'instrumentations-settings',
    });
    const port = (await app.waitFor(/app listening (\d+)/))[1];
    const url = await serverUrl(app);
    await app.waitFor(/express: on/);
    await fetchText(`http://127.0.0.1:${port}/ignored`);
    await fetchText(`http://127.0.0.1:${port}/users/7`);
    const text = (await fetchText(`${url}/metrics`)).body;
    await fetchText(`http://127.0.0.1:${port}/exit`);
    assert.equal(await app.exited, 0);
    await receiver.waitFor((r) => spanAttributes(r).some((a) => a['url.path'] === '/users/7'));
    const attributes = spanAttributes(receiver.received);
    assert.ok(
      !attributes.some((a) => a['express.type'] === 'middleware'),
      'express made no middleware span (ignoreLayersType)',
    );
    assert.ok(!attributes.some((a) => a['url.path'] === '/ignored'), 'no span for the ignored request');
    assert.match(text, /http_server_request_duration_seconds_count\{[^}]*http_response_status_code="200"/);
    assert.doesNotMatch(
      text,
      /http_server_request_duration_seconds_count\{[^}]*http_response_status_code="404"/,
      'no RED metric for it',
    );
  });
});
