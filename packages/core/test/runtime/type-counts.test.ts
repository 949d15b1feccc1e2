import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { constructorNames, TypeCounts } from '../../src/runtime/type-counts';

describe('TypeCounts', () => {
  it('counts items per type', () => {
    const counts = new TypeCounts().count(['Timeout', 'TCPWrap', 'Timeout']);
    assert.deepEqual(
      [...counts],
      [
        ['Timeout', 2],
        ['TCPWrap', 1],
      ],
    );
  });

  it('reports 0 for a type seen in an earlier count and absent now', () => {
    const counts = new TypeCounts();
    counts.count(['Timeout', 'TCPWrap']);
    assert.deepEqual(Object.fromEntries(counts.count(['TCPWrap'])), { TCPWrap: 1, Timeout: 0 });
    assert.deepEqual(Object.fromEntries(counts.count([])), { TCPWrap: 0, Timeout: 0 });
  });
});

describe('constructorNames', () => {
  it('yields constructor names and skips values without one', () => {
    class Socket {}
    const bare = Object.create(null) as object;
    assert.deepEqual([...constructorNames([new Socket(), undefined, 3, bare, new Map()])], ['Socket', 'Map']);
  });
});
