import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertingRule } from '../../src/generate/alert-rules';
import {
  BASELINE_RULES_FILE,
  baselineRulesFile,
  type RecordingRule,
} from '../../src/generate/baseline-rules';
import { withDefaults } from '../../src/generate/options';
import { prometheusConfig } from '../../src/generate/prometheus-config';

const options = withDefaults({ service: 'sync-service', namespace: 'sync' });

function rulesOf(o = options): (RecordingRule | AlertingRule)[] {
  const file = baselineRulesFile(o);
  assert.equal(file.groups.length, 1);
  return [...file.groups[0]!.rules];
}

function record(name: string, o = options): string {
  const rule = rulesOf(o).find((r) => 'record' in r && r.record === name);
  assert.ok(rule, `recording rule ${name}`);
  return rule.expr;
}

function alert(name: string, o = options): AlertingRule {
  const rule = rulesOf(o).find((r): r is AlertingRule => 'alert' in r && r.alert === name);
  assert.ok(rule, `alert ${name}`);
  return rule;
}

describe('baselineRulesFile', () => {
  it('records p95 duration, failure ratio and throughput per job and operation over the rate window', () => {
    assert.equal(
      record('sync:operation_duration_seconds:p95_rate5m'),
      'histogram_quantile(0.95, sum by (job, operation, le) (rate(sync_operation_duration_seconds_bucket{job="sync-service"}[5m]))) >= 0',
    );
    assert.equal(
      record('sync:operation_throughput:rate5m'),
      'sum by (job, operation) (rate(sync_operations_total{job="sync-service"}[5m]))',
    );
    assert.equal(
      record('sync:operation_failure_ratio:rate5m'),
      '(sum by (job, operation) (rate(sync_operations_total{job="sync-service",status="failure"}[5m])) or 0 * sync:operation_throughput:rate5m)\n/ (sync:operation_throughput:rate5m > 0)',
    );
  });

  it('keeps a mean and stddev over one day ending one hour ago, and a floored z-score, by default', () => {
    const p95 = 'sync:operation_duration_seconds:p95_rate5m';
    assert.equal(record(`${p95}_baseline_mean`), `avg_over_time(${p95}[1d] offset 1h)`);
    assert.equal(record(`${p95}_baseline_stddev`), `stddev_over_time(${p95}[1d] offset 1h)`);
    assert.equal(
      record(`${p95}_zscore`),
      `(${p95} - ${p95}_baseline_mean)\n/ clamp_min((${p95}_baseline_stddev >= 0.1 * ${p95}_baseline_mean) or 0.1 * ${p95}_baseline_mean, 0.001)`,
    );
    const ratio = 'sync:operation_failure_ratio:rate5m';
    assert.match(
      record(`${ratio}_zscore`),
      /\/ clamp_min\(sync:operation_failure_ratio:rate5m_baseline_stddev, 0\.01\)$/,
    );
  });

  it('records every series before the rules that read it', () => {
    const rules = rulesOf();
    const recorded = rules.flatMap((r) => ('record' in r ? [r.record] : []));
    rules.forEach((rule, i) => {
      for (const name of recorded) {
        if (new RegExp(`${name}(?![_a-z0-9])`).test(rule.expr)) {
          assert.ok(
            recorded.indexOf(name) < i,
            `${'record' in rule ? rule.record : rule.alert} reads ${name}`,
          );
        }
      }
    });
  });

  it('alerts above z for anomaly-for with a minimum-traffic guard, as warnings with annotations', () => {
    const latency = alert('OperationLatencyAnomaly');
    assert.equal(
      latency.expr,
      'sync:operation_duration_seconds:p95_rate5m_zscore > 3\nand on (job, operation) sync:operation_throughput:rate5m > 0.1',
    );
    assert.equal(latency.for, '10m');
    assert.deepEqual(latency.labels, { severity: 'warning' });
    assert.match(
      latency.annotations.description!,
      /more than 3 standard deviations above its mean over 1d ending 1h ago/,
    );
    assert.ok(latency.annotations.summary && latency.annotations.runbook);
    assert.match(
      alert('OperationFailureRatioAnomaly').expr,
      /^sync:operation_failure_ratio:rate5m_zscore > 3\nand on/,
    );
    assert.equal(
      alert('OperationThroughputAnomaly').expr,
      'sync:operation_throughput:rate5m_zscore < -3\nand on (job, operation) sync:operation_throughput:rate5m_baseline_mean > 0.1',
    );
  });

  it('takes the window, offset, z, for, minimum rate, floors and rate window from the options', () => {
    const custom = withDefaults({
      namespace: 'shop',
      rateWindow: '2m',
      alertFor: '0s',
      anomaly: { window: '7d', offset: '2h', z: 4, minRate: 5, floor: 0.05, failureFloor: 0.02 },
    });
    assert.equal(
      record('shop:operation_throughput:rate2m_baseline_stddev', custom),
      'stddev_over_time(shop:operation_throughput:rate2m[7d] offset 2h)',
    );
    const latency = alert('OperationLatencyAnomaly', custom);
    assert.match(latency.expr, / > 4\nand on \(job, operation\) shop:operation_throughput:rate2m > 5$/);
    assert.equal(latency.for, '0s', '--alert-for applies when --anomaly-for is not given');
    assert.equal(
      alert('OperationLatencyAnomaly', withDefaults({ alertFor: '0s', anomaly: { for: '3m' } })).for,
      '3m',
    );
    assert.match(record('shop:operation_throughput:rate2m_zscore', custom), /0\.05 \* shop/);
    assert.match(record('shop:operation_failure_ratio:rate2m_zscore', custom), /, 0\.02\)$/);
  });
});

describe('prometheusConfig', () => {
  it('loads the baselines rules file after the alert rules', () => {
    assert.deepEqual(prometheusConfig(options).rule_files, ['rules/otelkit-alerts.yml', BASELINE_RULES_FILE]);
  });
});
