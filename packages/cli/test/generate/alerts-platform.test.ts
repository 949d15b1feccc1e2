import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AlertingRule, alertRules } from '../../src/generate/alert-rules';
import { withDefaults } from '../../src/generate/options';

const file = alertRules(withDefaults({ service: 'sync-service', namespace: 'sync' }));
const group = (name: string): readonly AlertingRule[] =>
  file.groups.find((g) => g.name === `otelkit-sync-service-${name}`)!.rules;
const job = 'job="sync-service"';

describe('platform and telemetry alerts', () => {
  it('fire on these expressions, for these durations, at these severities', () => {
    const line = (r: AlertingRule) => `${r.alert} ${r.labels.severity} for ${r.for}: ${r.expr}`;
    const heap = `sum by (job, instance) (v8js_memory_heap_used_bytes{${job}})\n/ max by (job, instance) (nodejs_memory_heap_limit_bytes{${job}})`;
    const loop = `max by (job, instance) (nodejs_eventloop_delay_p99_seconds{${job}})`;
    const health = `min by (job, instance) (otelkit_health_status{${job},check="overall"})`;
    assert.deepEqual(group('platform').map(line), [
      `TargetDown critical for 2m: up{${job}} == 0`,
      `CircuitBreakerOpen warning for 1m: max by (job, instance, name) (otelkit_circuit_breaker_state{${job},state="open"}) == 1`,
      `HealthCheckFailing critical for 2m: ${health} == 0`,
      `HealthCheckDegraded warning for 10m: ${health} == 0.5`,
      `EventLoopDelayHigh warning for 5m: ${loop} > 0.2`,
      `EventLoopDelayHigh critical for 5m: ${loop} > 1`,
      `HeapNearLimit warning for 5m: ${heap} > 0.85`,
      `HeapNearLimit critical for 5m: ${heap} > 0.95`,
    ]);
    const exports = (outcome: string) =>
      `sum by (job, instance, signal, exporter) (increase(otelkit_exporter_exports_total{${job},outcome="${outcome}"}[5m])) > 0`;
    assert.deepEqual(group('telemetry').map(line), [
      `TelemetryExportFailing warning for 10m: ${exports('failure')}\nunless ${exports('success')}`,
      `TelemetryDropped warning for 5m: sum by (job, instance, signal, exporter) (increase(otelkit_exporter_dropped_total{${job}}[5m])) > 0`,
      `MetricCardinalityOverflow warning for 1m: sum by (job, instance, instrument) (increase(otelkit_metric_overflow_measurements_total{${job}}[5m])) > 0`,
    ]);
  });

  it('say what fired, with the threshold shown in its unit', () => {
    assert.deepEqual(
      [...group('platform'), ...group('telemetry')].map((r) => r.annotations.summary),
      [
        '{{ $labels.instance }} of {{ $labels.job }} cannot be scraped',
        'Circuit breaker {{ $labels.name }} is open on {{ $labels.instance }}',
        '{{ $labels.instance }} reports itself unhealthy',
        '{{ $labels.instance }} reports itself degraded',
        'Event loop delay p99 above 200ms on {{ $labels.instance }}',
        'Event loop delay p99 above 1s on {{ $labels.instance }}',
        'Heap above 85% of its limit on {{ $labels.instance }}',
        'Heap above 95% of its limit on {{ $labels.instance }}',
        '{{ $labels.signal }} export via {{ $labels.exporter }} failing on {{ $labels.instance }}',
        '{{ $labels.signal }} data dropped by {{ $labels.exporter }} on {{ $labels.instance }}',
        'Instrument {{ $labels.instrument }} exceeds its cardinality limit on {{ $labels.instance }}',
      ],
    );
  });

  it('explain each alert and what to do, naming the job, the threshold and the rate window', () => {
    const rules = [...group('platform'), ...group('telemetry')];
    for (const rule of rules) {
      const { description, runbook } = rule.annotations;
      assert.match(description ?? '', /\{\{ \$labels\.job \}\}/, rule.alert);
      assert.ok((runbook ?? '').length > 40, rule.alert);
    }
    assert.equal(new Set(rules.map((r) => r.annotations.runbook)).size, 9, 'one runbook per alert');
    const described = (alert: string) =>
      rules.filter((r) => r.alert === alert).map((r) => r.annotations.description);
    assert.match(described('EventLoopDelayHigh')[0]!, /p99 delay above 200ms\./);
    assert.match(described('HeapNearLimit')[1]!, /above 95% of heap_size_limit/);
    assert.match(described('TelemetryExportFailing')[0]!, /failed over the last 5m \(job/);
    assert.match(described('TelemetryDropped')[0]!, /in the last 5m \(job/);
    const slow = alertRules(withDefaults({ service: 'sync-service', namespace: 'sync', rateWindow: '10m' }));
    const dropped = slow.groups.flatMap((g) => g.rules).find((r) => r.alert === 'TelemetryDropped')!;
    assert.match(dropped.expr, /\[10m\]\)\) > 0$/);
    assert.match(dropped.annotations.description ?? '', /in the last 10m \(job/);
  });
});
