import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertmanagerConfig } from '../../src/generate/alertmanager-config';
import { type SeverityLevel, withDefaults } from '../../src/generate/options';

interface Config {
  route: { routes: { receiver: string; matchers: string[]; repeat_interval: string }[] };
  inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal: string[] }[];
  receivers: {
    name: string;
    email_configs?: unknown[];
    slack_configs?: unknown[];
    webhook_configs: unknown[];
  }[];
}

const config = (severities: SeverityLevel[], operationLabels: string[] = []) =>
  alertmanagerConfig(withDefaults({ severities, operationLabels })) as unknown as Config;

describe('alertmanagerConfig severities', () => {
  it('routes warning and critical by default, critical silencing warning', () => {
    const c = config(['warning', 'critical']);
    assert.deepEqual(
      c.route.routes.map((r) => [r.receiver, r.matchers]),
      [
        ['critical', ['severity="critical"']],
        ['warning', ['severity="warning"']],
      ],
    );
    assert.deepEqual(c.inhibit_rules[0], {
      source_matchers: ['severity="critical"'],
      target_matchers: ['severity="warning"'],
      equal: ['alertname', 'job', 'instance', 'operation'],
    });
    assert.deepEqual(
      c.receivers.map((r) => r.name),
      ['default', 'critical', 'warning'],
    );
  });

  it('gives every level a route and receiver, escalating channels and repeats with the level', () => {
    const c = config(['info', 'warning', 'critical', 'emergency']);
    assert.deepEqual(
      c.route.routes.map((r) => [r.receiver, r.repeat_interval]),
      [
        ['emergency', '15m'],
        ['critical', '1h'],
        ['warning', '4h'],
        ['info', '24h'],
      ],
    );
    const receiver = (name: string) => c.receivers.find((r) => r.name === name)!;
    assert.ok(receiver('emergency').email_configs && receiver('emergency').slack_configs);
    assert.ok(receiver('critical').email_configs);
    assert.equal(receiver('warning').email_configs, undefined);
    assert.equal(receiver('info').slack_configs, undefined);
    assert.equal(receiver('info').webhook_configs.length, 1);
  });

  it('lets each level inhibit every lower one of the same alert, instance, operation and operation labels', () => {
    const c = config(['info', 'warning', 'critical', 'emergency'], ['source']);
    const bySource = c.inhibit_rules.filter((r) => r.equal.includes('source'));
    assert.deepEqual(
      bySource.map((r) => [r.source_matchers[0], r.target_matchers[0]]),
      [
        ['severity="emergency"', 'severity=~"info|warning|critical"'],
        ['severity="critical"', 'severity=~"info|warning"'],
        ['severity="warning"', 'severity="info"'],
      ],
    );
    assert.deepEqual(bySource[0]!.equal, ['alertname', 'job', 'instance', 'operation', 'source']);
    assert.deepEqual(c.inhibit_rules.at(-1)!.source_matchers, ['alertname="TargetDown"']);
  });
});
