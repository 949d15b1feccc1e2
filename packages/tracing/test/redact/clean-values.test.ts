import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CleanValues } from '../../src/redact/clean-values';

/** A scan that counts its calls and masks `secret`. */
function countingScan(): { scan: (text: string) => string; calls: string[] } {
  const calls: string[] = [];
  const scan = (text: string): string => {
    calls.push(text);
    return text.replace('secret', '[REDACTED]');
  };
  return { calls, scan };
}

describe('CleanValues', () => {
  it('scans a clean value once, then serves it remembered', () => {
    const { scan, calls } = countingScan();
    const memo = new CleanValues(10);
    for (let i = 0; i < 3; i++) assert.equal(memo.mask('/health', scan), '/health');
    assert.deepEqual(calls, ['/health']);
  });

  it('scans a secret-bearing value every time (never remembered)', () => {
    const { scan, calls } = countingScan();
    const memo = new CleanValues(10);
    for (let i = 0; i < 3; i++) assert.equal(memo.mask('a secret', scan), 'a [REDACTED]');
    assert.equal(calls.length, 3);
    assert.equal(memo.size, 0);
  });

  it('does not remember long values', () => {
    const { scan, calls } = countingScan();
    const memo = new CleanValues(10, 8);
    memo.mask('/a/long/path', scan);
    memo.mask('/a/long/path', scan);
    assert.equal(calls.length, 2);
  });

  it('learns values again after a spray of unique ones fills it (bounded, not frozen)', () => {
    const { scan, calls } = countingScan();
    const memo = new CleanValues(100);
    for (let i = 0; i < 1_000; i++) memo.mask(`/items/${i}`, scan);
    assert.ok(memo.size <= 100, `size ${memo.size}`);
    calls.length = 0;
    memo.mask('/later', scan);
    memo.mask('/later', scan);
    assert.deepEqual(calls, ['/later'], 'a value first seen after the spray is remembered');
  });
});
