import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourceFromAttributes } from '@opentelemetry/resources';
import FakeTimers from '@sinonjs/fake-timers';
import { toJsonSnapshot } from '../../src/snapshot/snapshot';
import type { HistogramPointSnapshot } from '../../src/snapshot/types';
import { collect } from '../prometheus/helpers';

describe('toJsonSnapshot', () => {
  it('describes every instrument with its OTel and Prometheus names, kind, unit, description and scope', async () => {
    const snapshot = toJsonSnapshot(
      await collect((p) => {
        const meter = p.getMeter('svc', '2.0.0');
        meter.createCounter('ns.operations', { description: 'Ops.' }).add(2, { operation: 'sync' });
        meter.createUpDownCounter('ns.operations.active').add(1);
        meter.createGauge('ns.queue.depth').record(4, { queue: 'q' });
        meter.createHistogram('ns.operation.duration', { unit: 's' }).record(0.2);
      }),
    );
    const summary = snapshot.metrics.map((m) => [m.name, m.prometheusName, m.type, m.unit, m.scope]);
    assert.deepEqual(summary, [
      ['ns.operations', 'ns_operations_total', 'counter', '', { name: 'svc', version: '2.0.0' }],
      [
        'ns.operations.active',
        'ns_operations_active',
        'updowncounter',
        '',
        { name: 'svc', version: '2.0.0' },
      ],
      ['ns.queue.depth', 'ns_queue_depth', 'gauge', '', { name: 'svc', version: '2.0.0' }],
      [
        'ns.operation.duration',
        'ns_operation_duration_seconds',
        'histogram',
        's',
        { name: 'svc', version: '2.0.0' },
      ],
    ]);
    assert.equal(snapshot.metrics[0]!.description, 'Ops.');
    assert.deepEqual(snapshot.metrics[0]!.points, [{ attributes: { operation: 'sync' }, value: 2 }]);
    assert.deepEqual(snapshot.metrics[2]!.points, [{ attributes: { queue: 'q' }, value: 4 }]);
  });

  it('gives histogram points count, sum, min, max, cumulative buckets and quantiles', async () => {
    const snapshot = toJsonSnapshot(
      await collect((p) => {
        const h = p
          .getMeter('m')
          .createHistogram('d', { unit: 's', advice: { explicitBucketBoundaries: [1, 2, 5] } });
        for (const v of [0.6, 0.9, 1.5, 1.5, 2, 3, 3, 4, 4, 8]) h.record(v, { route: '/' });
      }),
    );
    const point = snapshot.metrics[0]!.points[0] as HistogramPointSnapshot;
    assert.deepEqual(point.buckets, [
      { le: 1, count: 2 },
      { le: 2, count: 5 },
      { le: 5, count: 9 },
      { le: '+Inf', count: 10 },
    ]);
    assert.equal(point.count, 10);
    assert.ok(Math.abs(point.sum! - 28.5) < 1e-9);
    assert.equal(point.min, 0.6);
    assert.equal(point.max, 8);
    assert.equal(point.p50, 2);
    assert.equal(point.p95, 6.5);
    assert.ok(Math.abs(point.p99! - 7.7) < 1e-12);
    assert.deepEqual(point.attributes, { route: '/' });
  });

  it('omits the quantiles of an empty histogram from the JSON', () => {
    const json = JSON.parse(
      JSON.stringify(
        toJsonSnapshot({
          resource: resourceFromAttributes({}),
          scopeMetrics: [
            {
              scope: { name: 'm' },
              metrics: [
                {
                  descriptor: { name: 'h', unit: '', description: '', valueType: 1 },
                  aggregationTemporality: 1,
                  dataPointType: 0,
                  dataPoints: [
                    {
                      attributes: {},
                      startTime: [0, 0],
                      endTime: [0, 0],
                      value: { buckets: { boundaries: [1], counts: [0, 0] }, count: 0, sum: 0 },
                    },
                  ],
                },
              ],
            },
          ],
        }),
      ),
    );
    assert.deepEqual(json.metrics[0].points[0], {
      attributes: {},
      count: 0,
      sum: 0,
      buckets: [
        { le: 1, count: 0 },
        { le: '+Inf', count: 0 },
      ],
    });
  });

  it('includes the resource attributes, arrays as JSON text, and the time of the snapshot', async () => {
    const clock = FakeTimers.install({ now: Date.UTC(2026, 0, 2, 3, 4, 5), toFake: ['Date'] });
    try {
      const resourceMetrics = await collect(
        (p) =>
          p
            .getMeter('m')
            .createCounter('c')
            .add(1, { tags: ['a', 'b'] }),
        {
          resource: resourceFromAttributes({ 'service.name': 'svc', 'host.cpus': 4, debug: false }),
        },
      );
      const snapshot = toJsonSnapshot(resourceMetrics);
      assert.equal(snapshot.timestamp, '2026-01-02T03:04:05.000Z');
      assert.deepEqual(snapshot.resource, { 'service.name': 'svc', 'host.cpus': 4, debug: false });
      assert.deepEqual(snapshot.metrics[0]!.points[0]!.attributes, { tags: '["a","b"]' });
    } finally {
      clock.uninstall();
    }
  });
});
