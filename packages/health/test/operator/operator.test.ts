import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import type { Telemetry } from '@otelkit/core';
import { type Health, type StatusCheck, type StatusModel, startHealth } from '../../src';
import { basicHeader, fetchText, type Reply, startTestTelemetry } from '../helpers';

/** Collects `diag.info` and `diag.warn` lines (the audit log is written at warn). */
function captureInfo(): string[] {
  const lines: string[] = [];
  const keep = (message: string) => {
    lines.push(message);
  };
  diag.setLogger(
    { info: keep, warn: keep, error: keep, debug: () => {}, verbose: () => {} },
    { logLevel: DiagLogLevel.INFO, suppressOverrideMessage: true },
  );
  return lines;
}

/** The value of `otelkit_operator_actions_total{<labels>,…}` on a `/metrics` page. */
function actions(metrics: string, labels: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`otelkit_operator_actions_total{${labels},`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** A POST as a tool sends it: with the `X-Requested-By` header that marks a non-simple request. */
function post(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return fetchText(url, { method: 'POST', headers: { 'X-Requested-By': 'test', ...headers } });
}

describe('operator API of @otelkit/health', () => {
  let telemetry: Telemetry;
  let health: Health;
  let url: string;
  let log: string[];
  let runs: number;

  /** Without auth, operator actions need the local-development opt-in (`OTELKIT_OPERATOR_API=open`). */
  async function start(options: Parameters<typeof startTestTelemetry>[0] = {}): Promise<void> {
    ({ telemetry, url } = await startTestTelemetry({
      ...(options.auth === undefined ? { operatorApi: 'open' as const } : {}),
      ...options,
    }));
    log = captureInfo();
    health = startHealth(telemetry, { sampleIntervalMs: 0, initiallyReady: true });
    runs = 0;
    health.registerCheck(
      'db:ping',
      () => {
        runs++;
        return { status: runs > 1 ? 'warn' : 'pass', observedValue: runs };
      },
      { cacheMs: 60_000 },
    );
  }
  beforeEach(() => {
    runs = 0;
  });
  afterEach(async () => {
    health.close();
    await telemetry.shutdown();
    diag.disable();
  });

  it('GET /status serves the status document with service, checks, operations and added sections', async () => {
    await start();
    health.addStatusSection('queues', () => ({ depth: 3 }));
    const removeBroken = health.addStatusSection('broken', () => {
      throw new Error('provider down');
    });
    const reply = await fetchText(`${url}/status`);
    assert.equal(reply.status, 200);
    assert.match(reply.headers['content-type'] ?? '', /^application\/json/);
    const model = JSON.parse(reply.body) as StatusModel;
    assert.equal(model.service.name, 'health-test');
    assert.equal(model.status, 'pass');
    assert.deepEqual(
      model.checks.map((c) => c.name),
      ['db:ping', 'lifecycle:ready'],
    );
    assert.ok(Array.isArray(model.operations) && Array.isArray(model.breakers));
    assert.deepEqual(model.sections, { queues: { depth: 3 }, broken: { error: 'provider down' } });
    removeBroken();
    const page = JSON.parse((await fetchText(`${url}/health/status.json`)).body) as StatusModel;
    assert.deepEqual(page.sections, { queues: { depth: 3 } }, 'the status page polls the same document');
  });

  it('POST /health/checks/{name}/run runs the check now, bypassing its cache, and returns its result', async () => {
    await start();
    await fetchText(`${url}/readyz`);
    await fetchText(`${url}/readyz`);
    assert.equal(runs, 1, 'probes reuse the cached result');
    const reply = await post(`${url}/health/checks/db%3Aping/run`);
    assert.equal(reply.status, 200);
    assert.equal(runs, 2, 'the operator run did not use the cache');
    const result = JSON.parse(reply.body) as StatusCheck;
    assert.deepEqual(
      { name: result.name, status: result.status, observedValue: result.observedValue, kind: result.kind },
      { name: 'db:ping', status: 'warn', observedValue: 2, kind: 'readiness' },
    );
    assert.equal(typeof result.durationMs, 'number');
  });

  it('accepts check names containing a slash', async () => {
    await start();
    health.registerCheck('queue/orders:depth', () => true);
    const reply = await post(`${url}/health/checks/queue/orders:depth/run`);
    assert.equal(reply.status, 200);
    assert.equal((JSON.parse(reply.body) as StatusCheck).name, 'queue/orders:depth');
  });

  it('answers 404 for an unknown check or path shape and 405 with Allow for GET', async () => {
    await start();
    const unknown = await post(`${url}/health/checks/nope/run`);
    assert.equal(unknown.status, 404);
    assert.deepEqual(JSON.parse(unknown.body), { error: 'no such check', check: 'nope' });
    assert.equal((await post(`${url}/health/checks/db%3Aping/explode`)).status, 404);
    assert.equal((await post(`${url}/health/checks/db%ZZ/run`)).status, 404, 'malformed escape');
    const get = await fetchText(`${url}/health/checks/db%3Aping/run`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.allow, 'POST');
    assert.equal((await post(`${url}/status`)).status, 405);
    assert.equal(runs, 0, 'nothing ran');
  });

  it('logs and counts every check run with the identity, anonymous without auth', async () => {
    await start();
    await post(`${url}/health/checks/db%3Aping/run`);
    await post(`${url}/health/checks/ghost%0Aline/run`);
    assert.ok(
      log.includes('otelkit operator: anonymous check.run "db:ping": success (status pass)'),
      log.join('\n'),
    );
    assert.ok(
      log.includes('otelkit operator: anonymous check.run "ghost\\nline": not_found'),
      'a requested name cannot break the log line',
    );
    const metrics = (await fetchText(`${url}/metrics`)).body;
    assert.equal(actions(metrics, 'action="check.run",target="db:ping",outcome="success"'), 1);
    assert.equal(
      actions(metrics, 'action="check.run",target="(unknown)",outcome="not_found"'),
      1,
      'unknown names do not become label values',
    );
    assert.doesNotMatch(metrics, /ghost/);
  });

  it('writes audit lines at warn, so they survive OTEL_LOG_LEVEL=warn (the production level)', async () => {
    await start();
    const warned: string[] = [];
    diag.setLogger(
      {
        error: () => {},
        warn: (message: string) => {
          warned.push(message);
        },
        info: () => {},
        debug: () => {},
        verbose: () => {},
      },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
    await post(`${url}/health/checks/db%3Aping/run`);
    assert.deepEqual(warned, ['otelkit operator: anonymous check.run "db:ping": success (status pass)']);
  });

  it('requires the server credentials when auth is configured and audits the user', async () => {
    await start({ auth: { type: 'basic', username: 'alice', password: 's3cret' } });
    assert.equal((await post(`${url}/health/checks/db%3Aping/run`)).status, 401);
    const wrong = { authorization: basicHeader('alice', 'nope') };
    assert.equal((await post(`${url}/health/checks/db%3Aping/run`, wrong)).status, 401);
    assert.equal((await fetchText(`${url}/status`)).status, 401);
    assert.equal(runs, 0);
    const right = { authorization: basicHeader('alice', 's3cret') };
    assert.equal((await post(`${url}/health/checks/db%3Aping/run`, right)).status, 200);
    assert.equal((await fetchText(`${url}/status`, { headers: right })).status, 200);
    assert.ok(log.some((l) => l.startsWith('otelkit operator: basic:alice check.run "db:ping": success')));
  });

  it('refuses check runs with 403 when there is no auth and no opt-in, and runs nothing', async () => {
    await start({ operatorApi: 'auth' });
    const reply = await post(`${url}/health/checks/db%3Aping/run`);
    assert.equal(reply.status, 403);
    assert.match(reply.body, /OTELKIT_OPERATOR_API=open/);
    assert.equal(runs, 0);
    assert.equal((await fetchText(`${url}/status`)).status, 200, 'reading stays open');
  });

  it('mounts nothing with operatorRoutes: false', async () => {
    ({ telemetry, url } = await startTestTelemetry());
    health = startHealth(telemetry, { sampleIntervalMs: 0, operatorRoutes: false });
    assert.equal((await fetchText(`${url}/status`)).status, 404);
    assert.equal((await post(`${url}/health/checks/x/run`)).status, 404);
  });
});

describe('health.addStatusSection', () => {
  it('refuses a bad section name at set-up', async () => {
    const { telemetry } = await startTestTelemetry();
    const health = startHealth(telemetry, { sampleIntervalMs: 0 });
    try {
      assert.throws(() => health.addStatusSection('has space', () => 1), {
        code: 'OTELKIT_ERR_INVALID_CONFIG',
      });
    } finally {
      health.close();
      await telemetry.shutdown();
    }
  });
});
