import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import FakeTimers from '@sinonjs/fake-timers';

type InstalledClock = ReturnType<typeof FakeTimers.install>;

import { Lifecycle } from '../../src/lifecycle/lifecycle';
import { runShutdown, type ShutdownHook, type ShutdownPlan } from '../../src/lifecycle/shutdown';

describe('runShutdown', () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = FakeTimers.install({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => clock.uninstall());

  function plan(steps: string[], hooks: ShutdownHook[], overrides: Partial<ShutdownPlan> = {}): ShutdownPlan {
    const lifecycle = new Lifecycle();
    lifecycle.markReady();
    return {
      lifecycle,
      delayMs: 5_000,
      timeoutMs: 1_000,
      hooks: () => hooks,
      servers: () => [],
      flush: async () => {
        steps.push('flush');
      },
      ...overrides,
    };
  }

  it('drains readiness at once, waits the delay, then runs hooks in order and flushes', async () => {
    const steps: string[] = [];
    const p = plan(steps, [() => void steps.push('hook 1'), async () => void steps.push('hook 2')]);
    const done = runShutdown(p, 'SIGTERM');
    assert.deepEqual(p.lifecycle.state, { phase: 'draining', since: Date.now(), reason: 'SIGTERM' });
    await clock.tickAsync(4_999);
    assert.deepEqual(steps, []);
    await clock.tickAsync(1);
    assert.deepEqual(await done, { ok: true, failures: [] });
    assert.deepEqual(steps, ['hook 1', 'hook 2', 'flush']);
  });

  it('gives up on hooks after the deadline, reports the failure and still flushes', async () => {
    const steps: string[] = [];
    const p = plan(steps, [() => new Promise<void>(() => {})], { delayMs: 0 });
    const done = runShutdown(p, 'SIGINT');
    await clock.tickAsync(1_000);
    const result = await done;
    assert.equal(result.ok, false);
    assert.deepEqual(result.failures, ['beforeShutdown: beforeShutdown timed out after 1000 ms']);
    assert.deepEqual(steps, ['flush']);
  });

  it('reports a hook that throws and a failing flush, and never rejects', async () => {
    const p = plan([], [() => Promise.reject(new Error('queue close failed'))], {
      delayMs: 0,
      flush: () => Promise.reject(new Error('exporter down')),
    });
    const result = await runShutdown(p, 'test');
    assert.deepEqual(result.failures, [
      'beforeShutdown: queue close failed',
      'telemetry flush: exporter down',
    ]);
  });
});
