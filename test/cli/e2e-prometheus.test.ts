import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchText } from '../helpers/http';
import { prometheusApi } from '../helpers/prometheus-api';
import { promqlMetricNames } from '../helpers/promql';
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

// End to end: the fixture app (a stand-in for the demo service; see fixtures/ops-app.cjs), scraped by a
// real Prometheus running the generated prometheus.yml and rules with 1s intervals and `for: 0s`.
const JOB = 'ops-fixture';

describe('generated config against a real Prometheus scraping an otelkit app', () => {
  before(() => {
    // Never skipped: .ci/run installs Debian's prometheus and prometheus-alertmanager, and npm test builds first.
    assert.ok(
      haveTools(),
      'promtool, amtool, prometheus and the built CLI must be present (apt-get install prometheus prometheus-alertmanager; npm run build)',
    );
  });
  let app: ReturnType<typeof start>;
  let prometheus: ReturnType<typeof start>;
  let appPort = 0;
  let api = '';
  let dir = '';

  const query = (expr: string) => prometheusApi(api).query(expr);

  let sink: Server;
  let sinkUrl = '';
  after(() => sink?.close());

  before(async () => {
    sink = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
    // The demo service, as `npm start` runs it, on free ports and with short cycles.
    app = start(process.execPath, [DEMO_APP], {
      OTELKIT_HOST: '127.0.0.1',
      OTELKIT_PORT: '0',
      DEMO_HTTP_PORT: '0',
      DEMO_CYCLE_MS: '200',
      DEMO_LOG_LEVEL: 'warn',
      // Traces and metrics pushed to a local OTLP sink, as in production, so the export self-metrics exist.
      OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
      OTEL_METRIC_EXPORT_INTERVAL: '1000',
    });
    appPort = await demoMetricsPort(app);
    dir = tempDir('e2e');
    const generated = generateLiveConfig(dir, JOB, appPort, ['--alert-for', '0s']);
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

  it('scrapes the app: up is 1 and the operation metrics are stored', async () => {
    const up = await waitFor(
      'a successful scrape',
      async () => {
        const r = await query(`up{job="${JOB}"}`);
        return r.data.result.find((s) => s.value[1] === '1');
      },
      15_000,
    );
    assert.equal(up.metric.instance, `127.0.0.1:${appPort}`);
    const ops = await query(`sync_operations_total{job="${JOB}",status="success"}`);
    assert.deepEqual([...new Set(ops.data.result.map((s) => s.metric.operation))].sort(), [
      'fetch_source',
      'sync_cycle',
      'write_target',
    ]);
  });

  it('runs every dashboard query without error, over metric names the app exposes', async () => {
    const exposed = new Set(
      (await fetchText(`http://127.0.0.1:${appPort}/metrics`)).body
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((l) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(l)![0]),
    );
    exposed.add('up');
    const boardDir = join(dir, 'grafana', 'dashboards');
    let checked = 0;
    for (const file of readdirSync(boardDir)) {
      const board = JSON.parse(readFileSync(join(boardDir, file), 'utf8')) as {
        panels: { title: string; targets: { expr: string }[] }[];
      };
      for (const panel of board.panels) {
        for (const target of panel.targets) {
          const expr = target.expr
            .replaceAll('$__rate_interval', '1m')
            .replaceAll('$job', JOB)
            .replaceAll('$instance', '.*');
          const names = promqlMetricNames(expr);
          assert.ok(names.length > 0, `${file} "${panel.title}" selects a metric`);
          for (const name of names)
            assert.ok(exposed.has(name), `${file} "${panel.title}" uses ${name}, not on /metrics`);
          const result = await query(expr);
          assert.equal(result.status, 'success', `${file} "${panel.title}": ${result.error ?? ''}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 40, `checked ${checked} queries`);
  });

  it('puts OperationFailureRatioHigh in pending or firing once operations fail', async () => {
    const quiet = await prometheusApi(api).alerts();
    assert.equal(quiet.filter((a) => a.labels.alertname === 'OperationFailureRatioHigh').length, 0);
    app.child.kill('SIGUSR2');
    const alert = await waitFor(
      'the failure-ratio alert',
      async () => {
        return (await prometheusApi(api).alerts()).find(
          (a) =>
            a.labels.alertname === 'OperationFailureRatioHigh' &&
            (a.state === 'firing' || a.state === 'pending'),
        );
      },
      25_000,
    );
    assert.equal(alert.labels.job, JOB);
    assert.ok(['sync_cycle', 'fetch_source', 'write_target'].includes(alert.labels.operation!));
  });
});
