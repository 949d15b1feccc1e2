import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventLoopDelayCheck } from '../../src';
import type { CheckResult } from '../../src/check/types';

function block(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy: the event loop cannot run
  }
}

describe('eventLoopDelayCheck', () => {
  it('fails when the event loop was blocked beyond failMs and passes once it is free again', async () => {
    const check = eventLoopDelayCheck({ warnMs: 100, failMs: 150 });
    await new Promise((r) => setTimeout(r, 30));
    block(250);
    await new Promise((r) => setTimeout(r, 30));
    const blocked = (await check()) as CheckResult;
    assert.equal(blocked.status, 'fail');
    assert.equal(blocked.observedUnit, 'ms');
    assert.ok((blocked.observedValue as number) >= 150);
    assert.match(blocked.output ?? '', /event loop delay p99/);
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(((await check()) as CheckResult).status, 'pass');
  });

  it('refuses a negative threshold', () => {
    assert.throws(
      () => eventLoopDelayCheck({ warnMs: -1 }),
      /OTELKIT_ERR_INVALID_CONFIG: eventLoopDelayCheck warnMs=/,
    );
  });
});
