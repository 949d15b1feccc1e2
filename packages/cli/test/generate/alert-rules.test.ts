import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertRules } from '../../src/generate/alert-rules';
import { alertTests } from '../../src/generate/alert-tests';
import { alertmanagerConfig } from '../../src/generate/alertmanager-config';
import { withDefaults } from '../../src/generate/options';

const options = withDefaults({ service: 'sync-service', namespace: 'sync' });
const rules = alertRules(options).groups.flatMap((g) => g.rules);

describe('alertRules', () => {
  it('covers the whole catalogue of the issue', () => {
    const names = new Set(rules.map((r) => r.alert));
    for (const name of [
      'TargetDown',
      'OperationFailureRatioHigh',
      'OperationNoRecentSuccess',
      'OperationConsecutiveFailures',
      'OperationLatencyHigh',
      'OperationErrorsRising',
      'CircuitBreakerOpen',
      'HealthCheckFailing',
      'HealthCheckDegraded',
      'EventLoopDelayHigh',
      'HeapNearLimit',
      'TelemetryExportFailing',
      'MetricCardinalityOverflow',
    ]) {
      assert.ok(names.has(name), name);
    }
  });

  it('gives every rule a severity, summary, description, runbook and for:, and selects the job', () => {
    for (const rule of rules) {
      assert.match(rule.labels.severity!, /^(warning|critical)$/);
      for (const key of ['summary', 'description', 'runbook'])
        assert.ok(rule.annotations[key], `${rule.alert} ${key}`);
      assert.doesNotMatch(rule.annotations.description!, /\{\{ threshold \}\}/);
      assert.match(rule.for, /^\d+[smh]$/);
      assert.match(rule.expr, /job="sync-service"/);
    }
  });

  it('uses the failure ratio with a minimum-traffic guard and the last-success age', () => {
    const ratio = rules.filter((r) => r.alert === 'OperationFailureRatioHigh');
    assert.deepEqual(
      ratio.map((r) => r.labels.severity),
      ['warning', 'critical'],
    );
    assert.match(
      ratio[0]!.expr,
      /rate\(sync_operations_total\{job="sync-service",status="failure"\}\[5m\]\)/,
    );
    assert.match(ratio[0]!.expr, /\) > 0\.05\nand .* > 0\.001$/);
    assert.match(ratio[1]!.annotations.description!, /More than 25% of sync operation/);
    const age = rules.find((r) => r.alert === 'OperationNoRecentSuccess')!;
    assert.match(
      age.expr,
      /^time\(\) - max by \(job, instance, operation\) \(sync_last_success_timestamp_seconds\{job="sync-service"\}\) > 3600$/,
    );
  });

  it('takes thresholds, the rate window and --alert-for from the options', () => {
    const custom = withDefaults({
      namespace: 'sync',
      rateWindow: '10m',
      alertFor: '0s',
      thresholds: { p95Seconds: 1.5, heapCritical: 0.9 },
    });
    const r = alertRules(custom).groups.flatMap((g) => g.rules);
    assert.ok(r.every((rule) => rule.for === '0s'));
    assert.match(r.find((x) => x.alert === 'OperationLatencyHigh')!.expr, /\[10m\]\)\)\) > 1\.5$/);
    assert.match(
      r.find((x) => x.alert === 'HeapNearLimit' && x.labels.severity === 'critical')!.expr,
      / > 0\.9$/,
    );
  });
});

describe('alertTests', () => {
  it('has a firing and a silent case for every alert, with the labels the rule produces', () => {
    const file = alertTests(options);
    const alerts = new Set(rules.map((r) => r.alert));
    assert.equal(file.tests.length, alerts.size * 2);
    for (const test of file.tests) {
      const [check] = test.alert_rule_test;
      if (test.name.endsWith('stays silent')) assert.deepEqual(check!.exp_alerts, []);
      else assert.ok(check!.exp_alerts.length > 0);
    }
    const ratio = file.tests.find((t) => t.name === 'OperationFailureRatioHigh fires')!;
    assert.deepEqual(
      ratio.alert_rule_test[0]!.exp_alerts.map((a) => a.exp_labels.severity),
      ['warning', 'critical'],
    );
    assert.equal(
      ratio.alert_rule_test[0]!.exp_alerts[0]!.exp_annotations.summary,
      'sync_cycle fails too often on localhost:9464',
    );
  });
});

describe('alertmanagerConfig', () => {
  it('inhibits a warning when the critical alert of the same name and instance fires', () => {
    const am = alertmanagerConfig(options) as {
      inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal: string[] }[];
    };
    assert.deepEqual(am.inhibit_rules[0], {
      source_matchers: ['severity="critical"'],
      target_matchers: ['severity="warning"'],
      equal: ['alertname', 'job', 'instance', 'operation'],
    });
  });

  it('reads the Slack URL from a file unless one is given', () => {
    const slackOf = (o: typeof options) =>
      (
        alertmanagerConfig(o) as { receivers: { name: string; slack_configs?: Record<string, unknown>[] }[] }
      ).receivers.find((r) => r.name === 'critical')!.slack_configs![0]!;
    assert.equal(slackOf(options).api_url_file, '/etc/alertmanager/secrets/slack-webhook-url');
    const given = slackOf(withDefaults({ receivers: { slackWebhookUrl: 'https://hooks.example/x' } }));
    assert.equal(given.api_url, 'https://hooks.example/x');
    assert.equal(given.api_url_file, undefined);
  });
});
