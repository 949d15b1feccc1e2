import assert from 'node:assert/strict';
import { stat } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES, RUNTIME_PROMETHEUS_NAMES } from '../../src/runtime/names';
import { HAS_PROCFS } from '../../src/runtime/proc';
import { type Collected, forceGc, histogramOf, type RuntimeFixture, startFixture } from './helpers';

interface PromMetric {
  name: string;
  type: string;
  values: { labels: Record<string, string | number>; value: number; metricName?: string }[];
}

function byPrometheusName(collected: Map<string, Collected>): Map<string, Collected> {
  return new Map([...collected.values()].map((c) => [c.prometheusName, c]));
}

function labelKeys(attributes: Iterable<Record<string, unknown>>): string[] {
  const keys = new Set<string>();
  for (const attrs of attributes) for (const k of Object.keys(attrs)) if (k !== 'le') keys.add(k);
  return [...keys].sort();
}

describe("startRuntimeMetrics naming: 'prom-client'", () => {
  let fixture: RuntimeFixture;
  let server: Server;
  let ours: Map<string, Collected>;
  let theirs: PromMetric[];

  before(async () => {
    fixture = startFixture({ naming: 'prom-client' });
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    // Give every metric a sample: a listening handle, a pending fs request, one GC, one lag probe.
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await forceGc();
    await fixture.collect();
    await registry.getMetricsAsJSON();
    // The event loop delay histogram needs a few of its 10 ms ticks since the previous collection.
    await sleep(30);
    stat(__filename, () => {});
    ours = byPrometheusName(await fixture.collect());
    theirs = (await registry.getMetricsAsJSON()) as unknown as PromMetric[];
  });
  after(async () => {
    server.close();
    await fixture.close();
  });

  it("produces exactly the installed prom-client's collectDefaultMetrics() names", () => {
    assert.deepEqual([...ours.keys()].sort(), theirs.map((m) => m.name).sort());
  });

  it('matches the exported RUNTIME_PROMETHEUS_NAMES list for this platform', () => {
    const expected = RUNTIME_PROMETHEUS_NAMES['prom-client'].filter(
      (n) => HAS_PROCFS || !RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES.includes(n),
    );
    assert.deepEqual([...ours.keys()].sort(), [...expected].sort());
  });

  it("uses prom-client's label names on every metric", () => {
    for (const metric of theirs) {
      const mine = ours.get(metric.name);
      assert.ok(mine, metric.name);
      assert.deepEqual(
        labelKeys(mine.metric.dataPoints.map((p) => p.attributes)),
        labelKeys(metric.values.map((v) => v.labels)),
        metric.name,
      );
    }
  });

  it("uses prom-client's metric types (counter, gauge, histogram)", () => {
    for (const metric of theirs) {
      const kind = ours.get(metric.name)?.kind;
      assert.equal(kind, metric.type, metric.name);
    }
  });

  it('gives gauges ending in _total no unit, so no suffix is appended', () => {
    for (const name of [
      'nodejs_active_handles_total',
      'nodejs_active_requests_total',
      'nodejs_active_resources_total',
    ]) {
      const c = ours.get(name);
      assert.ok(c, name);
      assert.equal(c.kind, 'gauge');
      assert.equal(c.metric.descriptor.unit, '');
      assert.equal(c.metric.descriptor.name, name);
    }
  });

  it('reports the same label values as prom-client for heap spaces, version and GC kinds', () => {
    for (const name of ['nodejs_heap_space_size_total_bytes', 'nodejs_version_info']) {
      const values = (labels: Iterable<Record<string, unknown>>) =>
        [...labels]
          .map((l) =>
            JSON.stringify(
              Object.entries(l)
                .map(([k, v]) => [k, String(v)])
                .sort(),
            ),
          )
          .sort();
      const mine = ours.get(name)!.metric.dataPoints.map((p) => p.attributes);
      const promValues = theirs.find((m) => m.name === name)!.values.map((v) => v.labels);
      assert.deepEqual(values(mine), values(promValues), name);
    }
    const gcKinds = ours.get('nodejs_gc_duration_seconds')!.metric.dataPoints.map((p) => p.attributes.kind);
    assert.ok(gcKinds.includes('major'), `kinds: ${gcKinds.join(',')}`);
  });

  it('agrees with prom-client on values that do not move: start time, max fds', () => {
    const prom = (name: string) => theirs.find((m) => m.name === name)!.values[0]!.value;
    const mine = (name: string) => ours.get(name)!.metric.dataPoints[0]!.value as number;
    assert.ok(Math.abs(mine('process_start_time_seconds') - prom('process_start_time_seconds')) <= 1);
    if (HAS_PROCFS) assert.equal(mine('process_max_fds'), prom('process_max_fds'));
  });

  it('uses prom-client GC buckets 0.001..5 s by default', () => {
    const histogram = histogramOf(ours, 'nodejs_gc_duration_seconds', { kind: 'major' });
    assert.deepEqual(histogram?.buckets.boundaries, [0.001, 0.01, 0.1, 1, 2, 5]);
  });
});
