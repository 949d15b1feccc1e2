import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { emptyResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  AggregationType,
  type DataPoint,
  DataPointType,
  type Histogram,
  type MeterProvider,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { WithExemplars } from '../../src/prometheus/exemplars';
import { serializeMetrics } from '../../src/prometheus/serializer';
import { collect, promtoolAvailable, promtoolCheck } from './helpers';

const prometheus = { format: 'prometheus' } as const;
const openmetrics = { format: 'openmetrics' } as const;

/** Every instrument kind, odd names, odd label values and two scopes: the scrape the promtool test checks. */
function recordEverything(provider: MeterProvider): void {
  const meter = provider.getMeter('otelkit-test', '1.2.3');
  meter
    .createCounter('ns.operations', { description: 'Operations run.' })
    .add(3, { operation: 'sync', status: 'success' });
  meter
    .createUpDownCounter('ns.operations.active', { description: 'Operations running.' })
    .add(2, { operation: 'sync' });
  meter.createGauge('ns.queue.depth').record(7, { queue: 'main' });
  const duration = meter.createHistogram('http.server.request.duration', {
    unit: 's',
    description: 'Request time.',
  });
  duration.record(0.02, { 'http.request.method': 'GET' });
  duration.record(7, { 'http.request.method': 'GET' });
  meter
    .createHistogram('payload.size', { unit: 'By', advice: { explicitBucketBoundaries: [100, 1000, 10000] } })
    .record(512);
  meter.createCounter('my-metric').add(1);
  meter.createGauge('0bad').record(1);
  meter.createCounter('odd.values').add(1, { quote: 'say "hi"', backslash: 'C:\\dir', newline: 'a\nb' });
  provider
    .getMeter('other-scope')
    .createCounter('ns.operations')
    .add(1, { operation: 'sync', status: 'failure' });
}

function captureWarnings(): { warnings: string[]; restore: () => void } {
  const warnings: string[] = [];
  const noop = () => {};
  const logger: DiagLogger = {
    error: noop,
    warn: (message: string) => warnings.push(message),
    info: noop,
    debug: noop,
    verbose: noop,
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  return { warnings, restore: () => diag.disable() };
}

describe('serializeMetrics (Prometheus text format)', () => {
  it('passes promtool check metrics with nothing reported', {
    skip: !promtoolAvailable() && 'no promtool',
  }, async () => {
    const text = serializeMetrics(await collect(recordEverything), prometheus);
    const result = promtoolCheck(text);
    assert.equal(result.output, '');
    assert.equal(result.status, 0);
  });

  it('writes a counter as counter with _total, scope labels and its description as HELP', async () => {
    const text = serializeMetrics(await collect(recordEverything), prometheus);
    assert.match(text, /^# HELP ns_operations_total Operations run\.\n# TYPE ns_operations_total counter\n/m);
    assert.match(
      text,
      /^ns_operations_total\{operation="sync",status="success",otel_scope_name="otelkit-test",otel_scope_version="1\.2\.3"\} 3$/m,
    );
  });

  it('writes one HELP/TYPE block for a name reported by two scopes', async () => {
    const text = serializeMetrics(await collect(recordEverything), prometheus);
    assert.equal(text.match(/^# TYPE ns_operations_total /gm)?.length, 1);
    assert.equal(text.match(/^# HELP ns_operations_total /gm)?.length, 1);
    assert.match(
      text,
      /^ns_operations_total\{operation="sync",status="failure",otel_scope_name="other-scope"\} 1$/m,
    );
  });

  it('writes up-down counters and gauges as gauge without _total', async () => {
    const text = serializeMetrics(await collect(recordEverything), prometheus);
    assert.match(text, /^# TYPE ns_operations_active gauge$/m);
    assert.match(
      text,
      /^ns_operations_active\{operation="sync",otel_scope_name="otelkit-test",otel_scope_version="1\.2\.3"\} 2$/m,
    );
    assert.match(text, /^# TYPE ns_queue_depth gauge$/m);
    assert.doesNotMatch(text, /_active_total|queue_depth_total/);
  });

  it('writes histograms with cumulative buckets incl. +Inf, _sum and _count, named with the unit', async () => {
    const text = serializeMetrics(await collect(recordEverything), prometheus);
    assert.match(text, /^# TYPE payload_size_bytes histogram$/m);
    const scope = 'otel_scope_name="otelkit-test",otel_scope_version="1.2.3"';
    const lines = text.split('\n').filter((l) => l.startsWith('payload_size_bytes'));
    assert.deepEqual(lines, [
      `payload_size_bytes_bucket{${scope},le="100"} 0`,
      `payload_size_bytes_bucket{${scope},le="1000"} 1`,
      `payload_size_bytes_bucket{${scope},le="10000"} 1`,
      `payload_size_bytes_bucket{${scope},le="+Inf"} 1`,
      `payload_size_bytes_sum{${scope}} 512`,
      `payload_size_bytes_count{${scope}} 1`,
    ]);
    assert.match(
      text,
      /^http_server_request_duration_seconds_bucket\{http_request_method="GET",.*le="0"\} 0$/m,
    );
    assert.match(
      text,
      /^http_server_request_duration_seconds_bucket\{http_request_method="GET",.*le="5"\} 1$/m,
    );
    assert.match(
      text,
      /^http_server_request_duration_seconds_bucket\{http_request_method="GET",.*le="10"\} 2$/m,
    );
    assert.match(text, /^http_server_request_duration_seconds_count\{http_request_method="GET",.*\} 2$/m);
  });

  it('falls back to a HELP sentence naming the instrument when the description is empty', async () => {
    const text = serializeMetrics(await collect(recordEverything), prometheus);
    assert.match(text, /^# HELP my_metric_total my-metric \(no description provided\)$/m);
  });

  it('sanitizes odd names', async () => {
    const text = serializeMetrics(await collect(recordEverything), prometheus);
    assert.match(text, /^# TYPE my_metric_total counter$/m);
    assert.match(text, /^# TYPE _0bad gauge$/m);
  });

  it('escapes backslashes, quotes and newlines in label values', async () => {
    const text = serializeMetrics(await collect(recordEverything), prometheus);
    assert.ok(
      text.includes('odd_values_total{quote="say \\"hi\\"",backslash="C:\\\\dir",newline="a\\nb",'),
      text.split('\n').find((l) => l.startsWith('odd_values_total')),
    );
  });

  it('escapes backslashes and newlines in HELP', async () => {
    const text = serializeMetrics(
      await collect((p) => p.getMeter('m').createCounter('c', { description: 'a\\b\nc "q"' }).add(1)),
      prometheus,
    );
    assert.match(text, /^# HELP c_total a\\\\b\\nc "q"$/m);
  });

  it('writes the resource attributes as a target_info gauge first', async () => {
    const resource = resourceFromAttributes({
      'service.name': 'svc',
      'service.version': '1.0',
      'host.cpus': 4,
    });
    const text = serializeMetrics(
      await collect((p) => p.getMeter('m').createCounter('c').add(1), { resource }),
      prometheus,
    );
    assert.ok(
      text.startsWith(
        '# HELP target_info Target metadata\n# TYPE target_info gauge\n' +
          'target_info{host_cpus="4",service_name="svc",service_version="1.0"} 1\n',
      ),
      text,
    );
  });

  it('omits target_info for an empty resource', async () => {
    const text = serializeMetrics(
      await collect((p) => p.getMeter('m').createCounter('c').add(1), { resource: emptyResource() }),
      prometheus,
    );
    assert.doesNotMatch(text, /target_info/);
  });

  it('merges attributes that map to the same label, values joined with ; in key order', async () => {
    const text = serializeMetrics(
      await collect((p) => p.getMeter('m').createCounter('c').add(1, { 'a.b': 'dot', a_b: 'underscore' })),
      prometheus,
    );
    assert.match(text, /^c_total\{a_b="dot;underscore",otel_scope_name="m"\} 1$/m);
  });

  it('formats infinities and NaN the Prometheus way', async () => {
    const text = serializeMetrics(
      await collect((p) => {
        const meter = p.getMeter('m');
        meter.createGauge('up').record(Number.POSITIVE_INFINITY, { k: 'a' });
        meter.createGauge('up').record(Number.NEGATIVE_INFINITY, { k: 'b' });
        meter.createGauge('up').record(Number.NaN, { k: 'c' });
      }),
      prometheus,
    );
    assert.match(text, /^up\{k="a",otel_scope_name="m"\} \+Inf$/m);
    assert.match(text, /^up\{k="b",otel_scope_name="m"\} -Inf$/m);
    assert.match(text, /^up\{k="c",otel_scope_name="m"\} NaN$/m);
  });

  it('converts exponential histograms to explicit buckets', {
    skip: !promtoolAvailable() && 'no promtool',
  }, async () => {
    const text = serializeMetrics(
      await collect(
        (p) => {
          const h = p.getMeter('m').createHistogram('latency', { unit: 's' });
          for (const v of [0.5, 1, 2, 3, 4]) h.record(v);
        },
        {
          views: [
            { instrumentName: 'latency', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } },
          ],
        },
      ),
      prometheus,
    );
    assert.match(text, /^# TYPE latency_seconds histogram$/m);
    assert.match(text, /^latency_seconds_bucket\{otel_scope_name="m",le="\+Inf"\} 5$/m);
    assert.match(text, /^latency_seconds_count\{otel_scope_name="m"\} 5$/m);
    const buckets = [...text.matchAll(/^latency_seconds_bucket\{.*le="([^"]+)"\} (\d+)$/gm)].map((m) => ({
      le: Number(m[1]),
      count: Number(m[2]),
    }));
    // Cumulative counts never decrease and every value lies at or below the bound that first counts it.
    for (let i = 1; i < buckets.length; i++) assert.ok(buckets[i]!.count >= buckets[i - 1]!.count);
    const countAt = (v: number) => buckets.find((b) => b.le >= v)!.count;
    assert.equal(countAt(1), 2);
    assert.equal(countAt(2), 3);
    assert.equal(promtoolCheck(text).output, '');
  });
});

function manualMetrics(metrics: ResourceMetrics['scopeMetrics'][number]['metrics']): ResourceMetrics {
  return { resource: emptyResource(), scopeMetrics: [{ scope: { name: 'manual' }, metrics }] };
}

const descriptor = (name: string, unit = '') => ({ name, unit, description: `${name} help`, valueType: 1 });
const time: [number, number] = [1_700_000_000, 250_000_000];

describe('serializeMetrics (dropping)', () => {
  it('drops a metric whose name is already used with another type, with one warning', () => {
    const { warnings, restore } = captureWarnings();
    try {
      const point = { attributes: {}, startTime: time, endTime: time, value: 1 };
      const data = manualMetrics([
        {
          descriptor: descriptor('clash'),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.GAUGE,
          dataPoints: [point],
        },
        {
          descriptor: descriptor('clash'),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.HISTOGRAM,
          dataPoints: [
            { ...point, value: { buckets: { boundaries: [1], counts: [1, 0] }, count: 1, sum: 1 } },
          ],
        },
      ]);
      const text = serializeMetrics(data, prometheus);
      serializeMetrics(data, prometheus);
      assert.equal(text, '# HELP clash clash help\n# TYPE clash gauge\nclash{otel_scope_name="manual"} 1\n');
      assert.equal(warnings.filter((w) => w.includes('"clash"')).length, 1);
    } finally {
      restore();
    }
  });

  it('drops delta-temporality metrics', () => {
    const { restore } = captureWarnings();
    try {
      const text = serializeMetrics(
        manualMetrics([
          {
            descriptor: descriptor('delta.sum'),
            aggregationTemporality: AggregationTemporality.DELTA,
            dataPointType: DataPointType.SUM,
            isMonotonic: true,
            dataPoints: [{ attributes: {}, startTime: time, endTime: time, value: 1 }],
          },
        ]),
        prometheus,
      );
      assert.equal(text, '');
    } finally {
      restore();
    }
  });
});

describe('serializeMetrics (OpenMetrics)', () => {
  it('names the counter family without _total, its samples with _total, and ends with # EOF', async () => {
    const text = serializeMetrics(await collect(recordEverything), openmetrics);
    assert.match(text, /^# TYPE ns_operations counter\n# HELP ns_operations Operations run\.\n/m);
    assert.match(text, /^ns_operations_total\{operation="sync",status="success",/m);
    assert.ok(text.endsWith('\n# EOF\n'));
    assert.equal(text.match(/^# TYPE ns_operations /gm)?.length, 1);
  });

  it('writes UNIT metadata when the name carries a unit, and canonical le bounds', async () => {
    const text = serializeMetrics(await collect(recordEverything), openmetrics);
    assert.match(text, /^# UNIT payload_size_bytes bytes$/m);
    assert.match(text, /^# UNIT http_server_request_duration_seconds seconds$/m);
    assert.match(text, /^payload_size_bytes_bucket\{.*le="1000\.0"\} 1$/m);
    assert.doesNotMatch(text, /^# UNIT ns_operations /m);
  });

  it('writes target_info as an info metric', async () => {
    const text = serializeMetrics(await collect(recordEverything), openmetrics);
    assert.ok(
      text.startsWith(
        '# TYPE target info\n# HELP target Target metadata\ntarget_info{service_name="test-service"} 1\n',
      ),
    );
  });

  it('escapes quotes in HELP', async () => {
    const text = serializeMetrics(
      await collect((p) => p.getMeter('m').createCounter('c', { description: 'say "hi"' }).add(1)),
      openmetrics,
    );
    assert.match(text, /^# HELP c say \\"hi\\"$/m);
  });

  it('writes exemplars on the bucket they fall in, carrying the highest lower one upwards', () => {
    const exemplar = (value: number, traceId: string) => ({
      value,
      traceId,
      spanId: '00f067aa0ba902b7',
      timestamp: time,
      filteredAttributes: { user: 'u1' },
    });
    const histogramPoint: DataPoint<Histogram> & WithExemplars = {
      attributes: {},
      startTime: time,
      endTime: time,
      value: { buckets: { boundaries: [0.1, 1, 10], counts: [2, 0, 1, 0] }, count: 3, sum: 5.1 },
      exemplars: [
        exemplar(0.05, '4bf92f3577b34da6a3ce929d0e0e4736'),
        exemplar(0.08, '4bf92f3577b34da6a3ce929d0e0e4737'),
        exemplar(5, '4bf92f3577b34da6a3ce929d0e0e4738'),
      ],
    };
    const text = serializeMetrics(
      manualMetrics([
        {
          descriptor: descriptor('work.duration', 's'),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.HISTOGRAM,
          dataPoints: [histogramPoint],
        },
      ]),
      openmetrics,
    );
    const ex = (v: string, t: string) =>
      ` # {trace_id="4bf92f3577b34da6a3ce929d0e0e473${t}",span_id="00f067aa0ba902b7",user="u1"} ${v} 1700000000.250`;
    const lines = text.split('\n').filter((l) => l.startsWith('work_duration_seconds_bucket'));
    assert.deepEqual(lines, [
      `work_duration_seconds_bucket{otel_scope_name="manual",le="0.1"} 2${ex('0.08', '7')}`,
      `work_duration_seconds_bucket{otel_scope_name="manual",le="1.0"} 2${ex('0.08', '7')}`,
      `work_duration_seconds_bucket{otel_scope_name="manual",le="10.0"} 3${ex('5', '8')}`,
      `work_duration_seconds_bucket{otel_scope_name="manual",le="+Inf"} 3${ex('5', '8')}`,
    ]);
  });

  it('writes no exemplars in the Prometheus text format', () => {
    const text = serializeMetrics(counterWithExemplar(), prometheus);
    assert.equal(
      text,
      '# HELP jobs_total jobs help\n# TYPE jobs_total counter\njobs_total{otel_scope_name="manual"} 4\n',
    );
  });

  it('writes the most recent exemplar on a counter sample', () => {
    const text = serializeMetrics(counterWithExemplar(), openmetrics);
    assert.match(
      text,
      /^jobs_total\{otel_scope_name="manual"\} 4 # \{trace_id="abc",span_id="def"\} 1 1700000000\.250$/m,
    );
  });
});

function counterWithExemplar(): ResourceMetrics {
  const point: DataPoint<number> & WithExemplars = {
    attributes: {},
    startTime: time,
    endTime: time,
    value: 4,
    exemplars: [
      { value: 3, traceId: 'old', spanId: 'old', timestamp: [1_600_000_000, 0], filteredAttributes: {} },
      { value: 1, traceId: 'abc', spanId: 'def', timestamp: time, filteredAttributes: {} },
    ],
  };
  return manualMetrics([
    {
      descriptor: descriptor('jobs'),
      aggregationTemporality: AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.SUM,
      isMonotonic: true,
      dataPoints: [point],
    },
  ]);
}
