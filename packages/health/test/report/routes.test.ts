import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Telemetry } from '@otelkit/core';
import { type Health, startHealth } from '../../src';
import { basicHeader, fetchText, startTestTelemetry } from '../helpers';

async function withHealth(
  fn: (ctx: { health: Health; url: string; telemetry: Telemetry }) => Promise<void>,
  telemetryOptions: Parameters<typeof startTestTelemetry>[0] = {},
): Promise<void> {
  const { telemetry, url } = await startTestTelemetry(telemetryOptions);
  const health = startHealth(telemetry, { sampleIntervalMs: 0, shutdownDelayMs: 0 });
  try {
    await fn({ health, url, telemetry });
  } finally {
    health.close();
    await telemetry.shutdown();
  }
}

describe('probe endpoints', () => {
  it('answers /livez with 200 application/health+json naming the service', () =>
    withHealth(async ({ health, url }) => {
      health.registerCheck(
        'memory:heap',
        () => ({ status: 'pass', observedValue: 12.5, observedUnit: 'percent' }),
        {
          kind: 'liveness',
          componentType: 'system',
        },
      );
      const reply = await fetchText(`${url}/livez`);
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['content-type'], 'application/health+json');
      const body = JSON.parse(reply.body);
      assert.equal(body.status, 'pass');
      assert.equal(body.serviceId, 'health-test');
      assert.equal(body.version, '1.2.3');
      assert.ok(!Number.isNaN(Date.parse(body.time)));
      const [entry] = body.checks['memory:heap'];
      assert.deepEqual(
        {
          status: entry.status,
          observedValue: entry.observedValue,
          observedUnit: entry.observedUnit,
          componentType: entry.componentType,
        },
        { status: 'pass', observedValue: 12.5, observedUnit: 'percent', componentType: 'system' },
      );
      assert.ok(!Number.isNaN(Date.parse(entry.time)));
    }));

  it('answers 503 with the failing check and its message when a critical check fails', () =>
    withHealth(async ({ health, url }) => {
      health.markReady();
      health.registerCheck('db:ping', () => {
        throw new Error('ECONNREFUSED 10.0.0.1:5432');
      });
      const reply = await fetchText(`${url}/readyz`);
      assert.equal(reply.status, 503);
      const body = JSON.parse(reply.body);
      assert.equal(body.status, 'fail');
      assert.equal(body.checks['db:ping'][0].output, 'ECONNREFUSED 10.0.0.1:5432');
      assert.match(body.output, /db:ping fail/);
    }));

  it('answers 200 with status warn when a check warns or a non-critical check fails', () =>
    withHealth(async ({ health, url }) => {
      health.markReady();
      health.registerCheck('cache:ping', () => false, { critical: false });
      health.registerCheck('queue:lag', () => ({ status: 'warn', output: 'lagging' }));
      const reply = await fetchText(`${url}/readyz`);
      assert.equal(reply.status, 200);
      assert.equal(JSON.parse(reply.body).status, 'warn');
    }));

  it('keeps liveness and readiness checks apart', () =>
    withHealth(async ({ health, url }) => {
      health.markReady();
      health.registerCheck('db:ping', () => false, { kind: 'readiness' });
      health.registerCheck('loop:delay', () => true, { kind: 'liveness' });
      const live = await fetchText(`${url}/livez`);
      assert.equal(live.status, 200);
      assert.deepEqual(Object.keys(JSON.parse(live.body).checks), ['loop:delay']);
      assert.equal((await fetchText(`${url}/readyz`)).status, 503);
      const all = await fetchText(`${url}/healthz`);
      assert.equal(all.status, 503);
      assert.deepEqual(Object.keys(JSON.parse(all.body).checks).sort(), ['db:ping', 'loop:delay']);
    }));

  it('serves the aliases /health, /health/live and /health/ready like /healthz, /livez and /readyz', () =>
    withHealth(async ({ health, url }) => {
      health.registerCheck('db:ping', () => false);
      assert.equal((await fetchText(`${url}/health/live`)).status, 200);
      assert.equal((await fetchText(`${url}/health/ready`)).status, 503);
      assert.equal((await fetchText(`${url}/health`)).status, 503);
    }));

  it('gives a Kubernetes-style text listing with ?verbose', () =>
    withHealth(async ({ health, url }) => {
      health.markReady();
      health.registerCheck('db:ping', () => true, { cacheMs: 0 });
      health.registerCheck('disk:free', () => ({ status: 'warn', output: '2 GiB free' }));
      const ok = await fetchText(`${url}/readyz?verbose`);
      assert.equal(ok.status, 200);
      assert.match(ok.headers['content-type'] ?? '', /^text\/plain/);
      assert.equal(
        ok.body,
        '[+]db:ping ok\n[+]disk:free warn: 2 GiB free\n[+]lifecycle:ready ok\nreadyz check passed\n',
      );
      health.registerCheck('db:ping', () => Promise.reject(new Error('timeout')));
      const bad = await fetchText(`${url}/readyz?verbose=1`);
      assert.equal(bad.status, 503);
      assert.match(bad.body, /^\[-\]db:ping failed: timeout$/m);
      assert.match(bad.body, /readyz check failed\n$/);
    }));

  it('answers HEAD with the status code and no body', () =>
    withHealth(async ({ url }) => {
      const reply = await fetchText(`${url}/readyz`, { method: 'HEAD' });
      assert.equal(reply.status, 503);
      assert.equal(reply.body, '');
    }));

  it('lets probes through without credentials but guards /health/detailed and the status page', () =>
    withHealth(
      async ({ health, url }) => {
        health.markReady();
        health.registerCheck('db:ping', () => true);
        assert.equal((await fetchText(`${url}/livez`)).status, 200);
        assert.equal((await fetchText(`${url}/readyz`)).status, 200);
        assert.equal((await fetchText(`${url}/healthz`)).status, 200);
        assert.equal((await fetchText(`${url}/health/detailed`)).status, 401);
        assert.equal((await fetchText(`${url}/`)).status, 401);
        assert.equal((await fetchText(`${url}/health/status.json`)).status, 401);
        const detailed = await fetchText(`${url}/health/detailed`, {
          headers: { authorization: basicHeader('ops', 's3cret') },
        });
        assert.equal(detailed.status, 200);
        const entry = JSON.parse(detailed.body).checks['db:ping'][0];
        assert.equal(entry.kind, 'readiness');
        assert.equal(entry.critical, true);
        assert.equal(typeof entry.durationMs, 'number');
      },
      { auth: { type: 'basic', username: 'ops', password: 's3cret' } },
    ));
});

describe('probe bodies and secrets', () => {
  const AUTH = { auth: { type: 'basic', username: 'ops', password: 's3cret' } } as const;
  const OPS = { authorization: basicHeader('ops', 's3cret') };
  const register = (health: Health) => {
    health.markReady();
    health.registerCheck('db:ping', () => {
      throw new Error('connect failed: postgres://admin:S3cretDbPass@db.internal:5432/orders');
    });
    health.registerCheck('queue:lag', () => ({
      status: 'warn',
      output: 'lagging behind token=QueueTok42',
      observedValue: 'broker amqp://guest:GuestPw7@mq:5672',
      observedUnit: 'messages',
    }));
  };

  it('gives callers without credentials the status and check names only on /healthz, /readyz and ?verbose', () =>
    withHealth(async ({ health, url }) => {
      register(health);
      for (const path of ['/healthz', '/readyz', '/health', '/health/ready', '/livez']) {
        const reply = await fetchText(`${url}${path}`);
        const body = JSON.parse(reply.body);
        assert.equal(body.output, undefined, path);
        for (const [name, entries] of Object.entries(body.checks as Record<string, object[]>)) {
          for (const entry of entries)
            assert.deepEqual(Object.keys(entry).sort(), ['status', 'time'], `${path} ${name}`);
        }
      }
      const healthz = JSON.parse((await fetchText(`${url}/healthz`)).body);
      assert.equal(healthz.checks['db:ping'][0].status, 'fail');
      assert.equal(healthz.checks['queue:lag'][0].status, 'warn');
      const verbose = await fetchText(`${url}/readyz?verbose`);
      assert.equal(
        verbose.body,
        '[-]db:ping failed\n[+]queue:lag warn\n[+]lifecycle:ready ok\nreadyz check failed\n',
      );
      const wrong = await fetchText(`${url}/healthz?verbose`, {
        headers: { authorization: basicHeader('ops', 'wrong') },
      });
      assert.equal(wrong.status, 503, 'wrong credentials: still answered, like no credentials');
      assert.doesNotMatch(wrong.body, /connect failed|lagging/);
    }, AUTH));

  it('gives authenticated callers messages and observed values, with credentials masked', () =>
    withHealth(async ({ health, url }) => {
      register(health);
      const replies = [
        await fetchText(`${url}/healthz`, { headers: OPS }),
        await fetchText(`${url}/readyz?verbose`, { headers: OPS }),
        await fetchText(`${url}/health/detailed`, { headers: OPS }),
      ];
      for (const reply of replies) {
        for (const secret of ['S3cretDbPass', 'QueueTok42', 'GuestPw7', 'admin:'])
          assert.ok(!reply.body.includes(secret), `${secret} in ${reply.body}`);
      }
      const body = JSON.parse(replies[0]!.body);
      assert.equal(
        body.checks['db:ping'][0].output,
        'connect failed: postgres://[REDACTED]@db.internal:5432/orders',
      );
      assert.equal(body.checks['queue:lag'][0].observedValue, 'broker amqp://[REDACTED]@mq:5672');
      assert.equal(body.checks['queue:lag'][0].observedUnit, 'messages');
      assert.match(body.output, /db:ping fail: connect failed/);
      assert.match(replies[1]!.body, /^\[-\]db:ping failed: connect failed: postgres:\/\/\[REDACTED\]@/m);
    }, AUTH));

  it('masks credentials in messages when no auth is configured (every caller sees the messages then)', () =>
    withHealth(async ({ health, url }) => {
      register(health);
      const reply = await fetchText(`${url}/healthz?verbose`);
      assert.match(reply.body, /connect failed: postgres:\/\/\[REDACTED\]@db\.internal/);
      assert.ok(!reply.body.includes('S3cretDbPass'));
    }));
});

describe('readiness lifecycle', () => {
  it('fails readiness until markReady() and passes after', () =>
    withHealth(async ({ health, url }) => {
      const before = await fetchText(`${url}/readyz`);
      assert.equal(before.status, 503);
      assert.equal(JSON.parse(before.body).checks['lifecycle:ready'][0].output, 'waiting for markReady()');
      assert.equal(health.isReady(), false);
      assert.equal((await fetchText(`${url}/livez`)).status, 200);
      health.markReady();
      assert.equal(health.isReady(), true);
      assert.equal((await fetchText(`${url}/readyz`)).status, 200);
    }));

  it('fails readiness until start-up checks pass, then stops running them', () =>
    withHealth(async ({ health, url }) => {
      let warmed = false;
      let runs = 0;
      health.registerCheck(
        'cache:warm',
        () => {
          runs++;
          return warmed;
        },
        { kind: 'startup', cacheMs: 0 },
      );
      health.markReady();
      const before = await fetchText(`${url}/readyz`);
      assert.equal(before.status, 503);
      assert.equal(health.isReady(), false);
      warmed = true;
      assert.equal((await fetchText(`${url}/readyz`)).status, 200);
      assert.equal(health.isReady(), true);
      warmed = false;
      assert.equal((await fetchText(`${url}/readyz`)).status, 200);
      assert.equal(runs, 2);
    }));

  it('turns readiness 503 as soon as shutdown starts while liveness stays 200', () =>
    withHealth(async ({ health, url }) => {
      health.markReady();
      let release: () => void = () => {};
      health.beforeShutdown(
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
      );
      const done = health.shutdown('test');
      const ready = await fetchText(`${url}/readyz`);
      assert.equal(ready.status, 503);
      assert.equal(JSON.parse(ready.body).checks['lifecycle:ready'][0].output, 'shutting down (test)');
      assert.equal((await fetchText(`${url}/livez`)).status, 200);
      assert.equal(health.isReady(), false);
      assert.equal(health.state().phase, 'draining');
      release();
      assert.deepEqual(await done, { ok: true, failures: [] });
    }));
});
