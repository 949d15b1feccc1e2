import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSecretKey } from '../../src/redact/secret-key';

describe('isSecretKey (remembered per key)', () => {
  it('gives the same answer the first time and every time after', () => {
    for (let round = 0; round < 3; round++) {
      for (const key of ['password', 'X-Api-Key', 'refreshToken', 'key', 'sig']) {
        assert.equal(isSecretKey(key), true, `${key}, round ${round}`);
      }
      for (const key of ['route', 'monkey', 'cacheKey', 'status', 'user.id']) {
        assert.equal(isSecretKey(key), false, `${key}, round ${round}`);
      }
    }
  });

  it('stays right after a spray of unique keys (the memo is bounded and starts afresh)', () => {
    for (let i = 0; i < 5_000; i++) isSecretKey(`field_${i}`);
    for (let i = 0; i < 5_000; i++) assert.equal(isSecretKey(`token_${i}`), true);
    assert.equal(isSecretKey('password'), true);
    assert.equal(isSecretKey('route'), false);
  });

  it('classifies long keys (not remembered) the same way', () => {
    const long = `${'x'.repeat(80)}_password`;
    assert.equal(isSecretKey(long), true);
    assert.equal(isSecretKey(long), true);
    assert.equal(isSecretKey('y'.repeat(90)), false);
  });
});
