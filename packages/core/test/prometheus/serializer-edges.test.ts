// The exposition a scraper reads at the edges of the data: exact text for hand-built collections (an
// `le` attribute, a +Inf boundary, counts above the last bound, no sum, no points), the metadata chosen
// when names meet (HELP across scopes, target_info) and one warning per dropped metric.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  type DataPoint,
  DataPointType,
  type Histogram,
  type MetricData,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import { captureWarnings } from '../../../../test/helpers/diag-warnings';
import type { WithExemplars } from '../../src/prometheus/exemplars';
import { serializeMetrics } from '../../src/prometheus/serializer';

const prometheus = { format: 'prometheus' } as const;
const openmetrics = { format: 'openmetrics' } as const;
const time: [number, number] = [1_700_000_000, 250_000_000];

function collection(metrics: MetricData[], resource = emptyResource()): ResourceMetrics {
  return { resource, scopeMetrics: [{ scope: { name: 'manual' }, metrics }] };
}

function histogram(name: string, point: Partial<DataPoint<Histogram>>): MetricData {
  return {
    descriptor: { name, unit: '', description: `${name} help`, valueType: 1 },
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.HISTOGRAM,
    dataPoints: [{ attributes: {}, startTime: time, endTime: time, ...point } as DataPoint<Histogram>],
  };
}

function sum(
  name: string,
  description: string,
  points: DataPoint<number>[],
  options: { monotonic?: boolean; temporality?: AggregationTemporality } = {},
): MetricData {
  return {
    descriptor: { name, unit: '', description, valueType: 1 },
    aggregationTemporality: options.temporality ?? AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.SUM,
    isMonotonic: options.monotonic ?? true,
    dataPoints: points,
  };
}

const point = (value: number, attributes = {}): DataPoint<number> => ({
  attributes,
  startTime: time,
  endTime: time,
  value,
});

describe('serializeMetrics (histogram edges)', () => {
  const _warnings = captureWarnings();
  it('never writes a data point attribute named le as a label: le is the bucket bound', () => {
    const text = serializeMetrics(
      collection([
        histogram('h', {
          attributes: { le: 'user', op: 'a' },
          value: { buckets: { boundaries: [1], counts: [1, 0] }, count: 1, sum: 0.5 },
        }),
      ]),
      prometheus,
    );
    assert.equal(
      text,
      '# HELP h h help\n# TYPE h histogram\n' +
        'h_bucket{op="a",otel_scope_name="manual",le="1"} 1\n' +
        'h_bucket{op="a",otel_scope_name="manual",le="+Inf"} 1\n' +
        'h_sum{op="a",otel_scope_name="manual"} 0.5\n' +
        'h_count{op="a",otel_scope_name="manual"} 1\n',
    );
  });

  it('writes one +Inf bucket when the boundaries end with Infinity, and counts above the last bound', () => {
    const withInf = serializeMetrics(
      collection([
        histogram('h', {
          value: { buckets: { boundaries: [1, Infinity], counts: [1, 2, 0] }, count: 3, sum: 9 },
        }),
      ]),
      prometheus,
    );
    const plain = serializeMetrics(
      collection([
        histogram('h', { value: { buckets: { boundaries: [1], counts: [1, 2] }, count: 3, sum: 9 } }),
      ]),
      prometheus,
    );
    const expected =
      '# HELP h h help\n# TYPE h histogram\n' +
      'h_bucket{otel_scope_name="manual",le="1"} 1\n' +
      'h_bucket{otel_scope_name="manual",le="+Inf"} 3\n' +
      'h_sum{otel_scope_name="manual"} 9\n' +
      'h_count{otel_scope_name="manual"} 3\n';
    assert.equal(withInf, expected);
    assert.equal(plain, expected);
  });

  it('writes no _sum line for a histogram without a sum', () => {
    const text = serializeMetrics(
      collection([histogram('h', { value: { buckets: { boundaries: [], counts: [2] }, count: 2 } })]),
      prometheus,
    );
    assert.equal(
      text,
      '# HELP h h help\n# TYPE h histogram\n' +
        'h_bucket{otel_scope_name="manual",le="+Inf"} 2\n' +
        'h_count{otel_scope_name="manual"} 2\n',
    );
  });
});

describe('serializeMetrics (families and metadata)', () => {
  const warnings = captureWarnings();
  it('writes nothing for a metric without data points', () => {
    assert.equal(serializeMetrics(collection([sum('idle', 'Idle.', [])]), prometheus), '');
    assert.equal(serializeMetrics(collection([sum('idle', 'Idle.', [])]), openmetrics), '# EOF\n');
  });

  it('takes HELP from the first scope that has a description, whatever the order', () => {
    const scopes = (first: string, second: string): ResourceMetrics => ({
      resource: emptyResource(),
      scopeMetrics: [
        { scope: { name: 'a' }, metrics: [sum('jobs', first, [point(1)])] },
        { scope: { name: 'b' }, metrics: [sum('jobs', second, [point(2)])] },
      ],
    });
    const help = (text: string) => text.split('\n').find((l) => l.startsWith('# HELP'));
    assert.equal(help(serializeMetrics(scopes('', 'Jobs run.'), prometheus)), '# HELP jobs_total Jobs run.');
    assert.equal(help(serializeMetrics(scopes('Jobs run.', ''), prometheus)), '# HELP jobs_total Jobs run.');
    assert.equal(help(serializeMetrics(scopes('First.', 'Second.'), prometheus)), '# HELP jobs_total First.');
  });

  it('writes exemplars on counters only, never on gauges, in OpenMetrics', () => {
    const withExemplar: DataPoint<number> & WithExemplars = {
      ...point(4),
      exemplars: [{ value: 1, traceId: 'abc', spanId: 'def', timestamp: time, filteredAttributes: {} }],
    };
    const text = serializeMetrics(
      collection([sum('active', 'Active.', [withExemplar], { monotonic: false })]),
      openmetrics,
    );
    assert.equal(
      text,
      '# TYPE active gauge\n# HELP active Active.\nactive{otel_scope_name="manual"} 4\n# EOF\n',
    );
  });

  it('drops a metric named target_info while the resource has attributes, with one warning', () => {
    const resource = resourceFromAttributes({ 'service.name': 'svc' });
    const text = serializeMetrics(
      collection([sum('target_info', 'Mine.', [point(1)], { monotonic: false })], resource),
      prometheus,
    );
    assert.equal(
      text,
      '# HELP target_info Target metadata\n# TYPE target_info gauge\ntarget_info{service_name="svc"} 1\n',
    );
    assert.deepEqual(warnings, ['otelkit: metric "target_info" clashes with target_info; not exported']);
    const alone = serializeMetrics(
      collection([sum('target_info', 'Mine.', [point(1)], { monotonic: false })]),
      prometheus,
    );
    assert.equal(
      alone,
      '# HELP target_info Mine.\n# TYPE target_info gauge\ntarget_info{otel_scope_name="manual"} 1\n',
    );
  });

  it('warns once for each delta metric it drops, naming it', () => {
    const delta = (name: string) => sum(name, '', [point(1)], { temporality: AggregationTemporality.DELTA });
    const data = collection([delta('edge.delta.one'), delta('edge.delta.two')]);
    assert.equal(serializeMetrics(data, prometheus), '');
    assert.equal(serializeMetrics(data, prometheus), '');
    assert.deepEqual(warnings, [
      'otelkit: metric "edge.delta.one" has delta temporality; not exported to Prometheus',
      'otelkit: metric "edge.delta.two" has delta temporality; not exported to Prometheus',
    ]);
  });

  it('warns once for each name dropped for a type clash, naming both types', () => {
    const gauge = (name: string): MetricData => ({
      descriptor: { name, unit: '', description: '', valueType: 1 },
      aggregationTemporality: AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.GAUGE,
      dataPoints: [point(1)],
    });
    const data = collection([
      sum('edge.clash.one', '', [point(1)], { monotonic: false }),
      histogram('edge.clash.one', { value: { buckets: { boundaries: [], counts: [1] }, count: 1, sum: 1 } }),
      gauge('edge.clash.two'),
      histogram('edge.clash.two', { value: { buckets: { boundaries: [], counts: [1] }, count: 1, sum: 1 } }),
    ]);
    serializeMetrics(data, prometheus);
    serializeMetrics(data, prometheus);
    assert.deepEqual(warnings, [
      'otelkit: metric "edge.clash.one" (histogram) dropped: Prometheus name "edge_clash_one" is already a gauge',
      'otelkit: metric "edge.clash.two" (histogram) dropped: Prometheus name "edge_clash_two" is already a gauge',
    ]);
  });
});
