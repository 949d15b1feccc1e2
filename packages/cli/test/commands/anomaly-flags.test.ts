import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { generateOptionsFromFlags } from '../../src/commands/generate-config';
import { GENERATE_DEFAULTS } from '../../src/generate/options';
import { cli } from '../helpers';

describe('generate-config anomaly flags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otelkit-anomaly-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to a 1d window, 1h offset, z 3, 0.1 ops/s and floors of 10% and 1%', () => {
    assert.deepEqual(generateOptionsFromFlags({}, {}).anomaly, GENERATE_DEFAULTS.anomaly);
    assert.deepEqual(GENERATE_DEFAULTS.anomaly, {
      window: '1d',
      offset: '1h',
      z: 3,
      for: undefined,
      minRate: 0.1,
      floor: 0.1,
      failureFloor: 0.01,
    });
  });

  it('reads every anomaly flag', () => {
    const anomaly = generateOptionsFromFlags(
      {
        'anomaly-window': '7d',
        'anomaly-offset': '2h',
        'anomaly-z': '4',
        'anomaly-for': '15m',
        'anomaly-min-rate': '0.5',
        'anomaly-floor': '0.05',
        'anomaly-failure-floor': '0.02',
      },
      {},
    ).anomaly;
    assert.deepEqual(anomaly, {
      window: '7d',
      offset: '2h',
      z: 4,
      for: '15m',
      minRate: 0.5,
      floor: 0.05,
      failureFloor: 0.02,
    });
  });

  for (const [args, message] of [
    [['--anomaly-window', '5m'], /--anomaly-window="5m" is invalid: must be at least 10m/],
    [['--anomaly-offset', '15m'], /--anomaly-offset="15m" is invalid: must be at least .* = 20m/],
    [['--alert-for', '2h'], /--anomaly-offset="1h" is invalid: must be at least the anomaly for: \(2h\)/],
    [
      ['--anomaly-z', '6'],
      /--anomaly-floor="0.1" is invalid: --anomaly-z x --anomaly-floor must be below 0.5/,
    ],
    [
      ['--anomaly-z', '10', '--anomaly-floor', '0.01', '--anomaly-failure-floor', '0.05'],
      /--anomaly-failure-floor/,
    ],
    [['--anomaly-z', '0.5'], /--anomaly-z="0.5" is invalid: expected a number from 1 to 20/],
    [['--anomaly-for', 'soon'], /--anomaly-for="soon" is invalid/],
  ] as const) {
    it(`exits 2 naming the setting for ${args.join(' ')}`, async () => {
      const r = await cli(['generate-config', '--out', dir, ...args], {});
      assert.equal(r.code, 2);
      assert.match(r.err, message);
      assert.match(r.err.split('\n')[0]!, /^otelkit generate-config: --\S+="[^"]*" is invalid: /);
    });
  }

  it('writes the baselines, their tests and lists them in prometheus.yml', async () => {
    const r = await cli(
      [
        'generate-config',
        '--out',
        dir,
        '--namespace',
        'sync',
        '--anomaly-window',
        '2h',
        '--anomaly-offset',
        '20m',
      ],
      {},
    );
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.ok(r.out.includes(join(dir, 'rules/otelkit-baselines.yml')));
    assert.ok(r.out.includes(join(dir, 'rules/otelkit-baselines.test.yml')));
    const prom = parse(readFileSync(join(dir, 'prometheus.yml'), 'utf8'));
    assert.deepEqual(prom.rule_files, ['rules/otelkit-alerts.yml', 'rules/otelkit-baselines.yml']);
    const rules = readFileSync(join(dir, 'rules/otelkit-baselines.yml'), 'utf8');
    assert.match(rules, /avg_over_time\(sync:operation_duration_seconds:p95_rate5m\[2h\] offset 20m\)/);
  });

  it('notes on stderr when the drift cases are left out', async () => {
    const r = await cli(['generate-config', '--out', dir, '--anomaly-z', '2'], {});
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.err,
      /^note: a steady drift reaches z = 1\.88 .* the baseline tests leave out the drift cases/,
    );
    const tests = readFileSync(join(dir, 'rules/otelkit-baselines.test.yml'), 'utf8');
    assert.doesNotMatch(tests, /drift/);
  });
});
