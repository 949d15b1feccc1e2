import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { MetricsSnapshot } from '@otelkit/core';
import FakeTimers from '@sinonjs/fake-timers';

type InstalledClock = ReturnType<typeof FakeTimers.install>;

import { lastSuccessCheck } from '../../src';
import type { CheckResult } from '../../src/check/types';

function snapshotWith(seconds: number | undefined): MetricsSnapshot {
  return {
    timestamp: new Date().toISOString(),
    resource: {},
    metrics:
      seconds === undefined
        ? []
        : [
            {
              name: 'sync.last_success.timestamp',
              prometheusName: 'sync_last_success_timestamp_seconds',
              type: 'gauge',
              unit: 's',
              description: '',
              scope: { name: 'test' },
              points: [
                { attributes: { operation: 'other' }, value: 0 },
                { attributes: { operation: 'cycle' }, value: seconds },
              ],
            },
          ],
  };
}

describe('lastSuccessCheck', () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = FakeTimers.install({ now: 1_700_000_000_000, toFake: ['Date'] });
  });
  afterEach(() => clock.uninstall());

  it('passes, warns and fails as the last success of the operation ages', async () => {
    let last = Date.now() / 1000;
    const check = lastSuccessCheck({
      snapshot: async () => snapshotWith(last),
      namespace: 'sync',
      operation: 'cycle',
      warnAfterMs: 60_000,
      failAfterMs: 300_000,
    });
    assert.deepEqual(await check(), { status: 'pass', observedValue: 0, observedUnit: 's' });
    clock.tick(60_000);
    const warn = (await check()) as CheckResult;
    assert.equal(warn.status, 'warn');
    assert.equal(warn.output, 'cycle: last success 60 s ago');
    clock.tick(240_000);
    assert.equal(((await check()) as CheckResult).status, 'fail');
    last = Date.now() / 1000;
    assert.equal(((await check()) as CheckResult).status, 'pass');
  });

  it('counts from its creation before the first success (start-up grace)', async () => {
    const check = lastSuccessCheck({
      telemetry: { snapshot: async () => snapshotWith(undefined) },
      namespace: 'sync',
      operation: 'cycle',
      failAfterMs: 10_000,
    });
    assert.equal(((await check()) as CheckResult).status, 'pass');
    clock.tick(10_000);
    const fail = (await check()) as CheckResult;
    assert.equal(fail.status, 'fail');
    assert.equal(fail.output, 'cycle: no success in the 10 s since start');
  });

  it('refuses to start without a metrics source', () => {
    assert.throws(
      () => lastSuccessCheck({ namespace: 'sync', operation: 'cycle', failAfterMs: 1 }),
      /OTELKIT_ERR_INVALID_CONFIG: lastSuccessCheck telemetry/,
    );
  });
});
