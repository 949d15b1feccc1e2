import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { cli } from '../helpers';

describe('otelkit generate-config objectives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otelkit-slo-flags-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function refused(args: readonly string[]): Promise<string> {
    const r = await cli(['generate-config', '--out', join(dir, 'out'), '--namespace', 'sync', ...args]);
    assert.equal(r.code, 2, r.err);
    const [line, hint] = r.err.trimEnd().split('\n');
    assert.match(hint ?? '', /otelkit generate-config --help/);
    return line!;
  }

  const avail = 'kind=availability,metric=sync_operations_total';

  it('refuses a target of 100% or 0, naming the objective and the value', async () => {
    assert.match(
      await refused(['--objective', `${avail},target=100`]),
      /objective "sync_operations_total": target "100" must be a percentage above 0 and below 100/,
    );
    assert.match(
      await refused(['--objective', `${avail},target=0%,name=ops`]),
      /objective "ops": target "0%" must be/,
    );
    assert.match(
      await refused(['--objective', `${avail},target=90`]),
      /target 90 is too low: paging at 14.4x/,
    );
    assert.match(
      await refused(['--objective', `${avail},target=0.995`]),
      /target 0.995 is a percentage: write 99.5 for 99.5%/,
    );
  });

  it('refuses an unknown metric, listing the ones it knows', async () => {
    const line = await refused(['--objective', 'kind=availability,metric=sync_requests_total,target=99']);
    assert.match(
      line,
      /unknown metric "sync_requests_total" for availability \(one of http_server_request_duration_seconds, sync_operations_total\)/,
    );
  });

  it('refuses a latency threshold that is not a bucket boundary of the histogram', async () => {
    const line = await refused([
      '--objective',
      'kind=latency,metric=http_server_request_duration_seconds,threshold=0.3,target=99',
    ]);
    assert.match(
      line,
      /threshold "0.3" is not a bucket boundary of http_server_request_duration_seconds \(seconds: 0.005, 0.01/,
    );
  });

  it('refuses a bad objective in the --slo file, naming the file and the objective', async () => {
    const file = join(dir, 'bad.yml');
    writeFileSync(
      file,
      'objectives:\n  - name: api\n    kind: latency\n    metric: sync_operation_duration_seconds\n    threshold: 2\n    target: 99\n',
    );
    const line = await refused(['--slo', file]);
    assert.equal(
      line.startsWith(`otelkit generate-config: --slo="${file}" is invalid: objective "api": threshold "2"`),
      true,
      line,
    );
    assert.match(await refused(['--slo', join(dir, 'missing.yml')]), /cannot read it \(ENOENT\)/);
  });

  it('refuses a window that is not whole days, an unknown key and two objectives of one name', async () => {
    assert.match(
      await refused(['--objective', `${avail},target=99,window=720h`]),
      /window "720h" must be whole days/,
    );
    assert.match(await refused(['--objective', `${avail},target=99,tagret=1`]), /unknown key "tagret"/);
    assert.match(
      await refused(['--objective', `${avail},target=99`, '--objective', `${avail},target=99.9`]),
      /objective "sync-availability" is declared twice/,
    );
  });

  it('refuses Kubernetes settings without --kubernetes', async () => {
    assert.match(await refused(['--shutdown-delay-ms', '1000']), /--shutdown-delay-ms needs --kubernetes/);
    assert.match(
      await refused(['--kubernetes', '--k8s-auth', 'basic']),
      /--k8s-auth="basic" is invalid: needs --k8s-auth-secret NAME/,
    );
    assert.match(
      await refused(['--kubernetes', '--k8s-label', 'release']),
      /--k8s-label="release" is invalid/,
    );
  });

  it('writes the rules, tests and dashboard of valid objectives from the file and the flags', async () => {
    const file = join(dir, 'good.yml');
    writeFileSync(
      file,
      'objectives:\n  - kind: availability\n    metric: http_server_request_duration_seconds\n    target: "99.9%"\n',
    );
    const out = join(dir, 'good');
    const r = await cli([
      'generate-config',
      '--out',
      out,
      '--namespace',
      'sync',
      '--slo',
      file,
      '--objective',
      'kind=latency,metric=sync_operation_duration_seconds,threshold=2.5,target=99,window=28d,name=cycle-fast',
    ]);
    assert.equal(r.code, 0, r.err);
    const rules = parse(readFileSync(join(out, 'rules/otelkit-slo-cycle-fast.yml'), 'utf8'));
    const budget = rules.groups[0].rules.find(
      (x: { record?: string }) => x.record === 'slo:error_budget_remaining:ratio',
    );
    assert.equal(budget.expr, '1 - slo:error_ratio:rate28d{job="app",slo="cycle-fast"} / 0.01');
    const board = JSON.parse(readFileSync(join(out, 'grafana/dashboards/slo.json'), 'utf8'));
    assert.deepEqual(
      board.panels.map((p: { title: string }) => p.title),
      ['http-availability', 'cycle-fast'].flatMap((n) => [
        `${n}: error budget left (${n === 'cycle-fast' ? '28d' : '30d'})`,
        `${n}: SLI and objective`,
        `${n}: burn rate (error ratio / budget)`,
      ]),
    );
  });
});
