import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { cli } from '../helpers';

describe('otelkit generate-config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otelkit-gen-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every artefact and lists them', async () => {
    const r = await cli(['generate-config', '--out', dir, '--service', 'sync', '--target', 'app:9464'], {});
    assert.equal(r.code, 0, r.err);
    for (const file of [
      'prometheus.yml',
      'rules/otelkit-alerts.yml',
      'rules/otelkit-alerts.test.yml',
      'alertmanager.yml',
      'grafana/provisioning/datasources/prometheus.yml',
      'grafana/provisioning/dashboards/otelkit.yml',
      'grafana/dashboards/operations.json',
      'grafana/dashboards/http.json',
      'grafana/dashboards/runtime.json',
      'grafana/dashboards/circuit-breakers.json',
      'grafana/dashboards/health.json',
      'otel-collector.yaml',
      'docker-compose.yml',
    ]) {
      assert.ok(existsSync(join(dir, file)), file);
      assert.ok(r.out.includes(join(dir, file)), `listed ${file}`);
    }
    const prom = parse(readFileSync(join(dir, 'prometheus.yml'), 'utf8'));
    assert.equal(prom.scrape_configs[0].job_name, 'sync');
    assert.equal(prom.global.scrape_interval, '15s');
  });

  it('takes receiver settings from the environment when no flag is given, flags first', async () => {
    const env = {
      OTELKIT_ALERT_EMAIL_TO: 'ops@corp.test',
      OTELKIT_ALERT_WEBHOOK_URL: 'http://hooks.corp.test/a',
    };
    const r = await cli(['generate-config', '--out', dir, '--webhook-url', 'http://flag.test/b'], env);
    assert.equal(r.code, 0, r.err);
    const am = readFileSync(join(dir, 'alertmanager.yml'), 'utf8');
    assert.match(am, /to: ops@corp\.test/);
    assert.match(am, /url: http:\/\/flag\.test\/b/);
    assert.doesNotMatch(am, /hooks\.corp\.test/);
  });

  it('writes dashboards whose every query is scoped by the job and instance variables', async () => {
    await cli(['generate-config', '--out', dir, '--namespace', 'sync'], {});
    const board = JSON.parse(readFileSync(join(dir, 'grafana/dashboards/operations.json'), 'utf8'));
    const exprs: string[] = board.panels.flatMap((p: { targets: { expr: string }[] }) =>
      p.targets.map((t) => t.expr),
    );
    assert.ok(exprs.length >= 10);
    for (const expr of exprs) assert.match(expr, /job=~"\$job",instance=~"\$instance"/);
    assert.ok(
      exprs.some((e) =>
        e.includes(
          'histogram_quantile(0.99, sum by (operation, le) (rate(sync_operation_duration_seconds_bucket',
        ),
      ),
    );
  });
});
