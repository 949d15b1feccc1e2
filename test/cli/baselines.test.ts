// The generated baselines and anomaly alerts, checked by the real promtool: the rules load, the
// config lists them, and the generated unit tests pass, and fail when a guard is taken out.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { CLI_BIN, generateConfig, PROMTOOL, run } from './tools';

const RULES = 'rules/otelkit-baselines.yml';
const TESTS = 'rules/otelkit-baselines.test.yml';
/** A short baseline so the unit tests stay small: 2h window ending 20m ago, evaluated once a minute. */
const SHORT = ['--anomaly-window', '2h', '--anomaly-offset', '20m'];

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function generate(extra: readonly string[]): string {
  const r = generateConfig('baselines', extra);
  dirs.push(r.dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  return r.dir;
}

interface RulesYaml {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}

/** Rewrites the generated rules file with `edit` applied to every rule. */
function mutate(dir: string, edit: (rule: { alert?: string; record?: string; expr: string }) => void): void {
  const path = join(dir, RULES);
  const file = parse(readFileSync(path, 'utf8')) as RulesYaml;
  for (const rule of file.groups[0]!.rules) edit(rule);
  writeFileSync(path, stringify(file, { lineWidth: 0 }));
}

/** Names of the failing promtool test cases. */
function failingCases(dir: string): string[] {
  const r = run(PROMTOOL, ['test', 'rules', TESTS], dir);
  assert.equal(r.code, 1, `the mutated rules must fail their tests\n${r.stdout}${r.stderr}`);
  return [
    ...new Set([...(r.stdout + r.stderr).matchAll(/name: ([^,\n]+Anomaly: [^,\n]+),/g)].map((m) => m[1]!)),
  ].sort();
}

const VARIANTS: readonly (readonly string[])[] = [
  SHORT,
  ['--anomaly-window', '1h', '--anomaly-offset', '10m', '--alert-for', '0s', '--operation-labels', 'source'],
  [
    '--anomaly-window',
    '2h',
    '--anomaly-offset',
    '30m',
    '--rate-window',
    '2m',
    '--anomaly-for',
    '5m',
    '--anomaly-z',
    '4',
    '--anomaly-floor',
    '0.05',
    '--anomaly-failure-floor',
    '0.02',
    '--anomaly-min-rate',
    '5',
  ],
];

describe('generated baselines checked by the real promtool', () => {
  before(() => {
    // Never skipped: .ci/run installs Debian's prometheus, and npm test builds first.
    assert.ok(existsSync(PROMTOOL) && existsSync(CLI_BIN), 'promtool and the built CLI must be present');
  });

  for (const variant of VARIANTS) {
    it(`passes promtool check config, check rules and test rules [${variant.join(' ')}]`, () => {
      const dir = generate(variant);
      const config = run(PROMTOOL, ['check', 'config', 'prometheus.yml'], dir);
      assert.equal(config.code, 0, config.stdout + config.stderr);
      assert.match(config.stdout, /2 rule files found/);
      const rules = run(PROMTOOL, ['check', 'rules', RULES], dir);
      assert.equal(rules.code, 0, rules.stdout + rules.stderr);
      assert.match(rules.stdout, /SUCCESS: 15 rules found/);
      const tests = run(PROMTOOL, ['test', 'rules', TESTS], dir);
      assert.equal(tests.code, 0, tests.stdout + tests.stderr);
      assert.equal(parse(readFileSync(join(dir, TESTS), 'utf8')).tests.length, 12);
    });
  }

  it('has cases that fail when a guard is taken out: min traffic, stddev floor, offset, a moving baseline', () => {
    // One mutation per alert, so one promtool run shows each kind of case catching its own defect.
    const dir = generate(SHORT);
    mutate(dir, (rule) => {
      // Latency: no minimum-traffic guard, and a baseline stuck 100m in the past that cannot follow a drift.
      if (rule.alert === 'OperationLatencyAnomaly') rule.expr = rule.expr.split('\n')[0]!;
      if (rule.record?.startsWith('sync:operation_duration_seconds:p95_rate5m_baseline_'))
        rule.expr = rule.expr.replace(' offset 20m', ' offset 100m');
      // Failure ratio: z-score divided by the bare stddev, without the floor.
      if (rule.record === 'sync:operation_failure_ratio:rate5m_zscore')
        rule.expr = rule.expr.replace(/\n\/ .*$/, '\n/ sync:operation_failure_ratio:rate5m_baseline_stddev');
      // Throughput: no offset, so the step is in its own baseline before the alert can fire.
      if (rule.record?.startsWith('sync:operation_throughput:rate5m_baseline_'))
        rule.expr = rule.expr.replace(' offset 20m', '');
    });
    assert.deepEqual(failingCases(dir), [
      'OperationFailureRatioAnomaly: steady series (then a shift of a quarter of the stddev floor) stays silent',
      'OperationLatencyAnomaly: quiet service (below the minimum traffic) with a step change stays silent',
      'OperationLatencyAnomaly: slow drift within the band stays silent',
      'OperationThroughputAnomaly: step change fires',
    ]);
  });
});
