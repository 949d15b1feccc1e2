import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withDefaults } from '../../src/generate/options';
import { BURN_RATE_ALERTS, FASTEST_BURN, SLO_RATE_WINDOWS } from '../../src/generate/slo/burn-rates';
import type { SloObjective } from '../../src/generate/slo/objective';
import {
  burnRateRule,
  describeObjective,
  sloRecordingRules,
  sloRules,
  sloRulesFile,
} from '../../src/generate/slo/rules';
import { leMatcher } from '../../src/generate/slo/sli';

const options = withDefaults({ service: 'sync-service', namespace: 'sync' });

function objective(overrides: Partial<SloObjective> = {}): SloObjective {
  return {
    name: 'ops',
    kind: 'availability',
    source: 'operations',
    metric: 'sync_operations_total',
    threshold: undefined,
    targetPercent: 99.9,
    window: '30d',
    operation: undefined,
    route: undefined,
    ...overrides,
  };
}

function burn(alert: string) {
  const found = BURN_RATE_ALERTS.find((b) => b.alert === alert);
  assert.ok(found, alert);
  return found;
}

describe('burn-rate alerts (Google SRE workbook, multiwindow multi-burn-rate)', () => {
  it('page at 14.4x (1h and 5m) and 6x (6h and 30m), ticket at 3x (1d and 2h) and 1x (3d and 6h)', () => {
    assert.deepEqual(
      BURN_RATE_ALERTS.map((b) => [b.alert, b.severity, b.urgency, b.factor, b.long, b.short, b.for]),
      [
        ['SloBurnRatePage1h', 'critical', 'page', 14.4, '1h', '5m', '2m'],
        ['SloBurnRatePage6h', 'critical', 'page', 6, '6h', '30m', '15m'],
        ['SloBurnRateTicket1d', 'warning', 'ticket', 3, '1d', '2h', '1h'],
        ['SloBurnRateTicket3d', 'warning', 'ticket', 1, '3d', '6h', '3h'],
      ],
    );
    assert.equal(FASTEST_BURN, 14.4);
    for (const b of BURN_RATE_ALERTS) {
      assert.ok(SLO_RATE_WINDOWS.includes(b.long), b.long);
      assert.ok(SLO_RATE_WINDOWS.includes(b.short), b.short);
    }
  });

  it('fire only when both windows are above factor x error budget', () => {
    const rule = burnRateRule(options, objective(), burn('SloBurnRatePage1h'));
    assert.equal(rule.alert, 'SloBurnRatePage1h');
    assert.equal(
      rule.expr,
      'slo:error_ratio:rate1h{job="sync-service",slo="ops"} > 0.0144\n' +
        'and slo:error_ratio:rate5m{job="sync-service",slo="ops"} > 0.0144',
    );
    assert.equal(rule.for, '2m');
    assert.deepEqual(rule.labels, { severity: 'critical', slo: 'ops' });
  });

  it('take --alert-for instead of each alert’s default for:', () => {
    const rules = sloRules(withDefaults({ ...options, alertFor: '7m' }), objective()).groups[0]!.rules;
    const alerts = rules.filter((r) => 'alert' in r);
    assert.deepEqual(
      alerts.map((r) => ('for' in r ? r.for : undefined)),
      ['7m', '7m', '7m', '7m'],
    );
  });

  it('explain the burn in the annotations: threshold, budget, how long it lasts and how much is gone', () => {
    const page = burnRateRule(options, objective(), burn('SloBurnRatePage1h')).annotations;
    assert.equal(page.summary, '{{ $labels.slo }} burns its error budget 14.4x too fast ({{ $labels.job }})');
    assert.equal(
      page.description,
      'Objective {{ $labels.slo }} (99.9% of operations without failure over 30d): the error ratio over the ' +
        'last 1h and 5m is above 1.44%, 14.4 times the budget of 0.1%. At this rate the 30d budget lasts ' +
        '2.1 days; 2% of it is gone after 1h.',
    );
    assert.match(page.runbook!, /^Page: /);
    const ticket = burnRateRule(options, objective(), burn('SloBurnRateTicket3d')).annotations;
    assert.match(ticket.description!, /budget lasts 30 days; 10% of it is gone after 3d\.$/);
    assert.match(ticket.runbook!, /^Ticket: /);
    const day = burnRateRule(options, objective({ window: '3d' }), burn('SloBurnRateTicket1d')).annotations;
    assert.match(day.description!, /the 3d budget lasts 1 days?; 100% of it is gone after 1d\.$/);
    const fast = burnRateRule(options, objective({ window: '1d' }), burn('SloBurnRatePage6h')).annotations;
    assert.match(fast.description!, /the 1d budget lasts 4 hours; 150% of it is gone after 6h\.$/);
  });

  it('describe each kind of objective for people', () => {
    assert.equal(
      describeObjective(objective({ source: 'http', metric: 'http_server_request_duration_seconds' })),
      '99.9% of requests without a 5xx over 30d',
    );
    assert.equal(
      describeObjective(objective({ kind: 'latency', threshold: 0.5, targetPercent: 99, window: '28d' })),
      '99% of operations faster than 0.5s over 28d',
    );
    assert.equal(
      describeObjective(objective({ kind: 'latency', source: 'http', threshold: 1, route: '/orders' })),
      '99.9% of requests faster than 1s (/orders) over 30d',
    );
    assert.equal(
      describeObjective(objective({ operation: 'sync_cycle' })),
      '99.9% of operations without failure (sync_cycle) over 30d',
    );
  });
});

describe('SLO recording rules', () => {
  it('record the error ratio over every alert window and the SLO window, the objective and the budget left', () => {
    const rules = sloRecordingRules(options, objective({ window: '28d' }));
    assert.deepEqual(
      rules.map((r) => r.record),
      [
        ...['5m', '30m', '1h', '2h', '6h', '1d', '3d', '28d'].map((w) => `slo:error_ratio:rate${w}`),
        'slo:objective:ratio',
        'slo:error_budget_remaining:ratio',
      ],
    );
    for (const r of rules.slice(0, -2)) assert.deepEqual(r.labels, { slo: 'ops' });
    const [, , , , , , , , target, left] = rules;
    assert.equal(target!.expr, 'vector(0.999)');
    assert.deepEqual(target!.labels, { job: 'sync-service', slo: 'ops' });
    assert.equal(left!.expr, '1 - slo:error_ratio:rate28d{job="sync-service",slo="ops"} / 0.001');
    assert.deepEqual(left!.labels, { slo: 'ops' });
  });

  it('count failed operations over all operations (0 while none failed, nothing without traffic)', () => {
    const [rate5m] = sloRecordingRules(options, objective({ operation: 'sync_cycle' }));
    const all = 'sync_operations_total{job="sync-service",operation="sync_cycle"}';
    const bad = 'sync_operations_total{job="sync-service",operation="sync_cycle",status="failure"}';
    assert.equal(
      rate5m!.expr,
      `(sum by (job) (rate(${bad}[5m])) or 0 * sum by (job) (rate(${all}[5m])))\n` +
        `/ (sum by (job) (rate(${all}[5m])) > 0)`,
    );
  });

  it('count 5xx responses over all requests of a route', () => {
    const http = objective({ source: 'http', metric: 'http_server_request_duration_seconds', route: '/a"b' });
    const [rate5m] = sloRecordingRules(options, http);
    const all = 'http_server_request_duration_seconds_count{job="sync-service",http_route="/a\\"b"}';
    const bad =
      'http_server_request_duration_seconds_count{job="sync-service",http_route="/a\\"b",http_response_status_code=~"5.."}';
    assert.equal(
      rate5m!.expr,
      `(sum by (job) (rate(${bad}[5m])) or 0 * sum by (job) (rate(${all}[5m])))\n` +
        `/ (sum by (job) (rate(${all}[5m])) > 0)`,
    );
  });

  it('count requests slower than the threshold as 1 - the share in the threshold’s bucket', () => {
    const latency = objective({
      kind: 'latency',
      metric: 'sync_operation_duration_seconds',
      threshold: 2.5,
      operation: 'o',
    });
    const [rate5m] = sloRecordingRules(options, latency);
    const all = 'sync_operation_duration_seconds_count{job="sync-service",operation="o"}';
    const good = 'sync_operation_duration_seconds_bucket{job="sync-service",operation="o",le="2.5"}';
    assert.equal(
      rate5m!.expr,
      `1 - (sum by (job) (rate(${good}[5m])) or 0 * sum by (job) (rate(${all}[5m])))\n` +
        `/ (sum by (job) (rate(${all}[5m])) > 0)`,
    );
  });

  it('match a whole-number bucket boundary as Prometheus 2 (1) and 3 (1.0) store it', () => {
    assert.equal(leMatcher(1), 'le=~"1|1\\\\.0"');
    assert.equal(leMatcher(0.25), 'le="0.25"');
  });

  it('put the recording rules first, then the four burn-rate alerts, in one group named after the objective', () => {
    const file = sloRules(options, objective());
    assert.equal(sloRulesFile(objective()), 'rules/otelkit-slo-ops.yml');
    assert.equal(file.groups.length, 1);
    assert.equal(file.groups[0]!.name, 'otelkit-sync-service-slo-ops');
    assert.deepEqual(file.groups[0]!.rules.map((r) => ('record' in r ? r.record : r.alert)).slice(-5), [
      'slo:error_budget_remaining:ratio',
      'SloBurnRatePage1h',
      'SloBurnRatePage6h',
      'SloBurnRateTicket1d',
      'SloBurnRateTicket3d',
    ]);
  });
});
