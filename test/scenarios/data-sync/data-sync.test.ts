// Seed 003 (a data sync system: connectors, conflicts, alerting, Grafana), checked as its operator
// would: the write-up's operation, record, byte, error, job, queue, connection pool, WebSocket and
// conflict metrics under otelkit's names with consistent values, health, the alert rules and their
// routing by severity (promtool, amtool), and the dashboards' questions against a real Prometheus.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchJson } from '../../helpers/http';
import {
  dashboardQueries,
  type PrometheusRun,
  panel,
  promtool,
  run,
  type ScenarioApp,
  scrape,
  startScenario,
  stopScenario,
  tempDir,
  waitFor,
} from '../harness';

const JOB = 'data-sync';
const NS = 'data_sync';
const CONNECTORS = ['mysql', 'postgres', 'salesforce'];
const AMTOOL = '/usr/bin/amtool';
/** The write-up's conflict analysis, as a panel of the generated service dashboard. */
const CONFLICT_PANEL = `Conflicts by resolution=sum by (connector, resolution) (rate(${NS}_conflicts_total{job=~"$job",instance=~"$instance"}[$__rate_interval]))`;

describe('scenario: data sync system (seed 003)', () => {
  let app: ScenarioApp;
  let prom: PrometheusRun;
  const dir = tempDir('data-sync');

  before(async () => {
    ({ app, prom } = await startScenario(dir.path, {
      script: join(__dirname, 'app.cjs'),
      job: JOB,
      namespace: NS,
      flags: [
        '--alert-for',
        '0s',
        // the write-up's four levels, INFO to EMERGENCY, each with its own route
        '--severities',
        'info,warning,critical,emergency',
        '--panel',
        CONFLICT_PANEL,
      ],
      rules: join(__dirname, 'rules.yml'),
    }));
  });

  after(() => stopScenario(dir, app, prom));

  it('counts sync operations, records, bytes and errors per connector, consistently', async () => {
    const m = await waitFor('a Salesforce timeout', async () => {
      const s = await scrape(app);
      return s.select(`${NS}_errors_total`, { error_type: 'ConnectorTimeoutError' }).length > 0
        ? s
        : undefined;
    });
    for (const connector of CONNECTORS) {
      const ok = m.value(`${NS}_operations_total`, { operation: 'sync_batch', connector, status: 'success' });
      const failed = m.value(`${NS}_operations_total`, {
        operation: 'sync_batch',
        connector,
        status: 'failure',
      });
      // every 7th Salesforce batch times out; the others never fail
      assert.equal(failed, connector === 'salesforce' ? Math.floor((ok + failed) / 7) : 0);
      // each successful batch moves five records of at least 100 bytes and meets one conflict
      assert.ok(m.value(`${NS}_transferred_bytes_total`, { connector, direction: 'pull' }) >= ok * 5 * 100);
      assert.equal(m.sum(`${NS}_conflicts_total`, { connector }), ok);
      assert.equal(
        m.value(`${NS}_operation_duration_seconds_count`, {
          operation: 'sync_batch',
          connector,
          status: 'success',
        }),
        ok,
      );
    }
    assert.equal(
      m.value(`${NS}_errors_total`, { connector: 'salesforce', error_type: 'ConnectorTimeoutError' }),
      m.value(`${NS}_operations_total`, { connector: 'salesforce', status: 'failure' }),
    );
    // records: a last-write-wins conflict still syncs all five, a manual one holds its record back
    const manual = m.sum(`${NS}_conflicts_total`, { resolution: 'manual' });
    const lww = m.sum(`${NS}_conflicts_total`, { resolution: 'last_write_wins' });
    const items = (labels: Record<string, string>) => m.sum(`${NS}_items_total`, labels);
    assert.equal(items({ item_action: 'synced' }), 4 * manual + 5 * lww);
    assert.equal(items({ item_action: 'conflicted' }), manual + lww);
    // records per connector (the write-up's per-connector throughput)
    assert.ok(m.labelValues(`${NS}_items_total`, 'connector', { item_action: 'synced' }).length >= 2);
    // every third conflict needs a person; the queue holds the ones not yet resolved
    assert.equal(manual, Math.floor((manual + lww) / 3));
    const resolved = m.select(`${NS}_items_total`, { operation: 'resolve_conflict' })[0]?.value ?? 0;
    assert.equal(m.value(`${NS}_queue_depth`, { queue: 'conflicts_unresolved' }), manual - resolved);
  });

  it('reports active jobs, queues, connection pools, WebSocket clients and system metrics', async () => {
    const m = await waitFor('five WebSocket clients', async () => {
      const s = await scrape(app);
      return s.value(`${NS}_websocket_connections`) === 5 ? s : undefined;
    });
    assert.ok(m.value(`${NS}_websocket_messages_total`, { direction: 'sent' }) >= 15);
    for (const connector of CONNECTORS) {
      assert.ok([0, 1].includes(m.value(`${NS}_operations_active`, { operation: 'sync_batch', connector })));
      assert.equal(m.value(`${NS}_pool_connections_max`, { connector }), 4);
      assert.equal(m.sum(`${NS}_pool_connections`, { connector }), 4, 'idle + used = pool size');
    }
    assert.ok(m.select(`${NS}_queue_depth`, { queue: 'pending_changes' }).length === 1);
    assert.ok(m.sum('process_cpu_time_seconds_total') > 0);
    assert.ok(m.value('process_memory_usage_bytes') > 0);
  });

  it('answers health with connector pools, disk, memory and the last successful sync', async () => {
    const res = await fetchJson<{
      status: string;
      checks: Record<string, { status: string; observedUnit?: string }[]>;
    }>(`${app.url}/healthz`);
    assert.equal(res.status, 200);
    const body = res.body;
    assert.equal(body.status, 'pass');
    for (const connector of CONNECTORS)
      assert.equal(body.checks[`${connector}:pool`]?.[0]?.observedUnit, 'idle connections');
    assert.equal(body.checks['disk:free']?.[0]?.observedUnit, 'bytes');
    assert.equal(body.checks['sync:lastSuccess']?.[0]?.status, 'pass');
  });

  it('passes promtool, and routes alerts by severity with the generated Alertmanager config', () => {
    promtool('check', 'rules', join(dir.path, 'rules', 'otelkit-alerts.yml'), join(__dirname, 'rules.yml'));
    promtool('test', 'rules', join(dir.path, 'rules', 'otelkit-alerts.test.yml'));
    promtool('test', 'rules', join(__dirname, 'rules.test.yml'));
    assert.ok(existsSync(AMTOOL), `${AMTOOL} is missing: apt-get install prometheus-alertmanager`);
    const config = `--config.file=${join(dir.path, 'alertmanager.yml')}`;
    assert.equal(run(AMTOOL, ['check-config', join(dir.path, 'alertmanager.yml')]).code, 0);
    const route = (severity: string) =>
      run(AMTOOL, ['config', 'routes', 'test', config, `severity=${severity}`]).out;
    for (const severity of ['emergency', 'critical', 'warning', 'info'])
      assert.match(route(severity), new RegExp(`^${severity}$`, 'm'));
    assert.match(route('debug'), /^default$/m);
  });

  it("answers the overview, performance and conflict dashboards' questions against a real Prometheus", async () => {
    const queries = dashboardQueries(dir.path, JOB);
    // Sync System Overview: success rate, throughput per connector, records, errors
    const [rate] = await prom.waitForData(panel(queries, 'operations', 'Success rate')[0]!.expr);
    assert.ok(Number(rate!.value[1]) > 0.8);
    await prom.waitForData(panel(queries, 'operations', 'Throughput')[0]!.expr);
    const items = await prom.waitForData(panel(queries, 'operations', 'Items processed')[0]!.expr);
    assert.ok(items.some((s) => s.metric.item_action === 'conflicted'));
    // Performance Monitoring: latency percentiles, active jobs, queue depth, CPU and memory
    for (const q of panel(queries, 'operations', 'Duration p50 / p95 / p99')) await prom.waitForData(q.expr);
    await prom.waitForData(panel(queries, 'operations', 'In flight')[0]!.expr);
    const queues = await prom.waitForData(panel(queries, 'operations', 'Queue depth')[0]!.expr);
    assert.deepEqual(queues.map((s) => s.metric.queue).sort(), ['conflicts_unresolved', 'pending_changes']);
    await prom.waitForData(panel(queries, 'runtime', 'CPU (cores)')[0]!.expr);
    // Conflict Analysis: the generated service dashboard's panel over the scenario's conflict counter
    const byResolution = await prom.waitForData(
      panel(queries, 'service', 'Conflicts by resolution')[0]!.expr,
    );
    assert.ok(byResolution.some((s) => s.metric.resolution === 'manual'));
  });

  it('puts the conflict-rate alert in pending (`for: 10m`) against live data', async () => {
    const alert = await waitFor('DataSyncConflictRateHigh', async () =>
      (await prom.alerts()).find((a) => a.labels.alertname === 'DataSyncConflictRateHigh'),
    );
    assert.equal(alert.state, 'pending');
  });
});
