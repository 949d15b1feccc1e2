import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { AMTOOL, generateConfig, haveTools, PROMTOOL, run } from './tools';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function generate(extra: readonly string[] = []): string {
  const r = generateConfig('gen', extra);
  dirs.push(r.dir);
  assert.equal(r.code, 0, r.stderr);
  return r.dir;
}

const VARIANTS: readonly (readonly string[])[] = [
  [],
  [
    '--alert-for',
    '0s',
    '--scrape-interval',
    '1s',
    '--evaluation-interval',
    '1s',
    '--operation-labels',
    'source,connector',
    '--severities',
    'info,warning,critical,emergency',
  ],
  ['--rate-window', '1m', '--max-success-age', '10m', '--alert-for', '30m', '--target', 'app:9464'],
  [
    '--rate-window',
    '10m',
    '--p95-seconds',
    '0.25',
    '--errors-min',
    '100',
    '--consecutive-failures',
    '50',
    '--failure-ratio-critical',
    '0.9',
    '--min-rate',
    '20',
    '--heap-warning',
    '0.5',
    '--event-loop-critical',
    '3',
  ],
];

describe('generate-config output checked by the real Prometheus tools', () => {
  before(() => {
    // Never skipped: .ci/run installs Debian's prometheus and prometheus-alertmanager, and npm test builds first.
    assert.ok(
      haveTools(),
      'promtool, amtool, prometheus and the built CLI must be present (apt-get install prometheus prometheus-alertmanager; npm run build)',
    );
  });
  for (const variant of VARIANTS) {
    it(`passes promtool check config/rules, promtool test rules and amtool check-config [${variant.join(' ') || 'defaults'}]`, () => {
      const dir = generate(variant);
      const config = run(PROMTOOL, ['check', 'config', 'prometheus.yml'], dir);
      assert.equal(config.code, 0, config.stdout + config.stderr);
      assert.match(config.stdout, /2 rule files found/);
      const rules = run(PROMTOOL, ['check', 'rules', 'rules/otelkit-alerts.yml'], dir);
      assert.equal(rules.code, 0, rules.stdout + rules.stderr);
      const tests = run(PROMTOOL, ['test', 'rules', 'rules/otelkit-alerts.test.yml'], dir);
      assert.equal(tests.code, 0, tests.stdout + tests.stderr);
      const am = run(AMTOOL, ['check-config', 'alertmanager.yml'], dir);
      assert.equal(am.code, 0, am.stdout + am.stderr);
    });
  }

  it('has unit tests that fail when a rule no longer fires (the tests can fail)', () => {
    const dir = generate();
    const path = join(dir, 'rules/otelkit-alerts.yml');
    const text = readFileSync(path, 'utf8');
    const broken = text.replace(/== 0\.5$/m, '== 0.75').replace(/ > 3600$/m, ' > 999999');
    assert.notEqual(broken, text);
    writeFileSync(path, broken);
    const tests = run(PROMTOOL, ['test', 'rules', 'rules/otelkit-alerts.test.yml'], dir);
    assert.equal(tests.code, 1);
    assert.match(tests.stdout + tests.stderr, /HealthCheckDegraded fires/);
    assert.match(tests.stdout + tests.stderr, /OperationNoRecentSuccess fires/);
  });

  it('has unit tests that fail when an operation rule sums its --operation-labels away', () => {
    const dir = generate(['--operation-labels', 'source', '--alert-for', '0s']);
    const path = join(dir, 'rules/otelkit-alerts.yml');
    const text = readFileSync(path, 'utf8');
    const broken = text.replaceAll('operation, source', 'operation');
    assert.notEqual(broken, text);
    writeFileSync(path, broken);
    const tests = run(PROMTOOL, ['test', 'rules', 'rules/otelkit-alerts.test.yml'], dir);
    assert.equal(tests.code, 1);
    for (const alert of [
      'OperationFailureRatioHigh',
      'OperationNoRecentSuccess',
      'OperationConsecutiveFailures',
      'OperationLatencyHigh',
      'OperationErrorsRising',
    ])
      assert.match(tests.stdout + tests.stderr, new RegExp(`${alert} fires`));
    assert.doesNotMatch(tests.stdout + tests.stderr, /TargetDown|HeapNearLimit/);
  });

  it('routes every --severities level to its own receiver, the rest to default', () => {
    const dir = generate(['--severities', 'info,warning,critical,emergency']);
    for (const [labels, receiver] of [
      [['severity=emergency', 'alertname=DataSyncHalted'], 'emergency'],
      [['severity=critical', 'alertname=TargetDown'], 'critical'],
      [['severity=warning', 'alertname=HeapNearLimit'], 'warning'],
      [['severity=info', 'alertname=Deployed'], 'info'],
      [['severity=debug', 'alertname=Other'], 'default'],
    ] as const) {
      const r = run(AMTOOL, ['config', 'routes', 'test', '--config.file=alertmanager.yml', ...labels], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim(), receiver);
    }
  });

  it('routes alerts by severity to the critical, warning and default receivers', () => {
    const dir = generate();
    for (const [labels, receiver] of [
      [['severity=critical', 'alertname=TargetDown'], 'critical'],
      [['severity=warning', 'alertname=HeapNearLimit'], 'warning'],
      [['alertname=Other'], 'default'],
    ] as const) {
      const r = run(AMTOOL, ['config', 'routes', 'test', '--config.file=alertmanager.yml', ...labels], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim(), receiver);
    }
  });

  it('writes a docker-compose.yml whose mounted files all exist in the output', () => {
    const dir = generate(['--target', 'app:9464', '--alertmanager', 'alertmanager:9093']);
    const compose = parse(readFileSync(join(dir, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { image: string; volumes?: string[]; ports?: string[] }>;
    };
    assert.deepEqual(Object.keys(compose.services).sort(), [
      'alertmanager',
      'app',
      'grafana',
      'jaeger',
      'otel-collector',
      'prometheus',
    ]);
    for (const [name, service] of Object.entries(compose.services)) {
      assert.ok(service.image, `${name} has an image`);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source === './secrets') continue;
        assert.ok(existsSync(join(dir, source)), `${name} mounts ${source}, which was generated`);
      }
    }
    assert.ok(compose.services.app!.ports!.includes('9464:9464'));
    const prometheus = parse(readFileSync(join(dir, 'prometheus.yml'), 'utf8'));
    assert.deepEqual(prometheus.scrape_configs[0].static_configs[0].targets, ['app:9464']);
    assert.deepEqual(prometheus.alerting.alertmanagers[0].static_configs[0].targets, ['alertmanager:9093']);
  });
});
