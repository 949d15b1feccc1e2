import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AlertingRule, alertRules, RULES_FILE } from '../../src/generate/alert-rules';
import { longWindow } from '../../src/generate/alerts-operations';
import { type GenerateOptions, withDefaults } from '../../src/generate/options';

function rulesOf(options: GenerateOptions): Map<string, AlertingRule[]> {
  const out = new Map<string, AlertingRule[]>();
  for (const rule of alertRules(options).groups.flatMap((g) => g.rules))
    out.set(rule.alert, [...(out.get(rule.alert) ?? []), rule]);
  return out;
}

const defaults = rulesOf(withDefaults({ service: 'sync-service', namespace: 'sync' }));
const ops = 'sync_operations_total{job="sync-service"';

function only(alert: string, rules = defaults): AlertingRule {
  const found = rules.get(alert);
  assert.equal(found?.length, 1, alert);
  return found![0]!;
}

describe('operation alerts', () => {
  it('group the rules per service: platform, operations and telemetry, in that order', () => {
    const file = alertRules(withDefaults({ service: 'sync-service', namespace: 'sync' }));
    assert.deepEqual(
      file.groups.map((g) => g.name),
      ['otelkit-sync-service-platform', 'otelkit-sync-service-operations', 'otelkit-sync-service-telemetry'],
    );
    assert.deepEqual(
      file.groups[1]!.rules.map((r) => `${r.alert}/${r.labels.severity}`),
      [
        'OperationFailureRatioHigh/warning',
        'OperationFailureRatioHigh/critical',
        'OperationNoRecentSuccess/critical',
        'OperationConsecutiveFailures/warning',
        'OperationLatencyHigh/warning',
        'OperationErrorsRising/warning',
      ],
    );
    assert.equal(RULES_FILE, 'rules/otelkit-alerts.yml');
  });

  it('failure ratio: failures over all operations above the level, with enough traffic', () => {
    const [warning, critical] = defaults.get('OperationFailureRatioHigh')!;
    const rate = (extra: string) => `sum by (job, instance, operation) (rate(${ops}${extra}}[5m]))`;
    assert.equal(
      warning!.expr,
      `(${rate(',status="failure"')} / ${rate('')}) > 0.05\nand ${rate('')} > 0.001`,
    );
    assert.match(critical!.expr, /\) > 0\.25\nand /);
    assert.deepEqual([warning!.for, critical!.for], ['5m', '5m']);
    assert.equal(
      critical!.annotations.summary,
      '{{ $labels.operation }} fails too often on {{ $labels.instance }}',
    );
    assert.equal(
      warning!.annotations.description,
      'More than 5% of sync operation {{ $labels.operation }} failed over the last 5m (job {{ $labels.job }}).',
    );
  });

  it('consecutive failures: at least the threshold in 15m (the boundary fires) with no success', () => {
    const rule = only('OperationConsecutiveFailures');
    assert.equal(
      rule.expr,
      `sum by (job, instance, operation) (increase(${ops},status="failure"}[15m])) >= 3\n` +
        `unless sum by (job, instance, operation) (increase(${ops},status="success"}[15m])) > 0`,
    );
    assert.equal(rule.for, '1m');
    assert.equal(
      rule.annotations.summary,
      '{{ $labels.operation }} failed 3 times in a row on {{ $labels.instance }}',
    );
  });

  it('no recent success and latency: age of the last success, p95 of the duration histogram', () => {
    assert.equal(only('OperationNoRecentSuccess').for, '5m');
    assert.equal(
      only('OperationNoRecentSuccess').annotations.summary,
      'No successful {{ $labels.operation }} for over 1h on {{ $labels.instance }}',
    );
    const latency = only('OperationLatencyHigh');
    assert.equal(
      latency.expr,
      'histogram_quantile(0.95, sum by (job, instance, operation, le) (rate(sync_operation_duration_seconds_bucket{job="sync-service"}[5m]))) > 5',
    );
    assert.equal(latency.for, '10m');
    assert.match(latency.annotations.description!, /over 5m is above 5s \(job/);
  });

  it('errors rising: at least errorsMin in the window and more than twice the long-window rate', () => {
    const rule = only('OperationErrorsRising');
    const errors = 'sync_errors_total{job="sync-service"}';
    const by = 'job, instance, operation, error_type';
    assert.equal(
      rule.expr,
      `sum by (${by}) (increase(${errors}[5m])) >= 5\n` +
        `and sum by (${by}) (rate(${errors}[5m])) > 2 * sum by (${by}) (rate(${errors}[1h]))`,
    );
    assert.equal(rule.for, '5m');
    assert.match(
      rule.annotations.description!,
      /at least 5 errors .* in 5m, more than twice its rate over 1h/,
    );
  });

  it('add the --operation-labels to every by () of the operation alerts', () => {
    const rules = rulesOf(withDefaults({ namespace: 'sync', operationLabels: ['tenant'] }));
    for (const alert of [
      'OperationFailureRatioHigh',
      'OperationConsecutiveFailures',
      'OperationErrorsRising',
    ])
      for (const rule of rules.get(alert)!) assert.match(rule.expr, /by \(job, instance, operation, tenant/);
  });

  it('compare errors with twelve rate windows, at least 1h and four times the for:', () => {
    assert.equal(longWindow('5m', '5m'), '1h');
    assert.equal(longWindow('10m', '5m'), '2h');
    assert.equal(longWindow('1m', '30m'), '2h');
    const rules = rulesOf(withDefaults({ namespace: 'sync', rateWindow: '10m', alertFor: '1h' }));
    assert.match(only('OperationErrorsRising', rules).expr, /\[4h\]\)\)$/);
  });
});
