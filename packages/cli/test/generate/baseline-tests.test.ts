import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDuration } from '../../src/duration';
import { counterValues, histogram } from '../../src/generate/baseline-series';
import { baselineTests } from '../../src/generate/baseline-tests';
import { baselineTimeline, driftCasesIncluded, driftZScore } from '../../src/generate/baseline-timeline';
import { type GenerateOptions, withDefaults } from '../../src/generate/options';

/** promtool's expanding notation, expanded: `0 5+5x2 12` -> [0, 5, 10, 15, 12]. */
function expand(values: string): number[] {
  return values.split(' ').flatMap((part) => {
    const m = /^([\d.]+)\+([\d.]+)x(\d+)$/.exec(part);
    if (!m) return [Number(part)];
    return Array.from({ length: Number(m[3]) + 1 }, (_, i) => Number(m[1]) + i * Number(m[2]));
  });
}

const options = withDefaults({ service: 'sync-service', namespace: 'sync' });
const short = withDefaults({ namespace: 'sync', anomaly: { window: '2h', offset: '20m' } });

describe('counterValues', () => {
  it('writes runs of equal increases in expanding notation that expand to the running total', () => {
    const values = counterValues((t) => (t <= 45 ? 2 : 0.5), 90);
    assert.equal(values, '0 2+2x2 6.5+0.5x2');
    assert.deepEqual(expand(values), [0, 2, 4, 6, 6.5, 7, 7.5]);
  });

  it('writes a run of one as a plain number', () => {
    assert.deepEqual(expand(counterValues((t) => (t === 30 ? 4 : 1), 60)), [0, 1, 5, 6, 7]);
    assert.equal(
      counterValues((t) => (t === 30 ? 4 : 1), 60),
      '0 1 5 6+1x1',
    );
  });
});

describe('histogram', () => {
  it('buckets counts so that histogram_quantile(0.95) lands on the requested p95', () => {
    const [lo, hi, inf] = histogram('h', 'a="b"', { lo: 0.5, hi: 2 }, () => 1.2, 1, 60).map((s) =>
      expand(s.values),
    );
    const below = lo!.at(-1)!;
    const total = inf!.at(-1)!;
    assert.equal(hi!.at(-1), total);
    // Prometheus' linear interpolation inside (lo, hi].
    const p95 = 0.5 + ((2 - 0.5) * (0.95 * total - below)) / (total - below);
    assert.ok(Math.abs(p95 - 1.2) < 1e-9, String(p95));
  });
});

describe('baselineTimeline', () => {
  const cases: [string, GenerateOptions][] = [
    ['defaults', options],
    ['2h window, 20m offset', short],
    [
      'rate window 1m, for 0s',
      withDefaults({ rateWindow: '1m', alertFor: '0s', anomaly: { window: '10m', offset: '2m' } }),
    ],
    ['rate window 10m, for 30m', withDefaults({ rateWindow: '10m', anomaly: { for: '30m', offset: '50m' } })],
    ['rate window 1m, for 30m', withDefaults({ rateWindow: '1m', alertFor: '30m' })],
  ];
  for (const [name, o] of cases) {
    it(`changes the step series after a full baseline and fires before the change is in it [${name}]`, () => {
      const t = baselineTimeline(o);
      const rate = parseDuration('r', o.rateWindow);
      const offset = parseDuration('o', o.anomaly.offset);
      const hold = parseDuration('f', o.anomaly.for ?? o.alertFor ?? '10m');
      assert.ok(t.evaluation <= Math.max(15, parseDuration('w', o.anomaly.window) / 120));
      assert.ok(t.change >= t.ready + t.evaluation, 'the baseline is full before the change');
      assert.ok(t.change > t.end - offset, 'the change is not in the baseline at the end');
      assert.ok(t.end - t.change >= rate + Math.ceil(hold / t.evaluation) * t.evaluation, 'shown and held');
      assert.ok(t.ready <= t.middle && t.middle <= t.end);
      for (const v of [t.ready, t.middle, t.end]) assert.equal(v % t.evaluation, 0);
    });
  }

  it('evaluates the short test configuration once a minute and a day-long baseline every 10m', () => {
    assert.equal(baselineTimeline(short).evaluation, 60);
    assert.equal(baselineTimeline(options).evaluation, 600);
  });
});

describe('baselineTests', () => {
  it('has a steady, step, drift and quiet case for each anomaly alert', () => {
    const file = baselineTests(short);
    assert.deepEqual(file.rule_files, ['otelkit-baselines.yml']);
    assert.equal(file.evaluation_interval, '60s');
    assert.equal(file.tests.length, 12);
    for (const alert of [
      'OperationLatencyAnomaly',
      'OperationFailureRatioAnomaly',
      'OperationThroughputAnomaly',
    ]) {
      const names = file.tests.filter((t) => t.name.startsWith(`${alert}: `)).map((t) => t.name);
      assert.equal(names.length, 4, alert);
      for (const word of ['steady', 'step change fires', 'drift', 'quiet']) {
        assert.ok(
          names.some((n) => n.includes(word)),
          `${alert} ${word}`,
        );
      }
    }
  });

  it('expects the step case to fire with the labels and annotations people receive', () => {
    const step = baselineTests(short).tests.find(
      (t) => t.name === 'OperationFailureRatioAnomaly: step change fires',
    )!;
    const [before, end] = step.alert_rule_test;
    assert.deepEqual(before!.exp_alerts, []);
    assert.deepEqual(end!.exp_alerts[0]!.exp_labels, {
      job: 'app',
      operation: 'sync_cycle',
      severity: 'warning',
    });
    assert.match(
      end!.exp_alerts[0]!.exp_annotations.summary!,
      /^sync_cycle failure ratio far above its baseline \(app\)$/,
    );
    assert.ok(step.input_series.some((s) => s.series.includes('status="failure"')));
  });

  it('feeds the quiet case less than the minimum rate and the others more', () => {
    const o = withDefaults({ anomaly: { window: '2h', offset: '20m', minRate: 2 } });
    const rateOf = (name: string) => {
      const series = baselineTests(o)
        .tests.find((t) => t.name.startsWith(name))!
        .input_series.filter((s) => s.series.startsWith('app_operations_total'));
      const end = baselineTimeline(o).end;
      return series.reduce((sum, s) => sum + expand(s.values).at(-1)!, 0) / end;
    };
    assert.ok(rateOf('OperationLatencyAnomaly: quiet') < 2);
    assert.ok(rateOf('OperationLatencyAnomaly: step') > 2);
  });

  it('leaves out the drift cases when a linear drift would reach the threshold', () => {
    assert.ok(driftZScore(options) < 2);
    assert.ok(driftCasesIncluded(options));
    const low = withDefaults({ anomaly: { z: 2 } });
    assert.ok(!driftCasesIncluded(low));
    assert.equal(baselineTests(low).tests.filter((t) => t.name.includes('drift')).length, 0);
    assert.equal(baselineTests(low).tests.length, 9);
  });
});
