// SLO burn-rate rules from declared objectives, checked by the real promtool: the rules load, the
// generated unit tests pass for every objective kind, and fail when a rule is broken.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { generateConfig, PROMTOOL, ROOT, run } from './tools';

const OBJECTIVES = join(ROOT, 'test', 'cli', 'fixtures', 'slo-objectives.yml');
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function generate(extra: readonly string[]): string {
  const r = generateConfig('slo', extra);
  dirs.push(r.dir);
  assert.equal(r.code, 0, r.stderr);
  return r.dir;
}

function sloFiles(dir: string, suffix: string): string[] {
  return readdirSync(join(dir, 'rules'))
    .filter((f) => f.startsWith('otelkit-slo-') && f.endsWith(suffix))
    .filter((f) => suffix !== '.yml' || !f.endsWith('.test.yml'))
    .map((f) => `rules/${f}`)
    .sort();
}

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
}

function mutate(dir: string, file: string, edit: (rule: Rule) => void): void {
  const path = join(dir, file);
  const doc = parse(readFileSync(path, 'utf8')) as { groups: { rules: Rule[] }[] };
  for (const rule of doc.groups[0]!.rules) edit(rule);
  writeFileSync(path, stringify(doc, { lineWidth: 0 }));
}

function failing(dir: string, tests: readonly string[]): string[] {
  const r = run(PROMTOOL, ['test', 'rules', ...tests], dir);
  assert.equal(r.code, 1, `the broken rules must fail their tests\n${r.stdout}${r.stderr}`);
  return [
    ...new Set(
      [...(r.stdout + r.stderr).matchAll(/name: ([^,\n]+: SloBurnRate[^,\n]+),/g)].map((m) => m[1]!),
    ),
  ];
}

describe('SLO rules from declared objectives', () => {
  const dir = generate(['--slo', OBJECTIVES]);

  it('writes one rules file and page and ticket tests per objective, listed in prometheus.yml', () => {
    const rules = sloFiles(dir, '.yml');
    assert.deepEqual(rules, [
      'rules/otelkit-slo-api-availability.yml',
      'rules/otelkit-slo-http-api-items-latency-0.5s.yml',
      'rules/otelkit-slo-sync-availability.yml',
      'rules/otelkit-slo-sync-sync_cycle-latency-1s.yml',
    ]);
    assert.equal(sloFiles(dir, '.test.yml').length, 8);
    const config = parse(readFileSync(join(dir, 'prometheus.yml'), 'utf8')) as { rule_files: string[] };
    for (const file of rules) assert.ok(config.rule_files.includes(file), file);
    const check = run(PROMTOOL, ['check', 'rules', ...rules], dir);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const record = parse(readFileSync(join(dir, rules[0]!), 'utf8')) as { groups: { rules: Rule[] }[] };
    assert.deepEqual(
      record.groups[0]!.rules.map((r) => r.record ?? r.alert),
      [
        ...['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map((w) => `slo:error_ratio:rate${w}`),
        'slo:objective:ratio',
        'slo:error_budget_remaining:ratio',
        'SloBurnRatePage1h',
        'SloBurnRatePage6h',
        'SloBurnRateTicket1d',
        'SloBurnRateTicket3d',
      ],
    );
  });

  it('passes its promtool unit tests: each alert fires at its burn rate and is silent just below, for each kind', () => {
    const tests = sloFiles(dir, '.test.yml');
    // One file per run: each stays well inside run()'s 30 s limit on a busy machine.
    for (const test of tests) {
      const r = run(PROMTOOL, ['test', 'rules', test], dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
    const names = tests.flatMap((t) =>
      (parse(readFileSync(join(dir, t), 'utf8')) as { tests: { name: string }[] }).tests.map((c) => c.name),
    );
    for (const objective of ['api-availability', 'sync-availability', 'http-api-items-latency-0.5s'])
      for (const alert of ['Page1h', 'Page6h', 'Ticket1d', 'Ticket3d'])
        for (const kind of ['fires at 1.02x', 'stays silent at 0.98x', ' stopped', 'only the last'])
          assert.ok(
            names.some((n) => n.startsWith(`${objective}: SloBurnRate${alert} `) && n.includes(kind)),
            `${objective} ${alert} ${kind}`,
          );
  });

  it('matches an integer bucket boundary as Prometheus 2 (le="1") and 3 (le="1.0") store it', () => {
    const test = 'rules/otelkit-slo-sync-sync_cycle-latency-1s.page.test.yml';
    const path = join(dir, test);
    const text = readFileSync(path, 'utf8');
    assert.ok(text.includes('le="1"}'), 'the generated input uses le="1"');
    writeFileSync(join(dir, 'rules', 'prom3.test.yml'), text.replaceAll('le="1"}', 'le="1.0"}'));
    const r = run(PROMTOOL, ['test', 'rules', 'rules/prom3.test.yml'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('fails its tests when a burn-rate threshold is wrong', () => {
    const broken = generate(['--slo', OBJECTIVES]);
    const file = 'rules/otelkit-slo-sync-availability.yml';
    // 14.4x becomes 15x (still above 1.02 x 14.4): the alert must no longer fire at its burn rate.
    mutate(broken, file, (rule) => {
      if (rule.alert === 'SloBurnRatePage1h') rule.expr = rule.expr.replaceAll('0.144', '0.15');
    });
    assert.deepEqual(failing(broken, ['rules/otelkit-slo-sync-availability.page.test.yml']), [
      'sync-availability: SloBurnRatePage1h fires at 1.02x its burn rate',
    ]);
  });

  it('fails its tests when an alert forgets its short window or its long window', () => {
    const broken = generate(['--slo', OBJECTIVES]);
    const file = 'rules/otelkit-slo-api-availability.yml';
    mutate(broken, file, (rule) => {
      if (rule.alert === 'SloBurnRateTicket1d') rule.expr = rule.expr.split('\nand ')[0]!;
      if (rule.alert === 'SloBurnRateTicket3d') rule.expr = rule.expr.replace('rate3d', 'rate6h');
    });
    assert.deepEqual(failing(broken, ['rules/otelkit-slo-api-availability.ticket.test.yml']).sort(), [
      'api-availability: SloBurnRateTicket1d stays silent 2h after a 2x burn of 1d stopped',
      'api-availability: SloBurnRateTicket3d stays silent when only the last 6h burn at 2x',
    ]);
  });

  it('fails its tests when the latency SLI counts the wrong bucket', () => {
    const broken = generate(['--slo', OBJECTIVES]);
    const file = 'rules/otelkit-slo-http-api-items-latency-0.5s.yml';
    mutate(broken, file, (rule) => {
      rule.expr = rule.expr.replace('le="0.5"', 'le="+Inf"');
    });
    assert.ok(failing(broken, ['rules/otelkit-slo-http-api-items-latency-0.5s.page.test.yml']).length >= 2);
  });
});
