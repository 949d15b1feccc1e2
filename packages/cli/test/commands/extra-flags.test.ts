import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generateOptionsFromFlags } from '../../src/commands/generate-config';
import { parsePanelFlag, promqlProblem } from '../../src/commands/panel-flag';
import { cli } from '../helpers';

describe('generate-config --operation-labels, --panel and --severities', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otelkit-extra-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to no operation labels, no panels and warning,critical', () => {
    const o = generateOptionsFromFlags({}, {});
    assert.deepEqual([o.operationLabels, o.panels, o.severities], [[], [], ['warning', 'critical']]);
  });

  it('reads the labels, the severities in rank order and each --panel', async () => {
    const r = await cli([
      'generate-config',
      '--out',
      dir,
      '--service',
      'list-sync',
      '--operation-labels',
      'source, connector',
      '--severities',
      'emergency,warning,critical,info',
      '--panel',
      'Conflicts=sum by (resolution) (rate(c_total{job=~"$job"}[$__rate_interval]))',
      '--panel',
      'stat:Cache hit rate=sum(h) / (sum(h) + sum(m))',
    ]);
    assert.equal(r.code, 0, r.err);
    const board = JSON.parse(readFileSync(join(dir, 'grafana/dashboards/service.json'), 'utf8'));
    assert.deepEqual(
      board.panels.map((p: { type: string; title: string }) => `${p.type} ${p.title}`),
      ['timeseries Conflicts', 'stat Cache hit rate'],
    );
    assert.equal(board.panels[1].targets[0].expr, 'sum(h) / (sum(h) + sum(m))');
    const rules = readFileSync(join(dir, 'rules/otelkit-alerts.yml'), 'utf8');
    assert.match(rules, /by \(job, instance, operation, source, connector\)/);
    const am = readFileSync(join(dir, 'alertmanager.yml'), 'utf8');
    assert.match(
      am,
      /receiver: emergency[\s\S]*receiver: critical[\s\S]*receiver: warning[\s\S]*receiver: info/,
    );
  });

  for (const [args, message] of [
    [
      ['--operation-labels', 'source,so-urce'],
      /--operation-labels="source,so-urce" is invalid: so-urce: expected a Prometheus label name/,
    ],
    [['--operation-labels', 'status'], /status is already one of the labels/],
    [['--operation-labels', 'source,source'], /source is listed twice/],
    [['--operation-labels', 'source,'], /expected a comma-separated list/],
    [['--severities', 'warning,critical,fatal'], /fatal is not one of info, warning, critical, emergency/],
    [['--severities', 'info,critical'], /must include warning/],
    [
      ['--panel', 'no query here'],
      /--panel="no query here" is invalid: no = between the title and the query \(expected \[timeseries:\|stat:\]Title=PromQL\)/,
    ],
    [['--panel', '=sum(x)'], /the title is empty/],
    [['--panel', 'stat:X='], /the query is empty/],
    [['--panel', 'X=sum(rate(x[5m])'], /the query has unclosed \(/],
    [['--panel', 'A=x', '--panel', 'A=y'], /two panels are titled "A"/],
    [['--panel', ''], /--panel must not be empty/],
  ] as const) {
    it(`exits 2 naming the flag and value for ${args.join(' ')}`, async () => {
      const r = await cli(['generate-config', '--out', dir, ...args]);
      assert.equal(r.code, 2);
      assert.match(r.err.split('\n')[0]!, message);
    });
  }
});

describe('parsePanelFlag', () => {
  it('splits at the first =, so the query keeps its label matchers', () => {
    assert.deepEqual(parsePanelFlag('Hits=sum(h{kind="a=b"})'), {
      title: 'Hits',
      expr: 'sum(h{kind="a=b"})',
      type: 'timeseries',
    });
    assert.equal(parsePanelFlag('timeseries: Lag = max(lag)').title, 'Lag');
    // a colon that is not a known type stays in the title
    assert.equal(parsePanelFlag('Pool: idle=sum(p)').title, 'Pool: idle');
  });

  it('checks brackets and strings outside quoted label values', () => {
    assert.equal(promqlProblem('sum(x{a=")"}[5m])'), undefined);
    assert.equal(promqlProblem('sum(x]'), 'unbalanced ] at character 6');
    assert.match(promqlProblem('x{a="b}')!, /unterminated "-quoted string/);
  });
});
