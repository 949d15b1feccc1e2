import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorOutput, normalizeResult } from '../../src/check/outcome';

// What a check function may return, and what the probes make of it: a well-formed result passes
// through (its strings as one safe line), anything else is a failure naming what was wrong.
describe('normalizeResult', () => {
  it('maps true to pass and false to a failure saying so, with nothing else', () => {
    assert.deepEqual(normalizeResult(true), { status: 'pass' });
    assert.deepEqual(normalizeResult(false), { status: 'fail', output: 'check returned false' });
  });

  it('fails a value that is not a result object, naming its type', () => {
    for (const [value, type] of [
      [undefined, 'undefined'],
      [null, 'object'],
      [1, 'number'],
      ['pass', 'string'],
      [() => true, 'function'],
    ] as const) {
      assert.deepEqual(
        normalizeResult(value),
        { status: 'fail', output: `check returned ${type} instead of a result` },
        type,
      );
    }
  });

  it('fails a result without a valid status, quoting it as one masked line', () => {
    const invalid = (status: string) => ({
      status: 'fail',
      output: `check returned an invalid status: ${status}`,
    });
    assert.deepEqual(normalizeResult({}), invalid('undefined'));
    assert.deepEqual(normalizeResult({ status: 1 }), invalid('1'));
    assert.deepEqual(normalizeResult({ status: 'green' }), invalid('green'));
    assert.deepEqual(normalizeResult({ status: 'PASS' }), invalid('PASS'));
    assert.deepEqual(normalizeResult({ status: 'ok\ntoken=t1' }), invalid('ok'));
    assert.deepEqual(normalizeResult({ status: 'token=t1' }), invalid('token=[REDACTED]'));
  });

  it('keeps each valid status and only the well-formed optional fields', () => {
    for (const status of ['pass', 'warn', 'fail']) {
      assert.deepEqual(normalizeResult({ status, extra: 1 }), { status });
    }
    assert.deepEqual(
      normalizeResult({ status: 'warn', observedValue: 42, observedUnit: 'ms', output: 'slow' }),
      { status: 'warn', observedValue: 42, observedUnit: 'ms', output: 'slow' },
    );
    assert.deepEqual(normalizeResult({ status: 'pass', observedValue: false }), {
      status: 'pass',
      observedValue: false,
    });
    assert.deepEqual(normalizeResult({ status: 'pass', observedValue: 0 }), {
      status: 'pass',
      observedValue: 0,
    });
    assert.deepEqual(normalizeResult({ status: 'pass', observedValue: '' }), {
      status: 'pass',
      observedValue: '',
    });
    // Objects, arrays, null and bigints are not an observed value; a non-string unit or output is dropped.
    for (const observedValue of [{ n: 1 }, [1], null, 1n]) {
      assert.deepEqual(normalizeResult({ status: 'pass', observedValue }), { status: 'pass' });
    }
    assert.deepEqual(normalizeResult({ status: 'pass', observedUnit: 1, output: 2 }), { status: 'pass' });
    assert.deepEqual(normalizeResult({ status: 'fail', output: '' }), { status: 'fail' });
  });

  it('makes every string of a result one masked line', () => {
    assert.deepEqual(
      normalizeResult({
        status: 'fail',
        observedValue: 'postgres://u:pw@db\nstack',
        observedUnit: 'token=t1\nx',
        output: 'refused password=p1\n    at x',
      }),
      {
        status: 'fail',
        observedValue: 'postgres://[REDACTED]@db',
        observedUnit: 'token=[REDACTED]',
        output: 'refused password=[REDACTED]',
      },
    );
  });
});

describe('errorOutput', () => {
  it('gives the first masked line of an error message, its name when the message is empty, or the value', () => {
    assert.equal(errorOutput(new Error('refused token=t1\n    at x')), 'refused token=[REDACTED]');
    assert.equal(errorOutput(new TypeError('')), 'TypeError');
    assert.equal(errorOutput('failed password=p1'), 'failed password=[REDACTED]');
    assert.equal(errorOutput(42), '42');
    assert.equal(errorOutput(undefined), 'undefined');
  });
});
