// Seed 001 (the conductor loop: file watcher, workers, retries, backpressure), checked as its operator
// would: the write-up's performance, latency, error, resource and business metrics under otelkit's
// names with exact values for a known batch of intent files, the JSON metrics with percentiles, the
// /health components, the alerts (promtool) and the dashboards' questions against a real Prometheus.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchJson } from '../../helpers/http';
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

const JOB = 'conductor-loop';
const NS = 'conductor_loop';
const SCOPE = 'job=~"$job",instance=~"$instance"';
/** The write-up's worker utilization, as a panel of the generated service dashboard. */
const UTILIZATION_PANEL = `Worker utilization=sum(${NS}_operations_active{${SCOPE},operation="process_file"}) / max(${NS}_workers_max{${SCOPE}})`;

interface HistogramPoint {
  attributes: Record<string, string>;
  count: number;
  sum: number;
  p50: number;
  p95: number;
  p99: number;
}

describe('scenario: conductor loop (seed 001)', () => {
  let app: ScenarioApp;
  let prom: PrometheusRun;
  const dir = tempDir('conductor');
  const watched = tempDir('conductor-watched');

  before(async () => {
    ({ app, prom } = await startScenario(dir.path, {
      script: join(__dirname, 'app.cjs'),
      job: JOB,
      namespace: NS,
      env: { CONDUCTOR_DIR: watched.path },
      flags: ['--alert-for', '0s', '--panel', UTILIZATION_PANEL],
      rules: join(__dirname, 'rules.yml'),
    }));
  });

  after(async () => {
    await stopScenario(dir, app, prom);
    watched.cleanup();
  });

  it('counts a batch of 40 intents exactly: processed, failed, validation failures, retries, timeouts', async () => {
    const m = await waitFor('the first batch to be processed', async () => {
      const s = await scrape(app);
      return s.value(`${NS}_items_total`, { item_type: 'status_file' }) === 40 ? s : undefined;
    });
    // files_processed_total / files_failed_total
    assert.equal(m.value(`${NS}_operations_total`, { operation: 'process_file', status: 'success' }), 28);
    assert.equal(m.value(`${NS}_operations_total`, { operation: 'process_file', status: 'failure' }), 12);
    // validation_failures_total and validation errors by type
    assert.equal(m.value(`${NS}_operations_total`, { operation: 'validate', status: 'failure' }), 8);
    assert.equal(m.value(`${NS}_errors_total`, { operation: 'validate', error_type: 'InvalidJsonError' }), 4);
    assert.equal(
      m.value(`${NS}_errors_total`, { operation: 'validate', error_type: 'MissingFieldError' }),
      4,
    );
    // processing errors by type, timeout_count_total, retry_attempts_total
    assert.equal(
      m.value(`${NS}_errors_total`, { operation: 'process_file', error_type: 'PorchCommandError' }),
      2,
    );
    assert.equal(m.value(`${NS}_errors_total`, { operation: 'process_file', error_type: 'TimeoutError' }), 2);
    assert.equal(
      m.value(`${NS}_errors_total`, { operation: 'porch_command', error_type: 'PorchCommandError' }),
      10,
    );
    assert.equal(m.value(`${NS}_retry_attempts_total`), 8);
    // processing_duration_total: the histogram's _sum, one observation per file
    assert.equal(m.sum(`${NS}_operation_duration_seconds_count`, { operation: 'process_file' }), 40);
    assert.ok(m.sum(`${NS}_operation_duration_seconds_sum`, { operation: 'process_file' }) > 0);

    // the operator's cross-check: the status files on disk agree with the counters
    const statuses = readdirSync(join(watched.path, 'status')).map(
      (f) => (JSON.parse(readFileSync(join(watched.path, 'status', f), 'utf8')) as { status: string }).status,
    );
    assert.equal(statuses.length, 40);
    assert.equal(statuses.filter((s) => s === 'success').length, 28);
    assert.equal(statuses.filter((s) => s === 'failed: TimeoutError').length, 2);
  });

  it('serves latency percentiles in /metrics/json (the ring buffer of the write-up)', async () => {
    const { body } = await fetchJson<{ metrics: { name: string; points: HistogramPoint[] }[] }>(
      `${app.url}/metrics/json`,
    );
    const duration = body.metrics.find((m) => m.name === `${NS}.operation.duration`);
    const point = duration?.points.find(
      (p) => p.attributes.operation === 'process_file' && p.attributes.status === 'success',
    );
    assert.ok(point, 'process_file success durations in /metrics/json');
    assert.equal(point.count, 28);
    assert.ok(point.p50 > 0 && point.p50 <= point.p95 && point.p95 <= point.p99, JSON.stringify(point));
    assert.ok(Math.abs(point.sum / point.count - 0.01) < 0.1, `average ${point.sum / point.count} s`);
  });

  it('reports resources: memory, file descriptors, workers and the size of the watched directory', async () => {
    const onDisk = () =>
      [watched.path, join(watched.path, 'status')]
        .flatMap((d) =>
          readdirSync(d, { withFileTypes: true })
            .filter((f) => f.isFile())
            .map((f) => statSync(join(d, f.name)).size),
        )
        .reduce((a, b) => a + b, 0);
    const m = await waitFor('the directory gauge to catch up', async () => {
      const s = await scrape(app);
      return s.value(`${NS}_directory_size_bytes`) === onDisk() ? s : undefined;
    });
    assert.ok(m.value(`${NS}_directory_size_bytes`) > 1000);
    assert.ok(m.value('process_memory_usage_bytes') > 10 * 1024 * 1024);
    assert.ok(m.sum('v8js_memory_heap_used_bytes') > 0);
    assert.ok(m.value('process_unix_file_descriptor_open') > 0);
    assert.equal(m.value(`${NS}_workers_max`), 4);
    assert.equal(m.value(`${NS}_operations_active`, { operation: 'process_file' }), 0);
    assert.equal(m.value(`${NS}_backpressure_events_total`), 0);
  });

  it("answers /health with the write-up's components", async () => {
    const res = await fetchJson<{ status: string; checks: Record<string, { status: string }[]> }>(
      `${app.url}/health`,
    );
    assert.equal(res.status, 200);
    const body = res.body;
    assert.equal(body.status, 'pass');
    assert.deepEqual(Object.keys(body.checks).sort(), [
      'file_manager',
      'fsnotify_watcher',
      'metrics',
      'state_manager',
      'worker_pool',
    ]);
  });

  it('shows backpressure when workers are slow: a full queue, every worker busy, a degraded pool', async () => {
    app.child.kill('SIGUSR2');
    // saturated: backpressure counted, the queue at its bound of 16 and all 4 workers busy at once
    await waitFor('a saturated loop', async () => {
      const s = await scrape(app);
      const saturated =
        s.value(`${NS}_backpressure_events_total`) > 0 &&
        s.value(`${NS}_queue_depth`, { queue: 'intake' }) === 16 &&
        s.value(`${NS}_operations_active`, { operation: 'process_file' }) === 4;
      return saturated ? s : undefined;
    });
    type Body = { status: string; checks: Record<string, { status: string; observedValue?: number }[]> };
    const body = await waitFor('the worker pool check to warn', async () => {
      const res = await fetchJson<Body>(`${app.url}/health`);
      assert.equal(res.status, 200, 'a warning keeps the service up');
      const b = res.body;
      return b.status === 'warn' ? b : undefined;
    });
    assert.equal(body.checks.worker_pool?.[0]?.status, 'warn');
    assert.equal(body.checks.worker_pool?.[0]?.observedValue, 100);
  });

  it('passes promtool: the generated catalogue and the scenario rules, with their unit tests', () => {
    promtool('check', 'rules', join(dir.path, 'rules', 'otelkit-alerts.yml'), join(__dirname, 'rules.yml'));
    promtool('test', 'rules', join(dir.path, 'rules', 'otelkit-alerts.test.yml'));
    promtool('test', 'rules', join(__dirname, 'rules.test.yml'));
  });

  it("answers the write-up's questions with the generated dashboards' PromQL and the scenario rules", async () => {
    const queries = dashboardQueries(dir.path, JOB);
    // throughput (files/second) and the latency percentiles
    const throughput = await prom.waitForData(panel(queries, 'operations', 'Throughput')[0]!.expr);
    assert.ok(throughput.some((s) => s.metric.operation === 'process_file' && s.metric.status === 'success'));
    for (const q of panel(queries, 'operations', 'Duration p50 / p95 / p99')) {
      assert.ok((await prom.waitForData(q.expr)).some((s) => s.metric.operation === 'process_file'));
    }
    // errors by type, active workers, queue depth, status file rate, memory
    const errors = await prom.waitForData(panel(queries, 'operations', 'Errors by type')[0]!.expr);
    assert.ok(errors.some((s) => s.metric.error_type === 'InvalidJsonError'));
    const busy = await prom.waitForData(`${panel(queries, 'operations', 'In flight')[0]!.expr} == 4`);
    assert.ok(busy.some((s) => s.metric.operation === 'process_file'));
    await prom.waitForData(`${panel(queries, 'operations', 'Queue depth')[0]!.expr} > 0`);
    const items = await prom.waitForData(panel(queries, 'operations', 'Items processed')[0]!.expr);
    assert.equal(items[0]?.metric.item_type, 'status_file');
    for (const q of panel(queries, 'runtime', 'Resident memory and external')) await prom.waitForData(q.expr);
    // worker utilization: the generated service panel, and the scenario rule's alert pending (`for: 5m`)
    await prom.waitForData(`(${panel(queries, 'service', 'Worker utilization')[0]!.expr}) > 0.9`);
    const pending = await waitFor('ConductorWorkerUtilizationHigh', async () =>
      (await prom.alerts()).find((a) => a.labels.alertname === 'ConductorWorkerUtilizationHigh'),
    );
    assert.equal(pending.state, 'pending');
    assert.equal(pending.labels.job, JOB);
  });
});
