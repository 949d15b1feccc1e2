// Seed 004 (list sync jobs behind circuit breakers), checked as its operator would with Plex down:
// the write-up's sync, API, cache and service metrics under otelkit's names, breaker states, service
// health, correlation IDs in the failure logs, the default alert rules (catalogue + rules.yml, promtool,
// and live in Prometheus) and the Grafana queries of the write-up.
import assert from 'node:assert/strict';
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

const JOB = 'list-sync';
const NS = 'list_sync';
const SCOPE = 'job=~"$job",instance=~"$instance"';
const rate = (name: string) => `sum(rate(${NS}_${name}{${SCOPE}}[$__rate_interval]))`;
/** The write-up's cache hit rate, as a stat panel of the generated service dashboard. */
const CACHE_PANEL = `stat:Cache hit rate=${rate('cache_hits_total')} / (${rate('cache_hits_total')} + ${rate('cache_misses_total')})`;

describe('scenario: list sync with circuit breakers (seed 004)', () => {
  let app: ScenarioApp;
  let prom: PrometheusRun;
  const dir = tempDir('list-sync');

  before(async () => {
    ({ app, prom } = await startScenario(dir.path, {
      script: join(__dirname, 'app.cjs'),
      job: JOB,
      namespace: NS,
      env: { OTEL_TRACES_EXPORTER: 'none', LISTSYNC_DOWN: 'plex' },
      flags: [
        '--alert-for',
        '0s',
        '--consecutive-failures',
        '3',
        '--p95-seconds',
        '300',
        // per-source rules and panels: one failing list among healthy ones alerts on its own
        '--operation-labels',
        'source',
        '--panel',
        CACHE_PANEL,
      ],
      rules: join(__dirname, 'rules.yml'),
    }));
  });

  after(() => stopScenario(dir, app, prom));

  it('counts syncs per source, successful and failed, with durations and last success', async () => {
    const m = await waitFor('three runs and a TMDb rate-limit hit', async () => {
      const s = await scrape(app);
      const runs = s.select(`${NS}_operations_total`, { source: 'trakt', status: 'success' })[0]?.value ?? 0;
      const idle = s.sum(`${NS}_operations_active`) === 0; // between two runs: every count is complete
      const limited = s.value(`${NS}_api_rate_limit_hits_total`, { service: 'tmdb' }) >= 1;
      return limited && runs >= 3 && idle ? s : undefined;
    });
    for (const source of ['imdb', 'trakt']) {
      const ok = m.value(`${NS}_operations_total`, { operation: 'list_sync', source, status: 'success' });
      assert.ok(ok >= 3);
      assert.equal(
        m.value(`${NS}_operations_total`, { operation: 'list_sync', source, status: 'failure' }),
        0,
      );
      assert.equal(
        m.value(`${NS}_operation_duration_seconds_count`, {
          operation: 'list_sync',
          source,
          status: 'success',
        }),
        ok,
      );
      const last = m.value(`${NS}_last_success_timestamp_seconds`, { operation: 'list_sync', source });
      assert.ok(Date.now() / 1000 - last < 5);
    }
    const plexRuns = m.value(`${NS}_operations_total`, {
      operation: 'list_sync',
      source: 'plex',
      status: 'failure',
    });
    assert.equal(
      m.value(`${NS}_operations_total`, { operation: 'list_sync', source: 'plex', status: 'success' }),
      0,
    );
    assert.equal(
      m.select(`${NS}_last_success_timestamp_seconds`, { source: 'plex' }).length,
      0,
      'Plex never succeeded',
    );
    // the first two runs reached Plex and failed; then the breaker failed every run fast
    assert.equal(m.value(`${NS}_errors_total`, { source: 'plex', error_type: 'ServiceUnavailableError' }), 2);
    assert.equal(
      m.value(`${NS}_errors_total`, { source: 'plex', error_type: 'OTELKIT_ERR_CIRCUIT_OPEN' }),
      plexRuns - 2,
    );
    // items found / added / updated (record_sync_operation's counts)
    const sum = (labels: Record<string, string>) => m.sum(`${NS}_items_total`, labels);
    assert.equal(sum({ item_type: 'movie', item_action: 'found' }) % 4, 0);
    assert.ok(sum({ item_type: 'movie', item_action: 'added' }) >= 6);
    // per source (the write-up's items by source): Plex is down, so no sync of it ever counted items
    assert.equal(m.select(`${NS}_items_total`, { source: 'plex' }).length, 0);
    assert.ok(sum({ source: 'imdb', item_type: 'movie', item_action: 'found' }) > 0);
  });

  it('counts API requests, durations and failures per service through the breakers, and cache hits and misses', async () => {
    const m = await waitFor('a scrape between two runs', async () => {
      const s = await scrape(app);
      return s.sum(`${NS}_operations_active`) === 0 ? s : undefined;
    });
    const calls = (name: string, outcome: string) =>
      m.value('otelkit_circuit_breaker_calls_total', { name, outcome });
    assert.equal(
      calls('imdb', 'success'),
      m.value(`${NS}_operations_total`, { source: 'imdb', status: 'success' }),
    );
    assert.equal(calls('plex', 'failure'), 2);
    assert.ok(calls('plex', 'rejected') >= 1, 'calls rejected while open never reach Plex');
    // a TMDb 429 is a rate-limit hit, not a breaker failure: TMDb's breaker stays closed
    assert.ok(calls('tmdb', 'success') > 0);
    assert.equal(calls('tmdb', 'failure'), 0);
    assert.ok(
      m.value('otelkit_circuit_breaker_call_duration_seconds_count', { name: 'tmdb', outcome: 'success' }) >
        0,
    );
    const hits = m.value(`${NS}_cache_hits_total`, { type: 'movie_cache' });
    const misses = m.value(`${NS}_cache_misses_total`, { type: 'movie_cache' });
    assert.ok(hits > 0 && misses > 0);
    // every miss asked TMDb, through its breaker: answered (success, or a 429 that is not a failure)
    assert.equal(misses, calls('tmdb', 'success'));
  });

  it('shows the breaker states and per-service health: Plex open and down, the others closed and up', async () => {
    const m = await scrape(app);
    const state = (name: string, s: string) => m.value('otelkit_circuit_breaker_state', { name, state: s });
    assert.equal(state('plex', 'open'), 1);
    assert.equal(state('plex', 'closed'), 0);
    for (const name of ['imdb', 'tmdb', 'trakt']) assert.equal(state(name, 'closed'), 1);
    assert.equal(
      m.value('otelkit_circuit_breaker_transitions_total', { name: 'plex', from: 'closed', to: 'open' }),
      1,
    );
    const up = (check: string) => m.value('otelkit_health_status', { check });
    assert.equal(up('plex:api'), 0);
    assert.equal(up('plex:circuit'), 0.5);
    for (const service of ['imdb', 'tmdb', 'trakt']) assert.equal(up(`${service}:api`), 1);

    const res = await fetchJson<{ status: string; output: string }>(`${app.url}/healthz`);
    assert.equal(res.status, 200, 'a dependency being down degrades the job, it stays ready');
    const body = res.body;
    assert.equal(body.status, 'warn');
    assert.match(body.output, /plex:api fail/);
    assert.match(body.output, /circuit breaker 'plex' is open/);
  });

  it('logs each failed run with the correlation ID of its job', () => {
    const failures = app.jsonLines().filter((l) => l.msg === 'list sync failed');
    assert.ok(failures.length >= 3);
    const ids = new Set(failures.map((l) => l.correlation_id));
    assert.equal(ids.size, failures.length, 'one correlation ID per run');
    assert.ok(failures.every((l) => l.source === 'plex' && typeof l.correlation_id === 'string'));
    assert.ok(failures.slice(2).every((l) => l.failedFast === true));
  });

  it('passes promtool: the generated catalogue and the scenario rules, with their unit tests', () => {
    promtool('check', 'rules', join(dir.path, 'rules', 'otelkit-alerts.yml'), join(__dirname, 'rules.yml'));
    promtool('test', 'rules', join(dir.path, 'rules', 'otelkit-alerts.test.yml'));
    promtool('test', 'rules', join(__dirname, 'rules.test.yml'));
  });

  it("answers the write-up's Grafana queries against a real Prometheus", async () => {
    const queries = dashboardQueries(dir.path, JOB);
    // sync success rate per source (the generated panel, split by --operation-labels source)
    const successPanel = panel(queries, 'operations', 'Success rate by operation')[0]!.expr;
    assert.match(successPanel, /sum by \(operation, source\)/);
    const success = await waitFor('the success rate of every source', async () => {
      const r = await prom.query(successPanel);
      const of = (source: string) => r.find((s) => s.metric.source === source)?.value[1];
      return of('plex') !== undefined && of('imdb') !== undefined ? of : undefined;
    });
    assert.equal(success('plex'), '0');
    assert.equal(success('imdb'), '1');
    // average sync duration: the generated dashboards show percentiles
    for (const q of panel(queries, 'operations', 'Duration p50 / p95 / p99')) await prom.waitForData(q.expr);
    // service health overview and breaker states
    const checks = await prom.waitForData(
      panel(queries, 'health', 'Checks (1 pass, 0.5 warn, 0 fail)')[0]!.expr,
    );
    assert.equal(checks.find((s) => s.metric.check === 'plex:api')?.value[1], '0');
    const [open] = await prom.waitForData(panel(queries, 'circuit-breakers', 'Open breakers')[0]!.expr);
    assert.equal(open!.value[1], '1');
    const states = await prom.waitForData(panel(queries, 'circuit-breakers', 'State (1 = current)')[0]!.expr);
    assert.equal(states.find((s) => s.metric.name === 'plex')?.metric.state, 'open');
    // cache hit rate: the generated service dashboard's stat panel (--panel)
    const [hitRate] = await prom.waitForData(panel(queries, 'service', 'Cache hit rate')[0]!.expr);
    assert.ok(Number(hitRate!.value[1]) > 0 && Number(hitRate!.value[1]) < 1);
  });

  it('fires the default alerts: consecutive Plex failures, breaker open; service down pending', async () => {
    const alerts = await waitFor('the Plex alerts', async () => {
      const active = await prom.alerts();
      const find = (name: string) => active.find((a) => a.labels.alertname === name);
      const consecutive = find('OperationConsecutiveFailures');
      const breaker = find('CircuitBreakerOpen');
      const down = find('ListSyncServiceDown');
      return consecutive && breaker && down ? { consecutive, breaker, down } : undefined;
    });
    assert.equal(alerts.consecutive.labels.source, 'plex');
    assert.equal(alerts.consecutive.labels.operation, 'list_sync');
    assert.equal(alerts.consecutive.state, 'firing');
    const healthy = (await prom.alerts()).filter(
      (a) => a.labels.alertname === 'OperationConsecutiveFailures' && a.labels.source !== 'plex',
    );
    assert.deepEqual(healthy, [], 'IMDb, Trakt and TMDb keep succeeding');
    assert.equal(alerts.breaker.labels.name, 'plex');
    assert.equal(alerts.breaker.state, 'firing');
    assert.equal(alerts.down.labels.check, 'plex:api');
    assert.equal(alerts.down.state, 'pending'); // `for: 1m`
  });
});
