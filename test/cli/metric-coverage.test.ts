// Every metric name the generated alert rules, recording rules, rule unit tests and dashboards select
// must be one the demo serves on /metrics, or one of the few documented below as coming from elsewhere:
// a rename in code then fails here instead of leaving a rule or a panel that never matches.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { OtlpReceiver } from '../../packages/core/test/helpers/otlp-receiver';
import { fetchText } from '../helpers/http';
import { promqlMetricNames } from '../helpers/promql';
import { DEMO_APP, demoMetricsPort, generateConfig, haveTools, ROOT, start, waitFor } from './tools';

/**
 * Names the generated files may select that no otelkit process serves, each with where it comes from.
 * Recording rules' own series (`record:` names) are found in the generated files and need no entry.
 */
export const FROM_ELSEWHERE: Readonly<Record<string, string>> = {
  up: 'written by Prometheus for every scrape target (1 when the scrape succeeded)',
};

interface RuleGroup {
  rules?: Array<{ expr?: string; record?: string }>;
}

/** Every PromQL expression in a Grafana dashboard: panel targets and templating queries. */
function dashboardExpressions(dashboard: unknown, out: string[]): void {
  if (Array.isArray(dashboard)) {
    for (const item of dashboard) dashboardExpressions(item, out);
    return;
  }
  if (typeof dashboard !== 'object' || dashboard === null) return;
  const record = dashboard as Record<string, unknown>;
  if (typeof record.expr === 'string') out.push(record.expr);
  if (typeof record.definition === 'string') out.push(record.definition);
  if (typeof record.query === 'string' && record.type === 'query') out.push(record.query);
  for (const value of Object.values(record)) dashboardExpressions(value, out);
}

/** What the generated files reference: the PromQL expressions, the series of rule tests, recorded names. */
function generatedReferences(dir: string) {
  const expressions: string[] = [];
  const testSeries: string[] = [];
  const recorded = new Set<string>();
  const groups = (list: RuleGroup[] | undefined) => {
    for (const rule of (list ?? []).flatMap((g) => g.rules ?? [])) {
      if (rule.expr !== undefined) expressions.push(String(rule.expr));
      if (rule.record !== undefined) recorded.add(rule.record);
    }
  };
  for (const file of readdirSync(join(dir, 'rules'))) {
    const doc = parse(readFileSync(join(dir, 'rules', file), 'utf8')) as {
      groups?: RuleGroup[];
      tests?: Array<{ input_series?: Array<{ series: string }> }>;
    };
    groups(doc.groups);
    for (const series of (doc.tests ?? []).flatMap((t) => t.input_series ?? [])) {
      testSeries.push(series.series.replace(/\{.*$/s, ''));
    }
  }
  for (const file of readdirSync(join(dir, 'grafana', 'dashboards'))) {
    dashboardExpressions(
      JSON.parse(readFileSync(join(dir, 'grafana', 'dashboards', file), 'utf8')),
      expressions,
    );
  }
  const rule = parse(readFileSync(join(dir, 'k8s', 'prometheusrule.yaml'), 'utf8')) as {
    spec: { groups: RuleGroup[] };
  };
  groups(rule.spec.groups);
  for (const doc of readFileSync(join(dir, 'k8s', 'grafana-dashboards.yaml'), 'utf8').split(/^---$/m)) {
    const map = parse(doc) as { data?: Record<string, string> } | null;
    for (const json of Object.values(map?.data ?? {})) dashboardExpressions(JSON.parse(json), expressions);
  }
  return { expressions, testSeries, recorded };
}

/** The sample names of a Prometheus text exposition. */
function sampleNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    names.add(line.replace(/[{ ].*$/s, ''));
  }
  return names;
}

describe('generated rules and dashboards select what /metrics serves', () => {
  // A real OTLP receiver, so the demo's push exporters succeed and report otelkit_exporter_* metrics.
  const receiver = new OtlpReceiver();
  let app: ReturnType<typeof start> | undefined;
  let dir: string | undefined;
  let metricsUrl = '';

  before(async () => {
    assert.ok(haveTools(), 'prometheus, promtool and the built CLI must be present (npm run build)');
    const otlp = await receiver.start();
    app = start(process.execPath, [DEMO_APP], {
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_METRICS_EXPORTER: 'prometheus,otlp',
      OTEL_METRIC_EXPORT_INTERVAL: '500',
      OTELKIT_HOST: '127.0.0.1',
      OTELKIT_PORT: '0',
      DEMO_HTTP_PORT: '0',
      DEMO_CYCLE_MS: '100',
      DEMO_LOG_LEVEL: 'error',
    });
    metricsUrl = `http://127.0.0.1:${await demoMetricsPort(app)}/metrics`;
    const generated = generateConfig('metric-coverage', [
      '--kubernetes',
      '--slo',
      join(ROOT, 'test', 'cli', 'fixtures', 'slo-objectives.yml'),
    ]);
    dir = generated.dir;
    assert.equal(generated.code, 0, generated.stderr);
  });

  after(async () => {
    await app?.stop();
    await receiver.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds every referenced metric name on the demo, in a recorded series, or in the documented list', async () => {
    const { expressions, testSeries, recorded } = generatedReferences(dir!);
    assert.ok(expressions.length > 50, `expressions found: ${expressions.length}`);
    const referenced = new Set([...expressions.flatMap(promqlMetricNames), ...testSeries]);
    const wanted = [...referenced].filter((name) => !recorded.has(name) && !(name in FROM_ELSEWHERE));
    // The demo needs a few cycles before every instrument has a series (breakers, GC, HTTP client).
    let missing: string[] = wanted;
    await waitFor(
      'every referenced metric on the demo',
      async () => {
        const served = sampleNames((await fetchText(metricsUrl)).body);
        missing = wanted.filter((name) => !served.has(name));
        return missing.length === 0 ? true : undefined;
      },
      20_000,
      500,
    ).catch(() => {});
    assert.deepEqual(missing, [], `referenced by generated rules or dashboards but not on /metrics`);
  });

  it('lists nothing as coming from elsewhere that the generated files do not reference', () => {
    const { expressions, testSeries } = generatedReferences(dir!);
    const referenced = new Set([...expressions.flatMap(promqlMetricNames), ...testSeries]);
    assert.deepEqual(
      Object.keys(FROM_ELSEWHERE).filter((name) => !referenced.has(name)),
      [],
    );
  });
});

describe('promqlMetricNames', () => {
  it('finds selected names, not functions, keywords, label lists, strings or Grafana variables', () => {
    assert.deepEqual(
      promqlMetricNames(
        'histogram_quantile(0.95, sum by (operation, le) (rate(a_seconds_bucket{job=~"$job",x="y z"}[$__rate_interval]))) > 5 unless on (job) group_left(instance) b offset 1h',
      ),
      ['a_seconds_bucket', 'b'],
    );
    assert.deepEqual(promqlMetricNames('count(max without (x) (c == 1)) or vector(0) / ns:rec:rate5m'), [
      'c',
      'ns:rec:rate5m',
    ]);
    assert.deepEqual(promqlMetricNames('label_values(up{job=~"$job"}, instance)'), ['up']);
  });
});
