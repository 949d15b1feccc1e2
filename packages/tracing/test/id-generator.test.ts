import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PooledIdGenerator } from '../src/id-generator';

describe('PooledIdGenerator', () => {
  it('makes valid, distinct W3C trace and span IDs across many pool refills', () => {
    const ids = new PooledIdGenerator();
    const traces = new Set<string>();
    const spans = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const t = ids.generateTraceId();
      const s = ids.generateSpanId();
      assert.match(t, /^[0-9a-f]{32}$/);
      assert.match(s, /^[0-9a-f]{16}$/);
      assert.notEqual(t, '0'.repeat(32));
      assert.notEqual(s, '0'.repeat(16));
      traces.add(t);
      spans.add(s);
    }
    assert.equal(traces.size, 5_000);
    assert.equal(spans.size, 5_000);
  });

  it('never hands out the all-zero IDs', () => {
    const ids = new PooledIdGenerator();
    // Force a pool of zeros: the generator must skip past them.
    const internals = ids as unknown as { hex: string; offset: number };
    internals.hex = '0'.repeat(32) + 'a'.repeat(32);
    internals.offset = 0;
    assert.equal(ids.generateTraceId(), 'a'.repeat(32));
    internals.hex = '0'.repeat(16) + 'b'.repeat(16);
    internals.offset = 0;
    assert.equal(ids.generateSpanId(), 'b'.repeat(16));
  });
});
