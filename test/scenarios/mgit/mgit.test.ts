// Seed 002 (mgit: bulk git operations across providers), checked as its operator would: the
// write-up's metrics under otelkit's names, correlation IDs shared by log lines (also the providers'
// side, received through baggage) and spans, credentials masked in both, the Kubernetes probes and
// detailed health, the alert rules (promtool) and the dashboards' questions against a real Prometheus.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchJson, fetchText } from '../../helpers/http';
import { type OtlpReceiver, startOtlpReceiver } from '../../tracing/helpers/otlp-receiver';
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

const JOB = 'mgit';
const PROVIDERS = ['azure_devops', 'github', 'gitlab'];
const SECRETS = ['ghp_s3cr3tGithubToken', 'glpat-s3cr3tGitlabToken', 'azdo-s3cr3tPat'];

describe('scenario: mgit, multi-provider git (seed 002)', () => {
  let app: ScenarioApp;
  let prom: PrometheusRun;
  let receiver: OtlpReceiver;
  const dir = tempDir('mgit');

  before(async () => {
    receiver = await startOtlpReceiver();
    ({ app, prom } = await startScenario(dir.path, {
      script: join(__dirname, 'app.cjs'),
      job: JOB,
      namespace: 'mgit',
      env: {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`,
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
      flags: ['--alert-for', '0s', '--failure-ratio-warning', '0.1'],
      rules: join(__dirname, 'rules.yml'),
    }));
  });

  after(async () => {
    await Promise.all([stopScenario(dir, app, prom), receiver?.close()]);
  });

  it('counts operations by type and status, git operations, API requests and auth attempts by provider', async () => {
    // read between two bulk runs (nothing in flight), so the counts of one run are complete
    const m = await waitFor('five bulk runs', async () => {
      const s = await scrape(app);
      const done = s.sum('mgit_operations_total', { operation: 'auth', provider: 'gitlab' }) >= 5;
      return done && s.sum('mgit_operations_active') === 0 ? s : undefined;
    });
    assert.deepEqual(m.labelValues('mgit_operations_total', 'operation'), [
      'api_request',
      'auth',
      'git_clone',
      'git_pull',
    ]);
    for (const provider of PROVIDERS) {
      // mgit_auth_attempts_total
      const auths = m.value('mgit_operations_total', { operation: 'auth', provider, status: 'success' });
      assert.ok(auths >= 5);
      // mgit_api_requests_total{provider} (one listing per authenticated run)
      assert.equal(m.sum('mgit_operations_total', { operation: 'api_request', provider }), auths);
      // mgit_git_operations_total: three repositories cloned once, then pulled on every listing that succeeds
      assert.equal(
        m.value('mgit_operations_total', { operation: 'git_clone', provider, status: 'success' }),
        3,
      );
      const listed = m.value('mgit_operations_total', {
        operation: 'api_request',
        provider,
        status: 'success',
      });
      assert.equal(
        m.value('mgit_operations_total', { operation: 'git_pull', provider, status: 'success' }),
        3 * (listed - 1),
      );
      // mgit_git_clone_duration_seconds / mgit_api_request_duration_seconds
      assert.equal(
        m.value('mgit_operation_duration_seconds_count', {
          operation: 'git_clone',
          provider,
          status: 'success',
        }),
        3,
      );
      assert.ok(
        m.value('mgit_operation_duration_seconds_sum', {
          operation: 'api_request',
          provider,
          status: 'success',
        }) > 0,
      );
    }
    // GitHub rate-limits every 4th listing: a failure of type RateLimitError, and the remaining quota
    const listings = m.sum('mgit_operations_total', { operation: 'api_request', provider: 'github' });
    assert.equal(
      m.value('mgit_errors_total', { provider: 'github', error_type: 'RateLimitError' }),
      Math.floor(listings / 4),
    );
    assert.ok(m.value('mgit_api_rate_limit_remaining', { provider: 'gitlab' }) === 5000);
    // mgit_concurrent_operations (0 between runs) and mgit_health_overall
    assert.equal(m.sum('mgit_operations_active'), 0);
    assert.equal(m.value('otelkit_health_status', { check: 'overall', kind: 'readiness' }), 1);
  });

  it("puts one correlation ID per bulk run on every log line, the providers' lines included", () => {
    const lines = app.jsonLines().filter((l) => typeof l.msg === 'string');
    const runs = new Map<string, Record<string, unknown>[]>();
    for (const line of lines) {
      assert.equal(
        typeof line.correlation_id,
        'string',
        `log line without correlation_id: ${JSON.stringify(line)}`,
      );
      const id = line.correlation_id as string;
      runs.set(id, [...(runs.get(id) ?? []), line]);
    }
    const complete = [...runs.values()].find((run) => run.some((l) => l.msg === 'clone_all finished'));
    assert.ok(complete, 'a finished bulk run');
    assert.ok(complete.some((l) => l.msg === 'clone_all started'));
    assert.ok(complete.some((l) => l.name === 'provider-api' && l.provider === 'gitlab'));
    assert.ok(complete.some((l) => String(l.msg).startsWith('git_')));
    assert.ok(runs.size >= 5, `${runs.size} distinct correlation IDs`);
  });

  it('masks credentials in log lines', () => {
    const out = app.stdoutLines().join('\n');
    for (const secret of SECRETS) assert.ok(!out.includes(secret), `${secret} leaked to the logs`);
    const clone = app.jsonLines().find((l) => String(l.msg).startsWith('git_clone'));
    assert.equal(clone?.token, '[REDACTED]');
    assert.match(String(clone?.remote), /^https:\/\/\[REDACTED\]@github\.example|^https:\/\/\[REDACTED\]@/);
  });

  it('exports one trace per bulk run whose spans carry its correlation ID, with credentials masked', async () => {
    const spans = await receiver.waitFor((s) => s.some((span) => span.name === 'git_clone'));
    const root = spans.find((s) => s.name === 'clone_all' && s.attributes['correlation.id'] !== undefined)!;
    const id = root.attributes['correlation.id'];
    const inRun = spans.filter((s) => s.traceId === root.traceId);
    assert.ok(inRun.some((s) => s.name === 'auth'));
    for (const span of inRun)
      assert.equal(span.attributes['correlation.id'], id, `${span.name} has the run's correlation.id`);
    const logged = app.jsonLines().filter((l) => l.correlation_id === id);
    assert.ok(
      logged.length > 0 && logged.every((l) => l.trace_id === undefined || l.trace_id === root.traceId),
    );
    const transfer = spans.find((s) => s.name === 'git.transfer')!;
    assert.match(String(transfer.attributes['vcs.repository.url.full']), /\[REDACTED\]@/);
    const all = JSON.stringify(spans);
    for (const secret of SECRETS) assert.ok(!all.includes(secret), `${secret} leaked into a span`);
  });

  it('serves the Kubernetes probes, detailed health with the seven check categories, and JSON metrics', async () => {
    for (const path of ['/health/live', '/health/ready', '/health'])
      assert.equal((await fetchText(`${app.url}${path}`)).status, 200, path);
    const { body: detailed } = await fetchJson<{ checks: Record<string, unknown> }>(
      `${app.url}/health/detailed`,
    );
    const names = Object.keys(detailed.checks);
    for (const category of [
      'system:basics',
      'git:available',
      'disk:space',
      'memory:heap',
      'github:network',
      'github:endpoint',
      'github:auth',
    ])
      assert.ok(names.includes(category), `${category} in ${names.join(', ')}`);
    const { body: json } = await fetchJson<{ metrics: { name: string }[] }>(`${app.url}/metrics/json`);
    assert.ok(json.metrics.some((m) => m.name === 'mgit.operation.duration'));
  });

  it('reports a rejected token as failed auth, a failing auth check and a degraded (not failed) service', async () => {
    app.child.kill('SIGUSR2');
    const m = await waitFor('failed GitLab auth', async () => {
      const s = await scrape(app);
      return s.value('mgit_operations_total', { operation: 'auth', provider: 'gitlab', status: 'failure' }) >=
        2
        ? s
        : undefined;
    });
    assert.ok(
      m.value('mgit_errors_total', {
        operation: 'auth',
        provider: 'gitlab',
        error_type: 'AuthenticationError',
      }) >= 2,
    );
    const res = await fetchJson<{ status: string; checks: Record<string, { status: string }[]> }>(
      `${app.url}/health`,
    );
    assert.equal(res.status, 200);
    const body = res.body;
    assert.equal(body.status, 'warn');
    assert.equal(body.checks['gitlab:auth']?.[0]?.status, 'fail');
  });

  it('passes promtool: the generated catalogue and the scenario rules, with their unit tests', () => {
    promtool('check', 'rules', join(dir.path, 'rules', 'otelkit-alerts.yml'), join(__dirname, 'rules.yml'));
    promtool('test', 'rules', join(dir.path, 'rules', 'otelkit-alerts.test.yml'));
    promtool('test', 'rules', join(__dirname, 'rules.test.yml'));
  });

  it("answers the write-up's dashboard questions and fires its alerts against a real Prometheus", async () => {
    const queries = dashboardQueries(dir.path, JOB);
    // health status and percentage: GitLab rejects the token (previous test), so its non-critical
    // auth check fails and the service as a whole is degraded (0.5), not failed (0) nor healthy (1)
    const overallExpr = panel(queries, 'health', 'Overall health')[0]!.expr;
    const checksExpr = panel(queries, 'health', 'Checks (1 pass, 0.5 warn, 0 fail)')[0]!.expr;
    const seen: string[] = [];
    const { overall, auth } = await waitFor(
      'overall health 0.5 and gitlab:auth 0 in Prometheus',
      async () => {
        const [o] = await prom.waitForData(overallExpr);
        const checks = await prom.waitForData(checksExpr);
        const a = checks.find((s) => s.metric.check === 'gitlab:auth');
        seen.push(`${o?.value[1]}/${a?.value[1]}`);
        return o?.value[1] === '0.5' && a?.value[1] === '0' ? { overall: o, auth: a } : undefined;
      },
      20_000,
    ).catch((error: Error) =>
      assert.fail(`${error.message}; seen overall/auth: ${seen.slice(-5).join(', ')}`),
    );
    assert.equal(Number(overall.value[1]), 0.5);
    assert.equal(Number(auth.value[1]), 0);
    // operation rates and success, performance percentiles, concurrency
    const success = await prom.waitForData(
      panel(queries, 'operations', 'Success rate by operation')[0]!.expr,
    );
    assert.deepEqual(success.map((s) => s.metric.operation).sort(), [
      'api_request',
      'auth',
      'git_clone',
      'git_pull',
    ]);
    for (const q of panel(queries, 'operations', 'Duration p50 / p95 / p99')) await prom.waitForData(q.expr);
    await prom.waitForData(panel(queries, 'operations', 'In flight')[0]!.expr);
    // provider API analytics and rate limiting
    const errors = await prom.waitForData(panel(queries, 'operations', 'Errors by type')[0]!.expr);
    assert.ok(errors.some((s) => s.metric.error_type === 'RateLimitError'));
    assert.ok(errors.some((s) => s.metric.error_type === 'AuthenticationError'));

    const active = await waitFor(
      'MgitHighFailureRate (OperationFailureRatioHigh) and MgitRateLimitHit',
      async () => {
        const alerts = await prom.alerts();
        const ratio = alerts.find(
          (a) => a.labels.alertname === 'OperationFailureRatioHigh' && a.labels.operation === 'auth',
        );
        const limit = alerts.find((a) => a.labels.alertname === 'MgitRateLimitHit');
        return ratio && limit ? { ratio, limit } : undefined;
      },
    );
    assert.equal(active.ratio.state, 'firing');
    assert.equal(active.limit.labels.provider, 'github');
  });
});
