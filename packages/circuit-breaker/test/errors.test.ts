import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BulkheadRejectedError,
  CircuitOpenError,
  CircuitTimeoutError,
  InvalidBreakerOptionError,
  isBulkheadRejectedError,
  isCircuitOpenError,
  isCircuitTimeoutError,
  isInvalidBreakerOptionError,
} from '../src/errors';

describe('errors', () => {
  it('give each kind a stable code', () => {
    assert.equal(new CircuitOpenError('tmdb', 'open').code, 'OTELKIT_ERR_CIRCUIT_OPEN');
    assert.equal(new CircuitTimeoutError('tmdb', 10).code, 'OTELKIT_ERR_CIRCUIT_TIMEOUT');
    assert.equal(new BulkheadRejectedError('db', 1, 0).code, 'OTELKIT_ERR_BULKHEAD_FULL');
    assert.equal(
      new InvalidBreakerOptionError('timeoutMs', -1, 'x').code,
      'OTELKIT_ERR_INVALID_BREAKER_OPTION',
    );
  });

  it('recognise errors from another installed copy by their code', () => {
    const foreign = Object.assign(new Error('from another copy'), { code: 'OTELKIT_ERR_CIRCUIT_OPEN' });
    assert.equal(isCircuitOpenError(foreign), true);
    assert.equal(isCircuitTimeoutError({ code: 'OTELKIT_ERR_CIRCUIT_TIMEOUT' }), true);
    assert.equal(isBulkheadRejectedError({ code: 'OTELKIT_ERR_BULKHEAD_FULL' }), true);
    assert.equal(isInvalidBreakerOptionError({ code: 'OTELKIT_ERR_INVALID_BREAKER_OPTION' }), true);
  });

  it('reject other values in the type guards', () => {
    for (const value of [undefined, null, 'OTELKIT_ERR_CIRCUIT_OPEN', new Error('x'), { code: 'OTHER' }]) {
      assert.equal(isCircuitOpenError(value), false);
    }
    assert.equal(isCircuitOpenError(new CircuitTimeoutError('a', 1)), false);
  });

  it('name the option and the value in the configuration error message', () => {
    const err = new InvalidBreakerOptionError('failureRate.threshold', 1.5, 'a number in (0, 1]');
    assert.match(err.message, /OTELKIT_ERR_INVALID_BREAKER_OPTION/);
    assert.match(err.message, /failureRate\.threshold=1\.5/);
    assert.equal(err.option, 'failureRate.threshold');
  });
});
