// The Deployment's terminationGracePeriodSeconds against the real shutdown sequence of @otelkit/health:
// with every step hanging until its deadline, shutdown ends exactly at the CLI's worst case, inside
// the grace period (fake timers; the CLI cannot import @otelkit/health, so this test ties them).
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import FakeTimers from '@sinonjs/fake-timers';
import {
  shutdownWorstCaseMs,
  terminationGracePeriodSeconds,
} from '../../packages/cli/src/generate/k8s/shutdown-budget';
import { Lifecycle } from '../../packages/health/src/lifecycle/lifecycle';
import { runShutdown } from '../../packages/health/src/lifecycle/shutdown';

const never = () => new Promise<void>(() => {});

/** A server whose close never completes, so the drain step runs into its own deadline. */
const stuckServer = {
  listening: true,
  close: () => stuckServer,
  closeIdleConnections: () => undefined,
  closeAllConnections: () => undefined,
} as unknown as Server;

describe('terminationGracePeriodSeconds', () => {
  let clock: ReturnType<typeof FakeTimers.install>;
  beforeEach(() => {
    clock = FakeTimers.install({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => clock.uninstall());

  for (const [delayMs, timeoutMs] of [
    [5_000, 5_000],
    [0, 1_000],
    [10_000, 2_000],
    [30_000, 20_000],
  ] as const) {
    it(`covers a shutdown whose every step times out (delay ${delayMs} ms, timeout ${timeoutMs} ms)`, async () => {
      const lifecycle = new Lifecycle();
      lifecycle.markReady();
      let finishedAt: number | undefined;
      const start = Date.now();
      void runShutdown(
        { lifecycle, delayMs, timeoutMs, hooks: () => [never], servers: () => [stuckServer], flush: never },
        'SIGTERM',
      ).then((result) => {
        finishedAt = Date.now() - start;
        assert.equal(result.failures.length, 3);
      });
      const worst = shutdownWorstCaseMs(delayMs, timeoutMs);
      await clock.tickAsync(worst - 1);
      assert.equal(finishedAt, undefined, 'still shutting down just before the worst case');
      await clock.tickAsync(1);
      assert.equal(finishedAt, worst);
      assert.ok(terminationGracePeriodSeconds(delayMs, timeoutMs) * 1000 > worst);
    });
  }
});
