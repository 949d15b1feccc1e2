import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES, RUNTIME_PROMETHEUS_NAMES } from '../../src/runtime/names';
import { HAS_PROCFS, readMaxFds } from '../../src/runtime/proc';
import { type Collected, forceGc, pointValue, type RuntimeFixture, startFixture, sumOf } from './helpers';

type Kind = Collected['kind'];

// The semantic-convention table (semconv 1.45) plus otelkit's own names, as a user's backend sees them.
const EXPECTED: Record<string, [kind: Kind, unit: string, attributes: string[]]> = {
  'nodejs.eventloop.delay.min': ['gauge', 's', []],
  'nodejs.eventloop.delay.max': ['gauge', 's', []],
  'nodejs.eventloop.delay.mean': ['gauge', 's', []],
  'nodejs.eventloop.delay.stddev': ['gauge', 's', []],
  'nodejs.eventloop.delay.p50': ['gauge', 's', []],
  'nodejs.eventloop.delay.p90': ['gauge', 's', []],
  'nodejs.eventloop.delay.p99': ['gauge', 's', []],
  'nodejs.eventloop.utilization': ['gauge', '1', []],
  'nodejs.eventloop.time': ['counter', 's', ['nodejs.eventloop.state']],
  'v8js.memory.heap.used': ['updowncounter', 'By', ['v8js.heap.space.name']],
  'v8js.memory.heap.space.size': ['updowncounter', 'By', ['v8js.heap.space.name']],
  'v8js.memory.heap.space.available_size': ['updowncounter', 'By', ['v8js.heap.space.name']],
  'v8js.memory.heap.space.physical_size': ['updowncounter', 'By', ['v8js.heap.space.name']],
  'v8js.gc.duration': ['histogram', 's', ['v8js.gc.type']],
  'v8js.resource.active': ['gauge', '{resource}', ['v8js.resource.type']],
  'nodejs.memory.heap.limit': ['updowncounter', 'By', []],
  'nodejs.memory.external': ['updowncounter', 'By', []],
  'nodejs.version_info': ['gauge', '', ['nodejs.version']],
  'process.cpu.time': ['counter', 's', ['cpu.mode']],
  'process.memory.usage': ['updowncounter', 'By', []],
  'process.uptime': ['gauge', 's', []],
  'process.start_time': ['gauge', 's', []],
  ...(HAS_PROCFS
    ? {
        'process.unix.file_descriptor.open': ['updowncounter', '{file_descriptor}', []],
        'process.unix.file_descriptor.limit': ['updowncounter', '{file_descriptor}', []],
      }
    : {}),
};

describe("startRuntimeMetrics naming: 'otel' (default)", () => {
  let fixture: RuntimeFixture;
  let metrics: Map<string, Collected>;

  before(async () => {
    fixture = startFixture();
    await forceGc();
    await sleep(30); // a few 10 ms event loop delay ticks
    metrics = await fixture.collect();
  });
  after(() => fixture.close());

  it('reports every expected instrument with its kind, unit and attribute keys', () => {
    assert.deepEqual([...metrics.keys()].sort(), Object.keys(EXPECTED).sort());
    for (const [name, [kind, unit, attributes]] of Object.entries(EXPECTED)) {
      const c = metrics.get(name)!;
      assert.equal(c.kind, kind, `${name} kind`);
      assert.equal(c.metric.descriptor.unit, unit, `${name} unit`);
      const keys = new Set(c.metric.dataPoints.flatMap((p) => Object.keys(p.attributes)));
      assert.deepEqual([...keys].sort(), attributes, `${name} attributes`);
    }
  });

  it('converts to the Prometheus names listed in RUNTIME_PROMETHEUS_NAMES.otel', () => {
    const expected = RUNTIME_PROMETHEUS_NAMES.otel.filter(
      (n) => HAS_PROCFS || !RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES.includes(n),
    );
    assert.deepEqual([...metrics.values()].map((c) => c.prometheusName).sort(), [...expected].sort());
  });

  it('has no Prometheus name ending in _total that is not a counter (promtool-clean)', () => {
    for (const c of metrics.values()) {
      if (c.prometheusName.endsWith('_total')) assert.equal(c.kind, 'counter', c.prometheusName);
    }
  });

  it('reports sane memory: heap used > 0, RSS above heap used, heap limit above heap size', () => {
    const heapUsed = sumOf(metrics, 'v8js.memory.heap.used');
    const heapSize = sumOf(metrics, 'v8js.memory.heap.space.size');
    assert.ok(heapUsed > 1e6, `heap used ${heapUsed}`);
    assert.ok(heapSize >= heapUsed);
    assert.ok(pointValue(metrics, 'process.memory.usage') > heapUsed);
    assert.ok(pointValue(metrics, 'nodejs.memory.heap.limit') > heapSize);
    assert.ok(pointValue(metrics, 'nodejs.memory.external') > 0);
    assert.ok(pointValue(metrics, 'v8js.memory.heap.used', { 'v8js.heap.space.name': 'old_space' }) > 0);
  });

  it('reports GC pauses by v8js.gc.type after a forced full GC', () => {
    const gc = metrics.get('v8js.gc.duration')!.metric;
    const major = gc.dataPoints.find((p) => p.attributes['v8js.gc.type'] === 'major');
    assert.ok(major, `types: ${gc.dataPoints.map((p) => p.attributes['v8js.gc.type']).join(',')}`);
    const value = major.value as { count: number; sum: number; buckets: { boundaries: number[] } };
    assert.ok(value.count >= 1);
    assert.ok(value.sum > 0 && value.sum < 10, `sum ${value.sum}`);
    assert.deepEqual(value.buckets.boundaries, [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1]);
  });

  it('reports process start time, uptime, version and CPU time consistently', () => {
    const start = pointValue(metrics, 'process.start_time');
    const uptime = pointValue(metrics, 'process.uptime');
    assert.ok(Math.abs(start + uptime - Date.now() / 1e3) < 1, `start ${start} uptime ${uptime}`);
    assert.equal(pointValue(metrics, 'nodejs.version_info', { 'nodejs.version': process.version }), 1);
    assert.ok(pointValue(metrics, 'process.cpu.time', { 'cpu.mode': 'user' }) > 0);
    assert.ok(pointValue(metrics, 'process.cpu.time', { 'cpu.mode': 'system' }) >= 0);
  });

  it('reports event loop utilization in 0..1 and cumulative loop time', () => {
    const elu = pointValue(metrics, 'nodejs.eventloop.utilization');
    assert.ok(elu >= 0 && elu <= 1, `utilization ${elu}`);
    const active = pointValue(metrics, 'nodejs.eventloop.time', { 'nodejs.eventloop.state': 'active' });
    const idle = pointValue(metrics, 'nodejs.eventloop.time', { 'nodejs.eventloop.state': 'idle' });
    assert.ok(active > 0 && idle > 0);
    assert.ok(active + idle <= process.uptime());
  });

  it('reports open and maximum file descriptors from /proc on Linux, and omits them elsewhere', () => {
    if (!HAS_PROCFS) {
      assert.equal(metrics.has('process.unix.file_descriptor.open'), false);
      return;
    }
    const open = pointValue(metrics, 'process.unix.file_descriptor.open');
    assert.ok(open >= 3, `open fds ${open}`);
    assert.equal(pointValue(metrics, 'process.unix.file_descriptor.limit'), readMaxFds());
  });
});
