import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  type DataPoint,
  DataPointType,
  type Histogram,
} from '@opentelemetry/sdk-metrics';
import { contentTypeFor, negotiateFormat } from '../../src/prometheus/content-type';
import type { WithExemplars } from '../../src/prometheus/exemplars';
import { serializeMetrics } from '../../src/prometheus/serializer';

const PROMETHEUS = '/usr/bin/prometheus';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** A resource, one histogram with an exemplar and one counter, as a scrape serves them. */
function body(accept: string | undefined): { type: string; text: string } {
  const now: [number, number] = [Math.floor(Date.now() / 1000), 0];
  const point: DataPoint<Histogram> & WithExemplars = {
    attributes: { route: '/orders' },
    startTime: now,
    endTime: now,
    value: { buckets: { boundaries: [0.1, 1], counts: [1, 1, 0] }, count: 2, sum: 0.55, min: 0.05, max: 0.5 },
    exemplars: [
      { value: 0.5, traceId: TRACE_ID, spanId: '00f067aa0ba902b7', timestamp: now, filteredAttributes: {} },
    ],
  };
  const format = negotiateFormat(accept);
  const text = serializeMetrics(
    {
      resource: resourceFromAttributes({ 'service.name': 'checkout', 'service.version': '1.4.0' }),
      scopeMetrics: [
        {
          scope: { name: 'real-prometheus-test', version: '1.0.0' },
          metrics: [
            {
              descriptor: {
                name: 'http.server.request.duration',
                unit: 's',
                description: 'Latency.',
                valueType: 1,
              },
              aggregationTemporality: AggregationTemporality.CUMULATIVE,
              dataPointType: DataPointType.HISTOGRAM,
              dataPoints: [point],
            },
            {
              descriptor: { name: 'jobs', unit: '', description: 'Jobs "done".', valueType: 1 },
              aggregationTemporality: AggregationTemporality.CUMULATIVE,
              dataPointType: DataPointType.SUM,
              isMonotonic: true,
              dataPoints: [{ attributes: { queue: 'a\\b "c"' }, startTime: now, endTime: now, value: 3 }],
            },
          ],
        },
      ],
    },
    { format },
  );
  return { type: contentTypeFor(format), text };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function getJson(url: string): Promise<{ data: unknown }> {
  const response = await fetch(url);
  return (await response.json()) as { data: unknown };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}: ${String(lastError ?? '')}`);
}

describe('serializeMetrics scraped by a real Prometheus', {
  skip: !existsSync(PROMETHEUS) && 'no prometheus',
}, () => {
  let app: Server;
  let prometheus: ChildProcess;
  let dir: string;
  let api: string;
  const accepts: string[] = [];

  before(async () => {
    app = createServer((req, res) => {
      accepts.push(req.headers.accept ?? '');
      const { type, text } = body(req.headers.accept);
      res.writeHead(200, { 'content-type': type });
      res.end(text);
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const appPort = (app.address() as AddressInfo).port;
    dir = mkdtempSync(join(tmpdir(), 'otelkit-prom-'));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: ['127.0.0.1:${appPort}']\n`,
    );
    const promPort = await freePort();
    api = `http://127.0.0.1:${promPort}`;
    prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
        '--enable-feature=exemplar-storage',
        '--log.level=error',
      ],
      { stdio: 'ignore' },
    );
  });

  after(async () => {
    prometheus?.kill('SIGKILL');
    await new Promise((resolve) => app?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('negotiates OpenMetrics, scrapes the target without error and stores the samples', async () => {
    const target = await until('a healthy scrape', async () => {
      const { data } = await getJson(`${api}/api/v1/targets`);
      const active = (data as { activeTargets: Array<{ health: string; lastError: string }> })
        .activeTargets[0];
      if (active === undefined || active.health === 'unknown') return undefined;
      return active;
    });
    assert.deepEqual({ health: target.health, lastError: target.lastError }, { health: 'up', lastError: '' });
    assert.ok(
      accepts.some((a) => negotiateFormat(a) === 'openmetrics'),
      accepts.join(' | '),
    );

    const { data } = await getJson(`${api}/api/v1/query?query=jobs_total`);
    const [sample] = (data as { result: Array<{ metric: Record<string, string>; value: [number, string] }> })
      .result;
    assert.equal(sample?.value[1], '3');
    assert.equal(sample?.metric.queue, 'a\\b "c"');
    assert.equal(sample?.metric.otel_scope_name, 'real-prometheus-test');
  });

  it('stores target_info with the resource attributes', async () => {
    const { data } = await getJson(`${api}/api/v1/query?query=target_info`);
    const [sample] = (data as { result: Array<{ metric: Record<string, string>; value: [number, string] }> })
      .result;
    assert.equal(sample?.value[1], '1');
    assert.equal(sample?.metric.service_name, 'checkout');
    assert.equal(sample?.metric.service_version, '1.4.0');
  });

  it('stores the exemplar written on the histogram bucket', async () => {
    const exemplars = await until('an exemplar', async () => {
      const now = Date.now() / 1000;
      const { data } = await getJson(
        `${api}/api/v1/query_exemplars?query=http_server_request_duration_seconds_bucket&start=${now - 60}&end=${now + 60}`,
      );
      const list = data as Array<{ exemplars: Array<{ labels: Record<string, string>; value: string }> }>;
      return list.length > 0 ? list : undefined;
    });
    const all = exemplars.flatMap((series) => series.exemplars);
    assert.ok(
      all.some((e) => e.labels.trace_id === TRACE_ID && e.value === '0.5'),
      JSON.stringify(all),
    );
  });
});
