import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Histogram } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { createOperationMonitor, GuardedMeterProvider, isOtelkitError } from '@otelkit/core/internal';
import FakeTimers from '@sinonjs/fake-timers';
import { collectMetric, histogramValue, pointValue, testProvider } from '../helpers/reader';

function setup(spans = false) {
  const { provider, reader } = testProvider();
  const meter = new GuardedMeterProvider(provider, 2000).getMeter('m');
  const exporter = new InMemorySpanExporter();
  const tracer = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }).getTracer(
    't',
  );
  const monitor = createOperationMonitor({
    namespace: 'sync',
    meter,
    spans,
    tracer: spans ? tracer : undefined,
  });
  return { monitor, reader, exporter };
}

describe('createOperationMonitor', () => {
  it('counts a successful async operation with its duration and last-success time', async () => {
    const { monitor, reader } = setup();
    const before = Date.now() / 1000;
    const result = await monitor.track('cycle', { source: 'gh' }, async () => {
      await sleep(30);
      return 42;
    });
    assert.equal(result, 42);
    const attrs = { operation: 'cycle', source: 'gh' };
    assert.equal(
      pointValue(await collectMetric(reader, 'sync.operations'), { ...attrs, status: 'success' }),
      1,
    );
    assert.equal(
      pointValue(await collectMetric(reader, 'sync.operations'), { ...attrs, status: 'failure' }),
      0,
    );
    const duration = histogramValue(await collectMetric(reader, 'sync.operation.duration'), {
      ...attrs,
      status: 'success',
    }) as Histogram;
    assert.equal(duration.count, 1);
    assert.ok((duration.sum ?? 0) >= 0.025 && (duration.sum ?? 0) < 1, `duration ${duration.sum}s`);
    const last = pointValue(await collectMetric(reader, 'sync.last_success.timestamp'), attrs)!;
    assert.ok(last >= before && last <= Date.now() / 1000 + 1);
    assert.equal(pointValue(await collectMetric(reader, 'sync.operations.active'), attrs), 0);
  });

  it('shows the operation in flight while it runs', async () => {
    const { monitor, reader } = setup();
    let release!: () => void;
    const running = monitor.track('long', () => new Promise<void>((r) => (release = r)));
    assert.equal(pointValue(await collectMetric(reader, 'sync.operations.active'), { operation: 'long' }), 1);
    release();
    await running;
    assert.equal(pointValue(await collectMetric(reader, 'sync.operations.active'), { operation: 'long' }), 0);
  });

  it('counts a thrown error as a failure of its type and rethrows it', async () => {
    const { monitor, reader } = setup();
    assert.throws(
      () =>
        monitor.track('parse', () => {
          throw new TypeError('bad');
        }),
      TypeError,
    );
    await assert.rejects(
      monitor.track('fetch', async () => {
        throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
      }),
      /reset/,
    );
    const ops = await collectMetric(reader, 'sync.operations');
    assert.equal(pointValue(ops, { operation: 'parse', status: 'failure' }), 1);
    assert.equal(pointValue(ops, { operation: 'fetch', status: 'failure' }), 1);
    const errors = await collectMetric(reader, 'sync.errors');
    assert.equal(pointValue(errors, { operation: 'parse', 'error.type': 'TypeError' }), 1);
    assert.equal(pointValue(errors, { operation: 'fetch', 'error.type': 'ECONNRESET' }), 1);
  });

  it('records failure durations in seconds, for a thrown, a rejected and a begun operation', async () => {
    const { monitor, reader } = setup();
    const clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    try {
      assert.throws(() =>
        monitor.track('fetch', () => {
          clock.tick(125);
          throw new Error('sync');
        }),
      );
      const rejected = assert.rejects(
        monitor.track('fetch', async () => {
          await new Promise((resolve) => setTimeout(resolve, 250));
          throw new Error('async');
        }),
        /async/,
      );
      await clock.tickAsync(250);
      await rejected;
      const begun = monitor.begin('fetch');
      clock.tick(500);
      begun.fail(new Error('begun'));
    } finally {
      clock.uninstall();
    }
    const duration = histogramValue(await collectMetric(reader, 'sync.operation.duration'), {
      operation: 'fetch',
      status: 'failure',
    }) as Histogram;
    assert.equal(duration.count, 3);
    assert.ok(Math.abs((duration.sum ?? 0) - 0.875) < 1e-6, `sum ${duration.sum}s`);
  });

  it('leaves the last-success time alone when an operation fails, and sets none for one that never succeeded', async () => {
    const { monitor, reader } = setup();
    const clock = FakeTimers.install({ now: 1_700_000_000_000, toFake: ['Date', 'performance'] });
    try {
      monitor.track('cycle', () => 'ok');
      clock.tick(60_000);
      assert.throws(() =>
        monitor.track('cycle', () => {
          throw new Error('down');
        }),
      );
      monitor.begin('cycle').fail(new Error('down'));
      assert.throws(() =>
        monitor.track('never', () => {
          throw new Error('down');
        }),
      );
    } finally {
      clock.uninstall();
    }
    const last = await collectMetric(reader, 'sync.last_success.timestamp');
    assert.equal(pointValue(last, { operation: 'cycle' }), 1_700_000_000);
    assert.equal(pointValue(last, { operation: 'never' }), undefined);
  });

  it('returns synchronous results unchanged', () => {
    const { monitor } = setup();
    assert.equal(
      monitor.track('add', () => 1 + 1),
      2,
    );
  });

  it('records items, queue depth and standalone errors', async () => {
    const { monitor, reader } = setup();
    monitor.recordItems('sync', 'repo', 'created', 3);
    monitor.recordItems('sync', 'repo', 'created');
    monitor.recordItems('sync', 'repo', 'deleted', 2);
    monitor.setQueueDepth('pending', 10);
    monitor.setQueueDepth('pending', 4);
    monitor.recordError('sync', 'RateLimited');
    const items = await collectMetric(reader, 'sync.items');
    assert.equal(pointValue(items, { operation: 'sync', 'item.type': 'repo', 'item.action': 'created' }), 4);
    assert.equal(pointValue(items, { operation: 'sync', 'item.type': 'repo', 'item.action': 'deleted' }), 2);
    assert.equal(pointValue(await collectMetric(reader, 'sync.queue.depth'), { queue: 'pending' }), 4);
    assert.equal(
      pointValue(await collectMetric(reader, 'sync.errors'), {
        operation: 'sync',
        'error.type': 'RateLimited',
      }),
      1,
    );
  });

  it('puts extra attributes on items and standalone errors', async () => {
    const { monitor, reader } = setup();
    monitor.recordItems('sync', 'repo', 'created', 2, { source: 'github' });
    monitor.recordItems('sync', 'repo', 'created', 5, { source: 'gitlab' });
    monitor.recordItems('sync', 'repo', 'created', 1, { source: 'github' });
    monitor.recordError('sync', 'RateLimited', { source: 'github' });
    const items = await collectMetric(reader, 'sync.items');
    const created = { operation: 'sync', 'item.type': 'repo', 'item.action': 'created' };
    assert.equal(pointValue(items, { ...created, source: 'github' }), 3);
    assert.equal(pointValue(items, { ...created, source: 'gitlab' }), 5);
    const errors = await collectMetric(reader, 'sync.errors');
    assert.equal(pointValue(errors, { operation: 'sync', 'error.type': 'RateLimited', source: 'github' }), 1);
  });

  it('ends a begun operation once, as success or failure', async () => {
    const { monitor, reader } = setup();
    const a = monitor.begin('watch');
    a.succeed();
    a.fail(new Error('late'));
    monitor.begin('watch').fail(new RangeError('x'));
    const ops = await collectMetric(reader, 'sync.operations');
    assert.equal(pointValue(ops, { operation: 'watch', status: 'success' }), 1);
    assert.equal(pointValue(ops, { operation: 'watch', status: 'failure' }), 1);
  });

  it('offers namespaced instruments that bind', async () => {
    const { monitor, reader } = setup();
    monitor.counter('retries').bind({ source: 'a' }).add(2);
    assert.equal(pointValue(await collectMetric(reader, 'sync.retries'), { source: 'a' }), 2);
  });

  it('opens a span per tracked operation and marks failures on it', async () => {
    const { monitor, exporter } = setup(true);
    await monitor.track('ok', async () => {});
    await monitor
      .track('bad', async () => {
        throw new Error('boom');
      })
      .catch(() => {});
    const spans = exporter.getFinishedSpans();
    assert.deepEqual(
      spans.map((s) => s.name),
      ['ok', 'bad'],
    );
    assert.equal(spans[1]!.status.code, 2);
    assert.equal(spans[1]!.attributes['error.type'], 'Error');
    assert.equal(spans[1]!.events[0]?.name, 'exception');
  });

  it('refuses a namespace that cannot prefix a metric name', () => {
    for (const ns of ['', '1abc', 'a-b', 'a.b', 'x'.repeat(65)]) {
      assert.throws(
        () => createOperationMonitor({ namespace: ns }),
        (e: unknown) => isOtelkitError(e) && e.code === 'OTELKIT_ERR_INVALID_NAMESPACE',
      );
    }
  });
});
