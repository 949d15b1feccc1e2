import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCircuitBreaker } from '../src/breaker';
import { findBreaker, listBreakers } from '../src/directory';
import { createBreakerRegistry } from '../src/registry';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function names(): string[] {
  return listBreakers().map((b) => b.name);
}

describe('breaker directory', () => {
  it('lists live breakers by name and finds one by name', () => {
    const b = createCircuitBreaker('dir-b', { metrics: false });
    const a = createCircuitBreaker('dir-a', { metrics: false });
    try {
      const mine = names().filter((n) => n.startsWith('dir-'));
      assert.deepEqual(mine, ['dir-a', 'dir-b']);
      assert.equal(findBreaker('dir-a'), a);
      assert.equal(findBreaker('dir-missing'), undefined);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('finds the newest breaker when several share a name', () => {
    const first = createCircuitBreaker('dir-same', { metrics: false });
    const second = createCircuitBreaker('dir-same', { metrics: false });
    assert.equal(findBreaker('dir-same'), second);
    second.dispose();
    assert.equal(findBreaker('dir-same'), first, 'the older one is found once the newer is disposed');
    first.dispose();
    assert.equal(findBreaker('dir-same'), undefined);
  });

  it('includes breakers created through a registry until the registry is disposed', () => {
    const registry = createBreakerRegistry({ defaults: { metrics: false } });
    const breaker = registry.get('dir-registry');
    assert.equal(findBreaker('dir-registry'), breaker);
    registry.dispose();
    assert.equal(findBreaker('dir-registry'), undefined);
  });

  it('lets an isolated breaker be found and reset through the directory', async () => {
    const breaker = createCircuitBreaker('dir-ops', { metrics: false });
    try {
      findBreaker('dir-ops')?.isolate();
      await assert.rejects(
        breaker.execute(() => 'ok'),
        { code: 'OTELKIT_ERR_CIRCUIT_OPEN' },
      );
      findBreaker('dir-ops')?.reset();
      assert.equal(await breaker.execute(() => 'ok'), 'ok');
    } finally {
      breaker.dispose();
    }
  });

  it('does not keep breakers alive: a thousand per-request breakers never disposed are collected', async () => {
    const before = listBreakers().length;
    for (let i = 0; i < 1_000; i++) {
      await createCircuitBreaker(`dir-req-${i}`, { metrics: false }).execute(() => i);
    }
    assert.ok(listBreakers().length >= before + 1_000, 'listed while alive');
    // WeakRefs created in this job stay alive until it ends; let it end before collecting.
    await nextTurn();
    gc();
    await nextTurn();
    assert.equal(listBreakers().length, before, 'collected breakers leave the directory');
  });

  it('sweeps collected handles while breakers are created, even if nobody lists them', async () => {
    const handles = () =>
      (globalThis as unknown as Record<symbol, { live: Set<unknown> }>)[
        Symbol.for('otelkit.circuit-breaker.directory.v1')
      ]!.live.size;
    let most = 0;
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 500; i++) createCircuitBreaker(`dir-sweep-${i}`, { metrics: false });
      await nextTurn();
      gc();
      most = Math.max(most, handles());
    }
    assert.ok(most < 3_000, `10 000 undisposed breakers created, at most ${most} handles held`);
  });
});
