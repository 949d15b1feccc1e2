import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Telemetry } from '@otelkit/core';
import { type Health, startHealth } from '../src';
import type { CheckResult } from '../src/check/types';
import { fetchText, startTestTelemetry } from './helpers';

/** What each probe answers, without HTTP (`health.check()`, as the routes call it). */
describe('probe evaluation', () => {
  let telemetry: Telemetry;
  let url: string;
  before(async () => {
    ({ telemetry, url } = await startTestTelemetry());
  });
  after(() => telemetry.shutdown());

  function start(): Health {
    return startHealth(telemetry, {
      sampleIntervalMs: 0,
      shutdownDelayMs: 0,
      routes: false,
      statusPage: false,
      operatorRoutes: false,
    });
  }

  async function view(health: Health, probe: Parameters<Health['check']>[0]) {
    const report = await health.check(probe);
    return {
      status: report.status,
      output: report.output,
      checks: report.checks.map(
        (c) => `${c.name}=${c.status}${c.output === undefined ? '' : `(${c.output})`}`,
      ),
    };
  }

  it('livez runs liveness checks only; readyz and healthz add readiness and start-up ones', async () => {
    const health = start();
    try {
      health.markReady();
      health.registerCheck('loop', () => true, { kind: 'liveness', cacheMs: 0 });
      health.registerCheck('db', () => ({ status: 'warn', output: 'slow' }), { cacheMs: 0 });
      health.registerCheck('boot', () => true, { kind: 'startup', cacheMs: 0 });
      assert.deepEqual(await view(health, 'livez'), {
        status: 'pass',
        output: undefined,
        checks: ['loop=pass'],
      });
      assert.deepEqual(await view(health, 'readyz'), {
        status: 'warn',
        output: 'db warn: slow',
        checks: ['db=warn(slow)', 'boot=pass', 'lifecycle:ready=pass'],
      });
      assert.deepEqual((await view(health, 'healthz')).checks, ['loop=pass', 'db=warn(slow)', 'boot=pass']);
      assert.deepEqual((await view(health, 'detailed')).checks, [
        'loop=pass',
        'db=warn(slow)',
        'boot=pass',
        'lifecycle:ready=pass',
      ]);
      const lifecycle = (await health.check('readyz')).checks.at(-1)!;
      assert.deepEqual(
        { kind: lifecycle.kind, critical: lifecycle.critical, componentType: lifecycle.componentType },
        { kind: 'readiness', critical: true, componentType: 'system' },
      );
      assert.equal(Object.hasOwn(lifecycle, 'output'), false, 'a passing lifecycle check has no output');
    } finally {
      health.close();
    }
  });

  it('readiness fails until markReady(), liveness does not wait for it', async () => {
    const health = start();
    try {
      assert.equal(health.isReady(), false);
      assert.deepEqual(await view(health, 'readyz'), {
        status: 'fail',
        output: 'lifecycle:ready fail: waiting for markReady()',
        checks: ['lifecycle:ready=fail(waiting for markReady())'],
      });
      assert.equal((await view(health, 'livez')).status, 'pass');
      health.markReady();
      assert.equal(health.isReady(), true);
      assert.deepEqual(await view(health, 'readyz'), {
        status: 'pass',
        output: undefined,
        checks: ['lifecycle:ready=pass'],
      });
    } finally {
      health.close();
    }
  });

  it('readiness fails until the start-up checks have passed, even after markReady()', async () => {
    const health = start();
    try {
      const results: CheckResult[] = [{ status: 'fail', output: 'migrating' }, { status: 'pass' }];
      let runs = 0;
      health.registerCheck('migrations', () => results[Math.min(runs++, 1)]!, {
        kind: 'startup',
        cacheMs: 0,
      });
      health.markReady();
      assert.equal(health.isReady(), false);
      assert.deepEqual((await view(health, 'readyz')).checks, [
        'migrations=fail(migrating)',
        'lifecycle:ready=fail(start-up checks have not passed yet)',
      ]);
      assert.equal(health.isReady(), false);
      assert.equal((await view(health, 'readyz')).status, 'pass');
      assert.equal(health.isReady(), true);
    } finally {
      health.close();
    }
  });

  it('records each check run in otelkit.health.check.duration', async () => {
    const health = start();
    try {
      health.markReady();
      health.registerCheck('timed', () => true, { cacheMs: 0 });
      await health.check('readyz');
      await health.check('healthz');
      const text = (await fetchText(`${url}/metrics`)).body;
      assert.match(
        text,
        /^otelkit_health_check_duration_seconds_count\{check="timed",kind="readiness"[^}]*\} 2$/m,
      );
    } finally {
      health.close();
    }
  });

  it('starts ready with initiallyReady, without markReady()', async () => {
    const health = startHealth(telemetry, { initiallyReady: true, sampleIntervalMs: 0, routes: false });
    try {
      assert.equal(health.isReady(), true);
      assert.equal((await health.check('readyz')).status, 'pass');
    } finally {
      health.close();
    }
  });

  it('re-reads its settings from the config file only when there is one', () => {
    const targets: unknown[] = [];
    const withFile = (configFile: string | undefined) =>
      Object.create(telemetry, {
        config: { value: { ...telemetry.config, configFile } },
        addReloadTarget: { value: (target: unknown) => targets.push(target) },
      }) as Telemetry;
    const none = startHealth(withFile(undefined), { sampleIntervalMs: 0, routes: false });
    none.close();
    assert.equal(targets.length, 0);
    const some = startHealth(withFile('/etc/app/otelkit.yaml'), { sampleIntervalMs: 0, routes: false });
    some.close();
    assert.equal(targets.length, 1);
  });

  it('readiness fails as soon as shutdown starts, naming the reason, and markReady() cannot undo it', async () => {
    const { telemetry: own } = await startTestTelemetry();
    const health = startHealth(own, { sampleIntervalMs: 0, shutdownDelayMs: 0, routes: false });
    try {
      health.markReady();
      const done = health.shutdown('SIGTERM');
      assert.equal(health.isReady(), false);
      health.markReady();
      assert.deepEqual(await view(health, 'readyz'), {
        status: 'fail',
        output: 'lifecycle:ready fail: shutting down (SIGTERM)',
        checks: ['lifecycle:ready=fail(shutting down (SIGTERM))'],
      });
      assert.equal((await view(health, 'livez')).status, 'pass');
      assert.equal(health.shutdown('again'), done);
      assert.deepEqual(await done, { ok: true, failures: [] });
    } finally {
      health.close();
    }
  });
});
