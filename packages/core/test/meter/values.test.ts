import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureWarnings } from '../../../../test/helpers/diag-warnings';
import { invalidMeasurements, validValue } from '../../src/meter/values';

describe('validValue', () => {
  const warnings = captureWarnings();

  it('accepts finite numbers, negative ones only where allowed', () => {
    assert.equal(validValue('values.ok', 0, true), true);
    assert.equal(validValue('values.ok', 2.5, true), true);
    assert.equal(validValue('values.ok', -3, false), true);
    assert.equal(invalidMeasurements.has('values.ok'), false);
    assert.deepEqual(warnings, []);
  });

  it('drops NaN, infinities, non-numbers and (where not allowed) negatives', () => {
    for (const [value, nonNegative] of [
      [Number.NaN, false],
      [Number.POSITIVE_INFINITY, false],
      [Number.NEGATIVE_INFINITY, false],
      ['1', false],
      [-1, true],
    ] as const) {
      assert.equal(validValue('values.bad', value, nonNegative), false, String(value));
    }
  });

  it('counts every drop per instrument and warns once per instrument', () => {
    validValue('values.counted', Number.NaN, true);
    validValue('values.counted', -1, true);
    validValue('values.counted', Number.NaN, true);
    validValue('values.other', Number.NaN, false);
    assert.equal(invalidMeasurements.get('values.counted'), 3);
    assert.equal(invalidMeasurements.get('values.other'), 1);
    assert.deepEqual(warnings, [
      'otelkit: dropped measurement NaN for "values.counted": expected a finite, non-negative number (warned once per instrument; counted in otelkit_metric_invalid_measurements_total)',
      'otelkit: dropped measurement NaN for "values.other": expected a finite number (warned once per instrument; counted in otelkit_metric_invalid_measurements_total)',
    ]);
  });

  it('counts instruments past the 1000th under _other, without a warning, and keeps counting the known ones', () => {
    const saved = new Map(invalidMeasurements);
    invalidMeasurements.clear();
    try {
      for (let i = 0; i < 1000; i++) validValue(`values.many.${i}`, Number.NaN, false);
      assert.equal(warnings.length, 1000);
      assert.equal(validValue('values.many.late', Number.NaN, false), false);
      validValue('values.many.later', Number.NaN, false);
      validValue('values.many.7', Number.NaN, false);
      assert.equal(invalidMeasurements.size, 1001);
      assert.equal(invalidMeasurements.get('_other'), 2);
      assert.equal(invalidMeasurements.get('values.many.7'), 2);
      assert.equal(invalidMeasurements.has('values.many.late'), false);
      assert.equal(warnings.length, 1000);
    } finally {
      invalidMeasurements.clear();
      for (const [k, v] of saved) invalidMeasurements.set(k, v);
    }
  });
});
