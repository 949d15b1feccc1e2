// Alert thresholds at their boundary, checked by the real promtool against the generated rules: the
// generated unit tests fire far past a threshold, so these pin down which side of it an alert is on.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { CLI_BIN, generateConfig, PROMTOOL, run } from './tools';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface PromtoolTest {
  name: string;
  alert_rule_test: { exp_alerts: unknown[] }[];
}

describe('OperationConsecutiveFailures at its threshold (real promtool)', () => {
  before(() => {
    assert.ok(existsSync(PROMTOOL) && existsSync(CLI_BIN), 'promtool and the built CLI must be present');
  });

  it('fires after exactly --consecutive-failures failures in a row and stays silent one short of it', () => {
    const threshold = 4;
    const generated = generateConfig('boundary', ['--consecutive-failures', String(threshold)]);
    dirs.push(generated.dir);
    assert.equal(generated.code, 0, generated.stderr);
    const rulesDir = join(generated.dir, 'rules');
    const catalogue = parse(readFileSync(join(rulesDir, 'otelkit-alerts.test.yml'), 'utf8')) as {
      tests: PromtoolTest[];
    };
    const fires = catalogue.tests.find((t) => t.name === 'OperationConsecutiveFailures fires')!;
    const expected = fires.alert_rule_test[0]!.exp_alerts;
    assert.equal(expected.length, 1);

    const labels = 'job="sync-service",instance="localhost:9464",operation="sync_cycle"';
    // One sample a minute: 0 for 10 minutes, then `failures` failures and no success. increase()
    // over 15m at 15m is exactly `failures` (the window starts on a 0 sample and ends on the last).
    const scenario = (failures: number, alerts: unknown[]) => ({
      name: `${failures} failures in a row`,
      interval: '1m',
      input_series: [
        { series: `sync_operations_total{${labels},status="failure"}`, values: `0x10 ${failures}x5` },
        { series: `sync_operations_total{${labels},status="success"}`, values: '0x15' },
      ],
      alert_rule_test: [{ eval_time: '15m', alertname: 'OperationConsecutiveFailures', exp_alerts: alerts }],
    });
    const file = {
      rule_files: ['otelkit-alerts.yml'],
      evaluation_interval: '1m',
      tests: [scenario(threshold, expected), scenario(threshold - 1, [])],
    };
    writeFileSync(join(rulesDir, 'boundary.test.yml'), stringify(file, { lineWidth: 0 }));
    const result = run(PROMTOOL, ['test', 'rules', 'boundary.test.yml'], rulesDir);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });
});
