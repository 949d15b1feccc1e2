import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Attributes } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { EnrichSpanProcessor } from '../../src/export/enrich-processor';

/** The attributes of one span ended through EnrichSpanProcessor. */
function masked(
  provider: TracerProvider,
  exporter: InMemorySpanExporter,
  attributes: Attributes,
): Attributes {
  exporter.reset();
  provider.getTracer('test').startSpan('work', { attributes }).end();
  return exporter.getFinishedSpans()[0]!.attributes;
}

describe('EnrichSpanProcessor masking, repeated values', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    spanProcessors: [new EnrichSpanProcessor(), new SimpleSpanProcessor({ exporter })],
  });

  it('masks a secret-bearing value every time it comes, and leaves a clean one alone every time', () => {
    for (let i = 0; i < 3; i++) {
      const out = masked(provider, exporter, {
        'db.statement': 'login password=hunter2',
        'url.path': '/health',
        'http.request.method': 'GET',
      });
      assert.equal(out['db.statement'], 'login password=[REDACTED]', `round ${i}`);
      assert.equal(out['url.path'], '/health');
      assert.equal(out['http.request.method'], 'GET');
    }
  });

  it('still masks after many distinct clean values (the remembered set is bounded, never a pass)', () => {
    for (let i = 0; i < 3_000; i++) masked(provider, exporter, { 'url.path': `/items/${i}` });
    const out = masked(provider, exporter, {
      'url.path': '/items/token=abc',
      note: 'Bearer abc.def.ghi',
      'url.scheme': 'http',
    });
    assert.equal(out['url.path'], '/items/token=[REDACTED]');
    assert.equal(out.note, 'Bearer [REDACTED]');
    assert.equal(out['url.scheme'], 'http');
  });
});

describe('EnrichSpanProcessor, remembered clean values', () => {
  it('never remembers correlation IDs (new with every request), so repeating values keep their place', () => {
    const processor = new EnrichSpanProcessor();
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({
      spanProcessors: [processor, new SimpleSpanProcessor({ exporter })],
    });
    for (let i = 0; i < 3_000; i++) {
      masked(provider, exporter, { 'correlation.id': `c0ffee-${i}`, 'url.path': '/health' });
    }
    assert.equal(processor.cleanValues.size, 1, 'only /health is remembered');
  });
});
