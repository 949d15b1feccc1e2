// Seed 000 (Harbor registry replicator), checked as its operator would: every metric of the write-up
// under otelkit's names with real values, the authenticated /metrics and the open probes, the alerts
// (generated catalogue + rules.yml, promtool), the dashboards' questions against a real Prometheus,
// and a graceful shutdown.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchJson, fetchText } from '../../helpers/http';
import {
  dashboardQueries,
  type PrometheusRun,
  panel,
  promtool,
  type ScenarioApp,
  scrape,
  startScenario,
  stopScenario,
  tempDir,
  waitFor,
} from '../harness';

const JOB = 'harbor-replicator';
const NS = 'harbor_replicator';
const AUTH = { username: 'prometheus', password: 'scrape-secret' };
const AUTH_HEADER = {
  authorization: `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`,
};
const TYPES = ['project', 'repository', 'robot_account'];

describe('scenario: Harbor registry replicator (seed 000)', () => {
  let app: ScenarioApp;
  let prom: PrometheusRun;
  const dir = tempDir('harbor');

  before(async () => {
    ({ app, prom } = await startScenario(dir.path, {
      script: join(__dirname, 'app.cjs'),
      job: JOB,
      namespace: NS,
      env: {
        OTEL_TRACES_EXPORTER: 'none',
        OTELKIT_AUTH_USERNAME: AUTH.username,
        OTELKIT_AUTH_PASSWORD: AUTH.password,
      },
      flags: ['--alert-for', '0s'],
      rules: join(__dirname, 'rules.yml'),
      basicAuth: AUTH,
    }));
  });

  after(() => stopScenario(dir, app, prom));

  it('protects /metrics with basic auth but leaves the probes open', async () => {
    assert.equal((await fetchText(`${app.url}/metrics`)).status, 401);
    assert.equal((await fetchText(`${app.url}/readyz`)).status, 200);
    assert.equal((await fetchText(`${app.url}/livez`)).status, 200);
  });

  it('counts sync cycles and replicated resources by type and action (sync_total, resources_synced)', async () => {
    const m = await waitFor('five successful sync cycles', async () => {
      const s = await scrape(app, AUTH_HEADER);
      return s.value(`${NS}_operations_total`, { operation: 'sync_cycle', status: 'success' }) >= 5
        ? s
        : undefined;
    });
    assert.equal(m.value(`${NS}_operations_total`, { operation: 'sync_cycle', status: 'failure' }), 0);
    for (const type of TYPES) {
      const replicated = m.value(`${NS}_operations_total`, {
        operation: 'replicate',
        source: 'harbor-primary',
        resource_type: type,
        status: 'success',
      });
      // the source gains exactly one resource of each type per cycle, changes one every 3rd, deletes one every 5th
      const items = (action: string) =>
        m.value(`${NS}_items_total`, {
          operation: 'replicate',
          source: 'harbor-primary',
          item_type: type,
          item_action: action,
        });
      assert.equal(items('created'), replicated);
      assert.equal(items('updated'), Math.floor(replicated / 3));
      assert.equal(items('deleted'), Math.floor(replicated / 5));
      // sync_duration_seconds{source,resource_type}: one observation per replication
      const labels = {
        operation: 'replicate',
        source: 'harbor-primary',
        resource_type: type,
        status: 'success',
      };
      assert.equal(m.value(`${NS}_operation_duration_seconds_count`, labels), replicated);
      assert.ok(m.value(`${NS}_operation_duration_seconds_sum`, labels) > 0);
    }
  });

  it('reports in-flight syncs, queue, last success, lag, drift, quota and API latency while healthy', async () => {
    // between two cycles (nothing in flight) the target has caught up
    const m = await waitFor('a scrape between two cycles', async () => {
      const s = await scrape(app, AUTH_HEADER);
      return s.value(`${NS}_operations_active`, { operation: 'sync_cycle' }) === 0 ? s : undefined;
    });
    const lastSuccess = m.value(`${NS}_last_success_timestamp_seconds`, { operation: 'sync_cycle' });
    assert.ok(Date.now() / 1000 - lastSuccess < 5, `last success ${Date.now() / 1000 - lastSuccess} s ago`);
    for (const type of TYPES) {
      assert.equal(m.value(`${NS}_queue_depth`, { queue: type }), 0);
      assert.equal(m.value(`${NS}_replication_lag_seconds`, { target: 'harbor-dr', resource_type: type }), 0);
      assert.equal(m.value(`${NS}_config_drift`, { target: 'harbor-dr', resource_type: type }), 0);
    }
    const quota = m.value(`${NS}_quota_usage_ratio`, {
      harbor_instance: 'harbor-primary',
      project: 'library',
    });
    assert.ok(quota > 0 && quota <= 1, `quota ${quota}`);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      assert.ok(m.sum('http_client_request_duration_seconds_count', { http_request_method: method }) > 0);
    }
    assert.equal(m.value('otelkit_health_status', { check: 'harbor-dr:api' }), 1);
  });

  it('shows a target outage: failed syncs by error type, a growing queue and lag, a failing instance check', async () => {
    app.child.kill('SIGUSR2');
    const m = await waitFor('three failed sync cycles', async () => {
      const s = await scrape(app, AUTH_HEADER);
      return s.value(`${NS}_operations_total`, { operation: 'sync_cycle', status: 'failure' }) >= 3
        ? s
        : undefined;
    });
    assert.ok(
      m.value(`${NS}_errors_total`, {
        operation: 'replicate',
        resource_type: 'project',
        error_type: 'HarborUnavailableError',
      }) >= 3,
    );
    assert.ok(m.value(`${NS}_queue_depth`, { queue: 'project' }) >= 1);
    assert.ok(
      m.value(`${NS}_replication_lag_seconds`, { target: 'harbor-dr', resource_type: 'project' }) > 0,
    );
    assert.ok(m.sum('http_client_request_duration_seconds_count', { http_response_status_code: '503' }) >= 3);

    const res = await fetchJson<{ checks: Record<string, { status: string }[]> }>(`${app.url}/healthz`);
    assert.equal(res.status, 503);
    const body = res.body;
    assert.equal(body.checks['harbor-dr:api']?.[0]?.status, 'fail');
    assert.equal(body.checks['harbor-primary:api']?.[0]?.status, 'pass');
    const after = await waitFor('the health gauge to follow', async () => {
      const s = await scrape(app, AUTH_HEADER);
      return s.value('otelkit_health_status', { check: 'harbor-dr:api' }) === 0 ? s : undefined;
    });
    assert.equal(after.value('otelkit_health_status', { check: 'harbor-primary:api' }), 1);
  });

  it('passes promtool: the generated catalogue and the scenario rules, with their unit tests', () => {
    promtool('check', 'rules', join(dir.path, 'rules', 'otelkit-alerts.yml'), join(__dirname, 'rules.yml'));
    promtool('test', 'rules', join(dir.path, 'rules', 'otelkit-alerts.test.yml'));
    promtool('test', 'rules', join(__dirname, 'rules.test.yml'));
  });

  it("answers the write-up's dashboard questions with the generated dashboards' PromQL", async () => {
    const queries = dashboardQueries(dir.path, JOB);
    // sync success rate: below 1 now that the target is down
    const [rate] = await prom.waitForData(panel(queries, 'operations', 'Success rate')[0]!.expr);
    assert.ok(Number(rate!.value[1]) >= 0 && Number(rate!.value[1]) < 1, `success rate ${rate!.value[1]}`);
    // resource synchronization trends
    const items = await prom.waitForData(panel(queries, 'operations', 'Items processed')[0]!.expr);
    assert.deepEqual([...new Set(items.map((s) => s.metric.item_type))].sort(), TYPES);
    // error rates by type
    const errors = await prom.waitForData(panel(queries, 'operations', 'Errors by type')[0]!.expr);
    assert.ok(errors.some((s) => s.metric.error_type === 'HarborUnavailableError'));
    // performance: duration percentiles per operation, and Harbor API latency
    for (const q of panel(queries, 'operations', 'Duration p50 / p95 / p99')) {
      const series = await prom.waitForData(q.expr);
      assert.ok(series.some((s) => s.metric.operation === 'replicate' && Number(s.value[1]) > 0));
    }
    assert.ok((await prom.waitForData(panel(queries, 'http', 'Outbound p95')[0]!.expr)).length > 0);
    // queue depths
    const queues = await prom.waitForData(panel(queries, 'operations', 'Queue depth')[0]!.expr);
    assert.deepEqual(queues.map((s) => s.metric.queue).sort(), TYPES);
  });

  it('fires the sync-failure alert and puts the instance alert in pending', async () => {
    const wanted = ['OperationFailureRatioHigh', 'HarborInstanceUnreachable'];
    const alerts = await waitFor(
      'the outage alerts',
      async () => {
        const active = await prom.alerts();
        return wanted.every((name) => active.some((a) => a.labels.alertname === name)) ? active : undefined;
      },
      15_000,
    );
    const ratio = alerts.find((a) => a.labels.alertname === 'OperationFailureRatioHigh');
    assert.equal(ratio?.labels.job, JOB);
    assert.equal(ratio?.state, 'firing');
    const down = alerts.find((a) => a.labels.alertname === 'HarborInstanceUnreachable');
    assert.equal(down?.labels.check, 'harbor-dr:api');
    assert.equal(down?.state, 'pending'); // `for: 2m`
  });

  it('shuts down gracefully on SIGTERM with exit code 0', async () => {
    assert.equal(await app.stop('SIGTERM'), 0);
  });
});
