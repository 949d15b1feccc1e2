import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COLLECTOR_CONTRIB_VERSION, collectorConfig } from '@otelkit/cli';
import { DEFAULTS } from '@otelkit/core/internal';
import { parse } from 'yaml';
import {
  type CollectorConfig,
  checkCollectorConfig,
  contribComponents,
  endpoints,
  portOf,
  withEnvDefaults,
} from './check-collector';

const DIR = join(__dirname, '..', '..', 'collector');
// The OTLP ports otelkit's exporters use by default (OpenTelemetry specification: http/protobuf on 4318).
const OTLP_HTTP = 4318;
const OTLP_GRPC = 4317;
// Scrapers of the hostmetrics receiver in otelcol-contrib 0.136.0 (receiver/hostmetricsreceiver README).
const HOSTMETRICS_SCRAPERS = [
  'cpu',
  'disk',
  'load',
  'filesystem',
  'memory',
  'network',
  'paging',
  'processes',
  'process',
  'system',
];

function load(file: string): CollectorConfig {
  return parse(withEnvDefaults(readFileSync(join(DIR, file), 'utf8'))) as CollectorConfig;
}

describe('collector configs', () => {
  const files = {
    'agent.yaml': load('agent.yaml'),
    'gateway.yaml': load('gateway.yaml'),
    'generated otel-collector.yaml': collectorConfig({
      tracesOtlpEndpoint: 'jaeger:4317',
      remoteWriteUrl: 'http://prometheus:9090/api/v1/write',
    }) as CollectorConfig,
  };

  for (const [name, config] of Object.entries(files)) {
    it(`${name}: pipelines reference declared components that exist in otelcol-contrib`, () => {
      assert.deepEqual(checkCollectorConfig(config), []);
    });

    it(`${name}: receives OTLP on otelkit's default ports and leaves the app's metrics port free`, () => {
      const all = endpoints(config);
      assert.equal(portOf(all.get('receivers.otlp.protocols.http.endpoint')!), OTLP_HTTP);
      assert.equal(portOf(all.get('receivers.otlp.protocols.grpc.endpoint')!), OTLP_GRPC);
      for (const [path, endpoint] of all)
        assert.notEqual(portOf(endpoint), DEFAULTS.port, `${path} takes ${DEFAULTS.port}`);
    });
  }

  it('agent.yaml has traces, metrics and logs pipelines with memory_limiter, batch and resourcedetection', () => {
    const pipelines = files['agent.yaml'].service!.pipelines!;
    assert.deepEqual(Object.keys(pipelines).sort(), ['logs', 'metrics', 'traces']);
    for (const p of Object.values(pipelines)) {
      assert.deepEqual(p.processors, ['memory_limiter', 'resourcedetection', 'batch']);
    }
    assert.deepEqual(pipelines.traces!.exporters, ['otlp/traces', 'debug']);
    assert.ok(pipelines.metrics!.exporters!.includes('prometheusremotewrite'));
  });

  it('agent.yaml reads host metrics (cpu, memory, load, disk, network, filesystem) into the metrics pipeline only', () => {
    const agent = files['agent.yaml'] as CollectorConfig & {
      receivers: { hostmetrics: { collection_interval: string; scrapers: Record<string, unknown> } };
    };
    const pipelines = agent.service!.pipelines!;
    assert.deepEqual(pipelines.metrics!.receivers, ['otlp', 'hostmetrics']);
    assert.deepEqual(pipelines.traces!.receivers, ['otlp']);
    assert.deepEqual(pipelines.logs!.receivers, ['otlp']);
    const scrapers = Object.keys(agent.receivers.hostmetrics.scrapers).sort();
    assert.deepEqual(scrapers, ['cpu', 'disk', 'filesystem', 'load', 'memory', 'network']);
    for (const scraper of scrapers) assert.ok(HOSTMETRICS_SCRAPERS.includes(scraper), scraper);
    assert.equal(agent.receivers.hostmetrics.collection_interval, '30s');
    assert.ok(contribComponents().receivers.includes('hostmetrics'));
  });

  it('gateway.yaml routes by trace ID to the sampling receiver, which tail-samples whole traces', () => {
    const g = files['gateway.yaml'] as CollectorConfig & {
      exporters: { loadbalancing: { routing_key: string; resolver: { dns: { port: number } } } };
      receivers: { 'otlp/sampling': { protocols: { grpc: { endpoint: string } } } };
      processors: { tail_sampling: { policies: { type: string }[] } };
    };
    assert.equal(g.exporters.loadbalancing.routing_key, 'traceID');
    assert.equal(
      g.exporters.loadbalancing.resolver.dns.port,
      portOf(g.receivers['otlp/sampling'].protocols.grpc.endpoint),
    );
    const pipelines = g.service!.pipelines!;
    assert.deepEqual(pipelines['traces/route']!.exporters, ['loadbalancing']);
    assert.deepEqual(pipelines['traces/sample']!.receivers, ['otlp/sampling']);
    assert.ok(pipelines['traces/sample']!.processors!.includes('tail_sampling'));
    assert.deepEqual(g.processors.tail_sampling.policies.map((p) => p.type).sort(), [
      'latency',
      'probabilistic',
      'status_code',
    ]);
  });

  it('targets the contrib version the CLI pins in docker-compose.yml', () => {
    assert.equal(contribComponents().version, COLLECTOR_CONTRIB_VERSION);
    for (const file of ['agent.yaml', 'gateway.yaml']) {
      assert.match(
        readFileSync(join(DIR, file), 'utf8'),
        new RegExp(COLLECTOR_CONTRIB_VERSION.replaceAll('.', '\\.')),
      );
    }
  });

  it('the checker reports undeclared, unknown, unused and misordered components', () => {
    const bad = {
      receivers: { otlp: {} },
      processors: { batch: {}, memory_limiter: {}, madeup: {} },
      exporters: { debug: {}, otlphttp: {} },
      service: {
        pipelines: {
          traces: {
            receivers: ['otlp'],
            processors: ['batch', 'memory_limiter'],
            exporters: ['debug', 'jaeger'],
          },
        },
      },
    };
    const problems = checkCollectorConfig(bad);
    assert.ok(problems.includes('processors.madeup: not in otelcol-contrib 0.136.0'));
    assert.ok(problems.includes('pipeline traces: exporters jaeger is not declared'));
    assert.ok(problems.includes('exporters.otlphttp: declared but unused'));
    assert.ok(problems.includes('pipeline traces: memory_limiter must be the first processor'));
    assert.ok(problems.includes('pipeline traces: batch must be last'));
  });
});
