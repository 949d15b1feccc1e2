// Live SLO check: the demo service scraped by a real Prometheus that loads the generated SLO rules
// (1s scrape and evaluation). The recording rules return data through the HTTP API, and an outage
// injected into the demo (SIGUSR2: every remote call fails) puts the fast-burn page alert in pending.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type ActiveAlert, prometheusApi, type Vector } from '../helpers/prometheus-api';
import {
  DEMO_APP,
  demoMetricsPort,
  freePort,
  generateLiveConfig,
  haveTools,
  PROMETHEUS,
  start,
  tempDir,
  waitFor,
} from './tools';

const JOB = 'slo-demo';
const OBJECTIVES = [
  'kind=availability,metric=sync_operations_total,target=99,name=ops',
  'kind=availability,metric=http_server_request_duration_seconds,target=99.9,name=http',
  'kind=latency,metric=http_server_request_duration_seconds,threshold=0.5,target=99,name=http-fast',
];

type Alert = ActiveAlert;

describe('SLO rules in a real Prometheus scraping the demo', () => {
  let app: ReturnType<typeof start>;
  let prometheus: ReturnType<typeof start>;
  let api = '';
  let dir = '';

  const query = (expr: string): Promise<Vector> => prometheusApi(api).vector(expr);

  async function burnAlerts(): Promise<Alert[]> {
    return (await prometheusApi(api).alerts()).filter((a) => a.labels.alertname?.startsWith('SloBurnRate'));
  }

  before(async () => {
    assert.ok(haveTools(), 'prometheus, promtool and the built CLI must be present (npm run build)');
    app = start(process.execPath, [DEMO_APP], {
      OTELKIT_HOST: '127.0.0.1',
      OTELKIT_PORT: '0',
      DEMO_HTTP_PORT: '0',
      DEMO_CYCLE_MS: '100',
      // No failures until the outage: the burn-rate alerts must be quiet first.
      DEMO_FAILURE_RATE: '0',
      DEMO_LOG_LEVEL: 'error',
    });
    const appPort = await demoMetricsPort(app);
    dir = tempDir('e2e-slo');
    const generated = generateLiveConfig(dir, JOB, appPort, [
      ...OBJECTIVES.flatMap((o) => ['--objective', o]),
    ]);
    assert.equal(generated.code, 0, generated.stderr);
    const promPort = await freePort();
    api = `http://127.0.0.1:${promPort}`;
    prometheus = start(PROMETHEUS, [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
    ]);
    await prometheusApi(api).ready();
  });

  after(async () => {
    await Promise.all([prometheus?.stop(), app?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records every error ratio, the objective and the budget left for each objective', async () => {
    const series = [
      ...['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map((w) => `slo:error_ratio:rate${w}`),
      'slo:objective:ratio',
      'slo:error_budget_remaining:ratio',
    ];
    for (const name of ['ops', 'http', 'http-fast']) {
      for (const record of series) {
        const [sample] = await waitFor(
          `${record} of ${name}`,
          async () => {
            const r = await query(`${record}{job="${JOB}",slo="${name}"}`);
            return r.length > 0 ? r : undefined;
          },
          20_000,
        );
        assert.ok(
          Number.isFinite(Number(sample!.value[1])),
          `${record}{slo="${name}"} = ${sample!.value[1]}`,
        );
      }
    }
    const [ops] = await query(`slo:error_ratio:rate5m{job="${JOB}",slo="ops"}`);
    assert.equal(Number(ops!.value[1]), 0, 'no failures yet');
    const [budget] = await query(`slo:error_budget_remaining:ratio{job="${JOB}",slo="ops"}`);
    assert.equal(Number(budget!.value[1]), 1, 'the whole budget is left');
    assert.deepEqual(await burnAlerts(), []);
  });

  it('answers every query of the SLO dashboard with data', async () => {
    const board = JSON.parse(readFileSync(join(dir, 'grafana', 'dashboards', 'slo.json'), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    assert.equal(board.panels.length, 3 * OBJECTIVES.length);
    for (const panel of board.panels)
      for (const target of panel.targets) {
        const result = await query(target.expr.replaceAll('$job', JOB));
        assert.ok(result.length > 0, `${panel.title}: ${target.expr}`);
      }
  });

  it('puts the fast-burn page alert in pending once the demo fails above its objective', async () => {
    app.child.kill('SIGUSR2');
    const alert = await waitFor(
      'SloBurnRatePage1h pending',
      async () =>
        (await burnAlerts()).find(
          (a) => a.labels.alertname === 'SloBurnRatePage1h' && a.labels.slo === 'ops',
        ),
      25_000,
    );
    assert.equal(alert.state, 'pending', 'for: 2m keeps it pending for the length of this test');
    assert.deepEqual(alert.labels, {
      alertname: 'SloBurnRatePage1h',
      job: JOB,
      severity: 'critical',
      slo: 'ops',
    });
    const [ratio] = await query(`slo:error_ratio:rate5m{job="${JOB}",slo="ops"}`);
    assert.ok(Number(ratio!.value[1]) > 14.4 * 0.01, `error ratio ${ratio!.value[1]}`);
  });
});
