import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { PullCollector } from '../../src/export/metrics-endpoint';

class PullReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/**
 * A collector over a real MeterProvider whose collections count how often they were serialised:
 * every serialisation reads `resource` once.
 */
function countingCollector() {
  const reader = new PullReader();
  const provider = new MeterProvider({ readers: [reader] });
  const counter = provider.getMeter('test').createCounter('requests');
  for (let i = 0; i < 500; i++) counter.add(1, { route: `/r${i}` });
  const counts = { collections: 0, serialisations: 0 };
  const collect = reader.collect.bind(reader);
  reader.collect = async (options) => {
    counts.collections++;
    const result = await collect(options);
    const { resource } = result.resourceMetrics;
    const counted: ResourceMetrics = {
      scopeMetrics: result.resourceMetrics.scopeMetrics,
      get resource() {
        counts.serialisations++;
        return resource;
      },
    };
    return { ...result, resourceMetrics: counted };
  };
  return { collector: new PullCollector(reader), counts };
}

describe('PullCollector under concurrent scrapes', () => {
  it('serialises once per format for a burst of concurrent scrapes, sharing one collection', async () => {
    const { collector, counts } = countingCollector();
    const texts = await Promise.all([
      ...Array.from({ length: 100 }, () => collector.exposition('prometheus')),
      ...Array.from({ length: 100 }, () => collector.exposition('openmetrics')),
    ]);
    assert.equal(counts.collections, 1);
    assert.equal(counts.serialisations, 2, 'one Prometheus text and one OpenMetrics text');
    assert.equal(new Set(texts.slice(0, 100)).size, 1);
    assert.match(texts[0]!, /^requests_total\{route="\/r499"/m);
    assert.match(texts[100]!, /# EOF\n$/);
  });

  it('collects afresh once the shared work is done (nothing is cached beyond it)', async () => {
    const { collector, counts } = countingCollector();
    await collector.exposition('prometheus');
    await collector.exposition('prometheus');
    assert.deepEqual(counts, { collections: 2, serialisations: 2 });
  });

  it('shares one /metrics/json body the same way', async () => {
    const { collector, counts } = countingCollector();
    const bodies = await Promise.all(Array.from({ length: 50 }, () => collector.snapshotText()));
    assert.equal(counts.collections, 1);
    assert.equal(new Set(bodies).size, 1);
  });

  it('spaces back-to-back collections so collecting takes at most half the time (a scrape storm)', async () => {
    const reader = new PullReader();
    new MeterProvider({ readers: [reader] }).getMeter('test').createCounter('c').add(1);
    const collect = reader.collect.bind(reader);
    const spans: Array<{ start: number; end: number }> = [];
    reader.collect = async (options) => {
      const start = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 40));
      const result = await collect(options);
      spans.push({ start, end: performance.now() });
      return result;
    };
    const collector = new PullCollector(reader);
    for (let i = 0; i < 3; i++) await collector.exposition('prometheus');
    for (let i = 1; i < spans.length; i++) {
      const gap = spans[i]!.start - spans[i - 1]!.end;
      const took = spans[i - 1]!.end - spans[i - 1]!.start;
      assert.ok(gap >= took - 5, `collection ${i} started ${gap} ms after one that took ${took} ms`);
    }
  });
});
