import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertRules } from '../../src/generate/alert-rules';
import { alertTests } from '../../src/generate/alert-tests';
import { baselineRulesFile } from '../../src/generate/baseline-rules';
import { baselineTests } from '../../src/generate/baseline-tests';
import { operationsDashboard } from '../../src/generate/grafana/operations';
import { operationLabelProblem } from '../../src/generate/operation-labels';
import { withDefaults } from '../../src/generate/options';

const plain = withDefaults({ service: 'list-sync', namespace: 'list_sync' });
const bySource = withDefaults({ service: 'list-sync', namespace: 'list_sync', operationLabels: ['source'] });
const group = (o: typeof plain, name: string) =>
  alertRules(o).groups.find((g) => g.name === `otelkit-list-sync-${name}`)!.rules;

describe('operation labels (--operation-labels)', () => {
  it('leaves the rules grouped by job, instance and operation without them', () => {
    for (const rule of group(plain, 'operations')) {
      assert.match(rule.expr, /by \(job, instance, operation(, error_type|, le)?\)/, rule.alert);
      assert.doesNotMatch(rule.expr, /source/);
    }
  });

  it('adds the labels to the by (…) of every operation alert and no platform alert', () => {
    for (const rule of group(bySource, 'operations')) {
      const clauses = [...rule.expr.matchAll(/by \(([^)]*)\)/g)].map((m) => m[1]);
      assert.ok(clauses.length > 0, rule.alert);
      for (const clause of clauses) assert.match(clause!, /^job, instance, operation, source\b/, rule.alert);
    }
    for (const rule of group(bySource, 'platform')) assert.doesNotMatch(rule.expr, /source/, rule.alert);
  });

  it('keeps baselines and anomaly alerts per job, operation and label', () => {
    const rules = baselineRulesFile(bySource).groups[0]!.rules;
    const clauses = rules.flatMap((r) => [...r.expr.matchAll(/(?:by|on) \(([^)]*)\)/g)].map((m) => m[1]));
    assert.ok(clauses.length >= 5);
    for (const clause of clauses) assert.match(clause!, /^job, operation, source\b/);
  });

  it('splits every per-operation dashboard query and legend by the labels', () => {
    const panels = operationsDashboard(bySource).panels;
    const perOperation = panels.flatMap((p) => p.targets).filter((t) => /by \(operation/.test(t.expr));
    assert.ok(perOperation.length >= 7);
    for (const t of perOperation) {
      for (const m of t.expr.matchAll(/by \(([^)]*)\)/g)) assert.match(m[1]!, /^operation, source\b/);
      assert.match(t.legendFormat, /^\{\{operation\}\} \{\{source\}\}/);
    }
    const plainExprs = operationsDashboard(plain).panels.flatMap((p) => p.targets.map((t) => t.expr));
    assert.ok(plainExprs.some((e) => e.includes('sum by (operation, status)')));
  });

  it('tests each operation alert firing for one label value while its neighbour stays quiet', () => {
    const cases = alertTests(bySource).tests.filter((t) => t.name === 'OperationConsecutiveFailures fires');
    assert.equal(cases.length, 1);
    const series = cases[0]!.input_series.map((s) => s.series);
    assert.ok(series.some((s) => s.includes('source="source-1"')));
    assert.ok(series.some((s) => s.includes('source="source-2"')));
    const [expected] = cases[0]!.alert_rule_test[0]!.exp_alerts;
    assert.equal(expected!.exp_labels.source, 'source-1');
    assert.equal(cases[0]!.alert_rule_test[0]!.exp_alerts.length, 1);
    // the platform alerts' inputs have no operation labels to split
    const target = alertTests(bySource).tests.find((t) => t.name === 'TargetDown fires')!;
    assert.ok(target.input_series.every((s) => !s.series.includes('source=')));
  });

  it('gives the baseline tests the labels in their series and expected alerts', () => {
    const step = baselineTests(bySource).tests.find((t) => /LatencyAnomaly: step/.test(t.name))!;
    assert.ok(step.input_series.every((s) => s.series.includes('source="source-1"')));
    assert.equal(step.alert_rule_test[1]!.exp_alerts[0]!.exp_labels.source, 'source-1');
  });

  it('accepts Prometheus label names and rejects the rest with the reason', () => {
    for (const ok of ['source', 'connector', '_x', 'a1']) assert.equal(operationLabelProblem(ok), undefined);
    assert.match(operationLabelProblem('1source')!, /Prometheus label name/);
    assert.match(operationLabelProblem('so-urce')!, /Prometheus label name/);
    assert.match(operationLabelProblem('__name__')!, /reserved for Prometheus/);
    for (const used of ['job', 'instance', 'operation', 'status', 'le', 'error_type'])
      assert.match(operationLabelProblem(used)!, /already one of the labels/);
  });
});
