// The Kubernetes resources of `generate-config --kubernetes`: every custom resource validates against
// the official CRD schema (copies in fixtures/crds, see its README), the PrometheusRule holds the file
// output's rule groups and passes promtool and the same unit tests, and the Deployment's probes and
// grace period match otelkit's routes and shutdown settings.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { generateConfig, PROMTOOL, ROOT, run } from './tools';

const CRDS = join(ROOT, 'test', 'cli', 'fixtures', 'crds');
const OBJECTIVES = join(ROOT, 'test', 'cli', 'fixtures', 'slo-objectives.yml');
type Json = Record<string, unknown>;

/**
 * Kubernetes prunes (or, with strict field validation, rejects) fields a structural schema does not
 * declare; JSON Schema allows them. So an object schema with `properties` and no
 * `additionalProperties` or `x-kubernetes-preserve-unknown-fields` is closed here, and a misspelt
 * field fails validation as it would fail `kubectl apply --validate=strict`.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, closed(v)]))
        : closed(value);
  }
  if (
    out.properties !== undefined &&
    out.additionalProperties === undefined &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  )
    out.additionalProperties = false;
  return out;
}

/** CRD patterns are Go (RE2) expressions; the one construct JavaScript lacks here is the `(?i)` flag. */
const goRegExp = Object.assign(
  (pattern: string, flags: string): RegExp =>
    pattern.includes('(?i)')
      ? new RegExp(pattern.replaceAll('(?i)', ''), `${flags}i`)
      : new RegExp(pattern, flags),
  { code: 'goRegExp' },
);

function validator(): (manifest: Json) => string[] {
  // Unknown keywords and formats are errors, except the Kubernetes extensions declared here; strictTypes
  // is off because int-or-string fields put `pattern` beside an `anyOf` of integer and string.
  const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true, code: { regExp: goRegExp } });
  ajv.addVocabulary([
    'x-kubernetes-int-or-string',
    'x-kubernetes-list-map-keys',
    'x-kubernetes-list-type',
    'x-kubernetes-map-type',
    'x-kubernetes-preserve-unknown-fields',
  ]);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const byKind = new Map<string, ValidateFunction>();
  for (const sub of readdirSync(CRDS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(CRDS, sub.name))) {
      const crd = parse(readFileSync(join(CRDS, sub.name, file), 'utf8')) as {
        spec: {
          group: string;
          names: { kind: string };
          versions: { name: string; served: boolean; schema: { openAPIV3Schema: Json } }[];
        };
      };
      for (const version of crd.spec.versions.filter((v) => v.served))
        byKind.set(
          `${crd.spec.group}/${version.name} ${crd.spec.names.kind}`,
          ajv.compile(closed(version.schema.openAPIV3Schema) as Json),
        );
    }
  }
  assert.equal(byKind.size, 4, 'four CRDs loaded');
  return (manifest) => {
    const validate = byKind.get(`${manifest.apiVersion} ${manifest.kind}`);
    if (validate === undefined) return [`no CRD for ${manifest.apiVersion} ${manifest.kind}`];
    return validate(manifest)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  };
}

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function generate(extra: readonly string[]): string {
  const r = generateConfig('k8s', ['--kubernetes', ...extra]);
  dirs.push(r.dir);
  assert.equal(r.code, 0, r.stderr);
  return r.dir;
}

function manifests(dir: string): Json[] {
  return readdirSync(join(dir, 'k8s'))
    .filter((f) => f !== 'kustomization.yaml')
    .sort()
    .flatMap((f) =>
      parseAllDocuments(readFileSync(join(dir, 'k8s', f), 'utf8')).map((d) => d.toJS() as Json),
    );
}

function ofKind(list: readonly Json[], kind: string): Json[] {
  return list.filter((m) => m.kind === kind);
}

const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  default: [],
  'basic auth, TLS, namespace, labels and objectives': [
    '--k8s-auth',
    'basic',
    '--k8s-auth-secret',
    'otelkit-scrape',
    '--k8s-tls-secret',
    'sync-tls',
    '--k8s-namespace',
    'payments',
    '--k8s-label',
    'release=kube-prometheus-stack',
    '--slo',
    OBJECTIVES,
    '--operation-labels',
    'source',
  ],
  'bearer auth': [
    '--k8s-auth',
    'bearer',
    '--k8s-auth-secret',
    'otelkit-token',
    '--panel',
    'Queue=sum(sync_queue_depth)',
  ],
};

describe('generate-config --kubernetes', () => {
  const validate = validator();

  it('rejects a resource with a misspelt field or a wrong type (the validator can fail)', () => {
    const dir = generate([]);
    const [monitor] = ofKind(manifests(dir), 'ServiceMonitor');
    const spec = monitor!.spec as { endpoints: Json[] };
    const typo = structuredClone(monitor!) as { spec: { endpoints: Json[] } };
    typo.spec.endpoints[0]!.tlsConfg = { insecureSkipVerify: true };
    assert.match(
      validate(typo as unknown as Json).join('\n'),
      /must NOT have additional properties.*tlsConfg/,
    );
    const wrongType = structuredClone(monitor!) as { spec: { endpoints: Json[] } };
    wrongType.spec.endpoints[0]!.scheme = 'ftp';
    assert.match(
      validate(wrongType as unknown as Json).join('\n'),
      /scheme must be equal to one of the allowed values/,
    );
    assert.deepEqual(validate({ ...monitor!, spec: { ...spec } }), []);
  });

  for (const [name, args] of Object.entries(VARIANTS)) {
    it(`writes custom resources that validate against their CRD schemas (${name})`, () => {
      const all = manifests(generate(args));
      const custom = all.filter((m) => String(m.apiVersion).includes('.'));
      assert.deepEqual(custom.map((m) => m.kind).sort(), [
        'Instrumentation',
        'PodMonitor',
        'PrometheusRule',
        'ServiceMonitor',
      ]);
      for (const m of custom) assert.deepEqual(validate(m), [], `${m.kind}`);
    });
  }

  it('maps auth and TLS to Secret references in both monitors and the Deployment', () => {
    const all = manifests(generate(VARIANTS['basic auth, TLS, namespace, labels and objectives']!));
    for (const kind of ['ServiceMonitor', 'PodMonitor']) {
      const m = ofKind(all, kind)[0]! as { metadata: Json; spec: Json };
      const endpoint = ((m.spec.endpoints ?? m.spec.podMetricsEndpoints) as Json[])[0]!;
      assert.equal(endpoint.scheme, 'https');
      assert.deepEqual(endpoint.basicAuth, {
        username: { name: 'otelkit-scrape', key: 'username' },
        password: { name: 'otelkit-scrape', key: 'password' },
      });
      assert.deepEqual(endpoint.tlsConfig, {
        ca: { secret: { name: 'sync-tls', key: 'ca.crt' } },
        serverName: 'sync-service.payments.svc',
      });
      assert.equal(m.metadata.namespace, 'payments');
      assert.equal((m.metadata.labels as Json).release, 'kube-prometheus-stack');
    }
    const container = (
      ofKind(all, 'Deployment')[0] as { spec: { template: { spec: { containers: Json[] } } } }
    ).spec.template.spec.containers[0]! as { env: Json[]; readinessProbe: { httpGet: Json } };
    assert.deepEqual(
      container.env.filter(
        (e) => String(e.name).startsWith('OTELKIT_AUTH') || String(e.name).startsWith('OTELKIT_TLS'),
      ),
      [
        {
          name: 'OTELKIT_AUTH_USERNAME',
          valueFrom: { secretKeyRef: { name: 'otelkit-scrape', key: 'username' } },
        },
        {
          name: 'OTELKIT_AUTH_PASSWORD',
          valueFrom: { secretKeyRef: { name: 'otelkit-scrape', key: 'password' } },
        },
        { name: 'OTELKIT_TLS_CERT_FILE', value: '/var/run/otelkit/tls/tls.crt' },
        { name: 'OTELKIT_TLS_KEY_FILE', value: '/var/run/otelkit/tls/tls.key' },
      ],
    );
    assert.equal(container.readinessProbe.httpGet.scheme, 'HTTPS');
    const bearer = ofKind(manifests(generate(VARIANTS['bearer auth']!)), 'ServiceMonitor')[0] as {
      spec: { endpoints: Json[] };
    };
    assert.deepEqual(bearer.spec.endpoints[0]!.authorization, {
      type: 'Bearer',
      credentials: { name: 'otelkit-token', key: 'token' },
    });
  });

  it('puts the rule groups of the file output into the PrometheusRule, and they pass promtool and the same unit tests', () => {
    // One objective (test/cli/slo.test.ts runs all four kinds) and short baselines keep this quick.
    const dir = generate([
      '--objective',
      'kind=availability,metric=sync_operations_total,target=99.5',
      '--anomaly-window',
      '2h',
      '--anomaly-offset',
      '20m',
    ]);
    const rule = ofKind(manifests(dir), 'PrometheusRule')[0] as { spec: { groups: { name: string }[] } };
    const ruleFiles = readdirSync(join(dir, 'rules'))
      .filter((f) => !f.endsWith('.test.yml'))
      .map((f) => `rules/${f}`);
    const fromFiles = (
      parse(readFileSync(join(dir, 'prometheus.yml'), 'utf8')) as { rule_files: string[] }
    ).rule_files.flatMap(
      (f) => (parse(readFileSync(join(dir, f), 'utf8')) as { groups: { name: string }[] }).groups,
    );
    assert.equal(ruleFiles.length, 3);
    assert.deepEqual(rule.spec.groups, fromFiles);
    // Rebuild each rules file from the PrometheusRule's groups and run the generated tests against it.
    const rebuilt: string[] = [];
    for (const file of ruleFiles) {
      const names = (
        parse(readFileSync(join(dir, file), 'utf8')) as { groups: { name: string }[] }
      ).groups.map((g) => g.name);
      const target = file.replace('rules/', 'from-k8s-');
      writeFileSync(
        join(dir, target),
        stringify({ groups: rule.spec.groups.filter((g) => names.includes(g.name)) }),
      );
      rebuilt.push(target);
      for (const test of readdirSync(join(dir, 'rules')).filter((t) => t.endsWith('.test.yml'))) {
        const doc = parse(readFileSync(join(dir, 'rules', test), 'utf8')) as { rule_files: string[] };
        if (doc.rule_files[0] !== file.replace('rules/', '')) continue;
        writeFileSync(
          join(dir, `from-k8s-${test}`),
          stringify({ ...doc, rule_files: [target] }, { lineWidth: 0 }),
        );
      }
    }
    const check = run(PROMTOOL, ['check', 'rules', ...rebuilt], dir);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const tests = readdirSync(dir).filter((f) => f.startsWith('from-k8s-') && f.endsWith('.test.yml'));
    assert.equal(tests.length, 2 + 2);
    for (const test of tests) {
      const r = run(PROMTOOL, ['test', 'rules', test], dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
  });

  it('labels dashboards for the Grafana sidecar and carries alertmanager.yml and the collector config', () => {
    const dir = generate(['--slo', OBJECTIVES]);
    const all = manifests(dir);
    const maps = ofKind(all, 'ConfigMap') as { metadata: { labels: Json }; data: Record<string, string> }[];
    const boards = maps.filter((m) => m.metadata.labels.grafana_dashboard === '1');
    const files = readdirSync(join(dir, 'grafana', 'dashboards')).sort();
    assert.deepEqual(boards.flatMap((m) => Object.keys(m.data)).sort(), files);
    for (const m of boards)
      for (const [file, json] of Object.entries(m.data))
        assert.equal(json, readFileSync(join(dir, 'grafana', 'dashboards', file), 'utf8'));
    const secret = ofKind(all, 'Secret')[0] as { stringData: Record<string, string> };
    assert.deepEqual(
      parse(secret.stringData['alertmanager.yaml']!),
      parse(readFileSync(join(dir, 'alertmanager.yml'), 'utf8')),
    );
    const collector = maps.find((m) => 'config.yaml' in m.data)!;
    assert.deepEqual(Object.keys(parse(collector.data['config.yaml']!)), [
      'extensions',
      'receivers',
      'processors',
      'exporters',
      'service',
    ]);
  });

  it('gives the Deployment otelkit probes and a grace period covering OTELKIT_SHUTDOWN_*', () => {
    const pod = (dir: string) =>
      (
        ofKind(manifests(dir), 'Deployment')[0] as {
          spec: { template: { metadata: { annotations: Json }; spec: Json } };
        }
      ).spec.template;
    const template = pod(generate(['--shutdown-delay-ms', '10000', '--shutdown-timeout-ms', '2000']));
    const container = (template.spec.containers as Json[])[0] as Record<string, { httpGet: Json } | Json[]>;
    assert.equal((container.startupProbe as { httpGet: Json }).httpGet.path, '/livez');
    assert.equal((container.livenessProbe as { httpGet: Json }).httpGet.path, '/livez');
    assert.equal((container.readinessProbe as { httpGet: Json }).httpGet.path, '/readyz');
    // 10 s delay + 5 steps of 2 s + 1 s drain slack = 21 s, and 2 s to exit.
    assert.equal(template.spec.terminationGracePeriodSeconds, 23);
    const env = container.env as Json[];
    assert.deepEqual(
      env.filter((e) => String(e.name).startsWith('OTELKIT_SHUTDOWN')),
      [
        { name: 'OTELKIT_SHUTDOWN_DELAY_MS', value: '10000' },
        { name: 'OTELKIT_SHUTDOWN_TIMEOUT_MS', value: '2000' },
      ],
    );
    assert.equal(
      template.metadata.annotations['instrumentation.opentelemetry.io/inject-nodejs'],
      'sync-service-otelkit',
    );
    // Defaults: otelkit's own in a pod (5 s delay, 5 s per step) -> 31 s + 2 s.
    assert.equal(pod(generate([])).spec.terminationGracePeriodSeconds, 33);
  });
});
