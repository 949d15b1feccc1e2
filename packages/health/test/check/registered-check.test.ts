import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import FakeTimers from '@sinonjs/fake-timers';

type InstalledClock = ReturnType<typeof FakeTimers.install>;

import { RegisteredCheck } from '../../src/check/registered-check';
import type { CheckFunction, CheckOutcome } from '../../src/check/types';

function make(
  fn: CheckFunction,
  overrides: Partial<RegisteredCheck['settings']> = {},
  runs: CheckOutcome[] = [],
) {
  return new RegisteredCheck(
    {
      name: 'db:ping',
      kind: 'readiness',
      critical: true,
      timeoutMs: 1_000,
      cacheMs: 0,
      componentType: undefined,
      ...overrides,
    },
    fn,
    (o) => runs.push(o),
  );
}

describe('RegisteredCheck', () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => clock.uninstall());

  it('passes through a result with observed value, unit and output', async () => {
    const outcome = await make(() => ({
      status: 'warn',
      observedValue: 42,
      observedUnit: 'ms',
      output: 'slow',
    })).run();
    assert.equal(outcome.status, 'warn');
    assert.equal(outcome.observedValue, 42);
    assert.equal(outcome.observedUnit, 'ms');
    assert.equal(outcome.output, 'slow');
    assert.equal(outcome.name, 'db:ping');
  });

  it('maps true to pass and false to fail', async () => {
    assert.equal((await make(() => true).run()).status, 'pass');
    assert.equal((await make(async () => false).run()).status, 'fail');
  });

  it('fails a check that throws with the first line of its message and no stack', async () => {
    const error = new Error('connection refused\nsecond line');
    const outcome = await make(() => {
      throw error;
    }).run();
    assert.equal(outcome.status, 'fail');
    assert.equal(outcome.output, 'connection refused');
    assert.doesNotMatch(JSON.stringify(outcome), /at .*\(|registered-check/);
  });

  it('fails a check that rejects, and one that returns garbage', async () => {
    const rejected = await make(() => Promise.reject(new Error('nope'))).run();
    assert.deepEqual([rejected.status, rejected.output], ['fail', 'nope']);
    const garbage = await make((() => ({ status: 'green' })) as unknown as CheckFunction).run();
    assert.equal(garbage.status, 'fail');
    assert.match(garbage.output ?? '', /invalid status/);
  });

  it('fails after timeoutMs without waiting for a hung check', async () => {
    const check = make(() => new Promise<boolean>(() => {}), { timeoutMs: 200 });
    const settled: { outcome?: CheckOutcome } = {};
    void check.run().then((o) => {
      settled.outcome = o;
    });
    await clock.tickAsync(199);
    assert.equal(settled.outcome?.status, undefined);
    await clock.tickAsync(1);
    assert.equal(settled.outcome?.status, 'fail');
    assert.equal(settled.outcome?.output, 'timed out after 200 ms');
  });

  it('does not start a check again while its timed-out run is still pending', async () => {
    let calls = 0;
    let release: (v: boolean) => void = () => {};
    const check = make(
      () => {
        calls++;
        if (calls > 1) return true;
        return new Promise<boolean>((resolve) => {
          release = resolve;
        });
      },
      { timeoutMs: 100 },
    );
    const first = check.run();
    await clock.tickAsync(100);
    assert.equal((await first).status, 'fail');
    const second = await check.run();
    assert.equal(second.status, 'fail');
    assert.match(second.output ?? '', /still pending/);
    assert.equal(calls, 1);
    release(true);
    await clock.tickAsync(0);
    assert.equal((await check.run()).status, 'pass');
    assert.equal(calls, 2);
  });

  it('reuses a result for cacheMs, then runs again', async () => {
    clock.setSystemTime(1_700_000_000_000);
    let calls = 0;
    const check = make(
      () => {
        calls++;
        return true;
      },
      { cacheMs: 1_000 },
    );
    await check.run();
    await check.run();
    await clock.tickAsync(999);
    await check.run();
    assert.equal(calls, 1);
    await clock.tickAsync(1);
    await check.run();
    assert.equal(calls, 2);
  });

  it('shares one run between concurrent callers (a probe storm runs the check once)', async () => {
    let calls = 0;
    const runs: CheckOutcome[] = [];
    const check = make(
      async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 50));
        return true;
      },
      {},
      runs,
    );
    const all = Promise.all(Array.from({ length: 100 }, () => check.run()));
    await clock.tickAsync(50);
    const outcomes = await all;
    assert.equal(calls, 1);
    assert.equal(runs.length, 1);
    assert.ok(outcomes.every((o) => o.status === 'pass'));
  });
});

describe('RegisteredCheck: operator runs and durations', () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => clock.uninstall());

  it('run(true) skips a fresh cached result (an operator’s “run now”) but shares a run in flight', async () => {
    let calls = 0;
    const check = make(
      async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 10));
        return true;
      },
      { cacheMs: 60_000 },
    );
    const first = check.run();
    await clock.tickAsync(10);
    await first;
    const cached = check.run();
    await clock.tickAsync(10);
    assert.equal((await cached).time, (await first).time);
    assert.equal(calls, 1);
    const fresh = check.run(true);
    const shared = check.run(true);
    await clock.tickAsync(10);
    assert.equal(await fresh, await shared);
    assert.equal(calls, 2);
  });

  it('records how long a run took, in seconds, and hands every outcome to the run listener', async () => {
    const runs: CheckOutcome[] = [];
    const check = make(
      async () => {
        await new Promise((r) => setTimeout(r, 250));
        return { status: 'warn' as const };
      },
      {},
      runs,
    );
    await clock.tickAsync(1_000);
    const pending = check.run();
    await clock.tickAsync(250);
    const outcome = await pending;
    assert.equal(outcome.durationSeconds, 0.25);
    assert.equal(outcome.time, Date.now());
    assert.deepEqual(runs, [outcome]);
    assert.equal(check.latest(), outcome);
  });

  it('still answers when the run listener throws', async () => {
    const check = new RegisteredCheck(
      { name: 'x', kind: 'liveness', critical: false, timeoutMs: 100, cacheMs: 0, componentType: 'db' },
      () => true,
      () => {
        throw new Error('metrics broke');
      },
    );
    const outcome = await check.run();
    assert.deepEqual(
      { ...outcome, time: 0 },
      {
        status: 'pass',
        name: 'x',
        kind: 'liveness',
        critical: false,
        componentType: 'db',
        time: 0,
        durationSeconds: 0,
      },
    );
  });
});
