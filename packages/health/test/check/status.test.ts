import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, statusValue } from '../../src/check/outcome';
import { CheckRegistry } from '../../src/check/registry';
import type { CheckResult, CheckStatus } from '../../src/check/types';
import { rateHigh, rateLow } from '../../src/checks/thresholds';
import { Lifecycle } from '../../src/lifecycle/lifecycle';
import { httpStatus, summarize } from '../../src/report/report';

describe('overall status', () => {
  const r = (status: CheckStatus, critical = true) => ({ status, critical });

  it('fails on a failing critical check, warns on a warning or a failing non-critical one, else passes', () => {
    assert.equal(aggregate([]), 'pass');
    assert.equal(aggregate([r('pass'), r('pass', false)]), 'pass');
    assert.equal(aggregate([r('pass'), r('warn')]), 'warn');
    assert.equal(aggregate([r('fail', false), r('pass')]), 'warn');
    assert.equal(aggregate([r('warn'), r('fail'), r('pass')]), 'fail');
    assert.equal(aggregate([r('fail', false), r('warn', false)]), 'warn');
  });

  it('answers 503 for fail only, and gives otelkit.health.status 1, 0.5 and 0', () => {
    assert.deepEqual(
      ['pass', 'warn', 'fail'].map((s) => httpStatus(s as CheckStatus)),
      [200, 200, 503],
    );
    assert.deepEqual(
      ['pass', 'warn', 'fail'].map((s) => statusValue(s as CheckStatus)),
      [1, 0.5, 0],
    );
  });

  it('summarises the checks that do not pass, with their messages', () => {
    const outcome = (name: string, status: CheckStatus, output?: string) => ({
      name,
      status,
      ...(output === undefined ? {} : { output }),
      kind: 'readiness' as const,
      critical: true,
      componentType: undefined,
      time: 0,
      durationSeconds: 0,
    });
    assert.equal(summarize([outcome('a', 'pass', 'fine')]), undefined);
    assert.equal(
      summarize([outcome('a', 'pass'), outcome('db', 'fail', 'refused'), outcome('disk', 'warn')]),
      'db fail: refused; disk warn',
    );
  });
});

describe('thresholds', () => {
  it('rateHigh: fail at or above fail, warn at or above warn (fail wins when both are breached)', () => {
    assert.equal(rateHigh(0.9, 0.8, 0.9), 'fail');
    assert.equal(rateHigh(0.95, 0.8, 0.9), 'fail');
    assert.equal(rateHigh(0.8, 0.8, 0.9), 'warn');
    assert.equal(rateHigh(0.79, 0.8, 0.9), 'pass');
    assert.equal(rateHigh(5, undefined, undefined), 'pass');
    assert.equal(rateHigh(5, 1, undefined), 'warn');
    assert.equal(rateHigh(5, undefined, 1), 'fail');
  });

  it('rateLow: fail below fail, warn below warn (fail wins when both are breached)', () => {
    assert.equal(rateLow(0.05, 0.2, 0.1), 'fail');
    assert.equal(rateLow(0.1, 0.2, 0.1), 'warn');
    assert.equal(rateLow(0.15, 0.2, 0.1), 'warn');
    assert.equal(rateLow(0.2, 0.2, 0.1), 'pass');
    assert.equal(rateLow(0, undefined, undefined), 'pass');
    assert.equal(rateLow(0, 1, undefined), 'warn');
    assert.equal(rateLow(0, undefined, 1), 'fail');
  });
});

describe('Lifecycle', () => {
  it('goes starting -> ready -> draining, only forward', () => {
    const lifecycle = new Lifecycle();
    assert.deepEqual(lifecycle.state, { phase: 'starting' });
    lifecycle.markReady();
    assert.equal(lifecycle.state.phase, 'ready');
    const ready = lifecycle.state;
    lifecycle.markReady();
    assert.equal(lifecycle.state, ready, 'a second markReady() changes nothing');
    assert.equal(lifecycle.drain('SIGTERM'), true);
    assert.equal(lifecycle.drain('SIGINT'), false);
    lifecycle.markReady();
    assert.deepEqual({ ...lifecycle.state, since: 0 }, { phase: 'draining', since: 0, reason: 'SIGTERM' });
  });
});

describe('CheckRegistry', () => {
  function registry() {
    return new CheckRegistry(() => {});
  }
  const opts = { cacheMs: 0 };

  it('runs only the checks of the kinds asked for', async () => {
    const checks = registry();
    checks.register('live', () => true, { ...opts, kind: 'liveness' });
    checks.register('ready', () => true, opts);
    checks.register('boot', () => true, { ...opts, kind: 'startup' });
    assert.deepEqual(
      (await checks.run(['liveness'])).map((o) => o.name),
      ['live'],
    );
    assert.deepEqual(
      (await checks.run(['readiness', 'startup'])).map((o) => o.name),
      ['ready', 'boot'],
    );
  });

  it('latches start-up checks once none fails, and runs them again when a new one is registered', async () => {
    const checks = registry();
    const results: CheckResult[] = [{ status: 'fail' }, { status: 'warn' }, { status: 'fail' }];
    let runs = 0;
    checks.register('boot', () => results[runs++]!, { ...opts, kind: 'startup' });
    assert.equal(checks.startupPassed(), false);
    assert.equal((await checks.run(['startup']))[0]!.status, 'fail');
    assert.equal(checks.startupPassed(), false);
    await checks.run(['liveness']);
    assert.equal(checks.startupPassed(), false, 'a run without start-up checks latches nothing');
    assert.equal((await checks.run(['startup']))[0]!.status, 'warn');
    assert.equal(checks.startupPassed(), true);
    assert.equal((await checks.run(['startup']))[0]!.status, 'warn', 'latched: not run again');
    assert.equal(runs, 2);
    checks.register('boot-2', () => ({ status: 'fail' }), { ...opts, kind: 'startup' });
    assert.equal(checks.startupPassed(), false);
    await checks.run(['startup']);
    assert.equal(runs, 3);
  });

  it('latches on the start-up outcomes only, once none of them fails; other kinds run every time', async () => {
    const checks = registry();
    const calls = { db: 0, a: 0, b: 0 };
    checks.register('db', () => ++calls.db < 0, opts);
    checks.register('boot-a', () => ++calls.a > 0, { ...opts, kind: 'startup' });
    checks.register('boot-b', () => calls.b++ > 0, { ...opts, kind: 'startup' });
    const statuses = async () =>
      (await checks.run(['readiness', 'startup'])).map((o) => `${o.name}=${o.status}`);
    assert.deepEqual(await statuses(), ['db=fail', 'boot-a=pass', 'boot-b=fail']);
    assert.equal(checks.startupPassed(), false, 'one start-up check failed');
    assert.deepEqual(await statuses(), ['db=fail', 'boot-a=pass', 'boot-b=pass']);
    assert.equal(checks.startupPassed(), true, 'a failing readiness check does not hold the latch');
    assert.deepEqual(await statuses(), ['db=fail', 'boot-a=pass', 'boot-b=pass']);
    assert.deepEqual(calls, { db: 3, a: 2, b: 2 });
  });

  it('counts start-up as passed when there are no start-up checks', () => {
    const checks = registry();
    checks.register('ready', () => false, opts);
    assert.equal(checks.startupPassed(), true);
  });

  it('unregisters only the check object it registered', () => {
    const checks = registry();
    const first = checks.register('db', () => true, opts);
    const second = checks.register('db', () => true, opts);
    assert.equal(checks.unregister(first), false);
    assert.equal(checks.get('db'), second);
    assert.equal(checks.unregister(second), true);
    assert.equal(checks.get('db'), undefined);
    assert.deepEqual(checks.all(), []);
  });
});
