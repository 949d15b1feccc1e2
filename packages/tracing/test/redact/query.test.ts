import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { isOtelkitError } from '@otelkit/core';
import { resolveTracingConfig } from '../../src/config';
import { EnrichSpanProcessor } from '../../src/export/enrich-processor';

/** The url attributes of one span ended through EnrichSpanProcessor with `names`. */
function urlAttributes(names: readonly string[] | undefined, attributes: Record<string, string>) {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    spanProcessors: [
      new EnrichSpanProcessor(names === undefined ? {} : { sensitiveQueryParameters: names }),
      new SimpleSpanProcessor({ exporter }),
    ],
  });
  provider.getTracer('test').startSpan('GET', { attributes }).end();
  return exporter.getFinishedSpans()[0]!.attributes;
}

describe('sensitive query parameters (url.full, url.query)', () => {
  it('replaces the default names’ values with REDACTED in url.query and keeps the rest and the fragment', () => {
    const out = urlAttributes(undefined, {
      'url.query': 'q=otel&sig=abc&X-Amz-Credential=AKIA%2F1&page=2',
      'url.full': 'https://s3.example/o?X-Amz-Security-Token=tok&x=1#frag',
    });
    assert.equal(out['url.query'], 'q=otel&sig=REDACTED&X-Amz-Credential=REDACTED&page=2');
    assert.equal(out['url.full'], 'https://s3.example/o?X-Amz-Security-Token=REDACTED&x=1#frag');
  });

  it('takes a configured list as a full override (case-sensitive, as the semantic conventions say)', () => {
    const out = urlAttributes(['color'], { 'url.query': 'color=blue&Color=red&code=c1' });
    assert.equal(out['url.query'], 'color=REDACTED&Color=red&code=c1');
  });

  it('reads the list from OTELKIT_SENSITIVE_QUERY_PARAMETERS (comma list, or none); the option wins', () => {
    assert.ok(resolveTracingConfig({}, {}).sensitiveQueryParameters.includes('X-Goog-Signature'));
    assert.deepEqual(
      resolveTracingConfig({}, { OTELKIT_SENSITIVE_QUERY_PARAMETERS: ' sid , ticket' })
        .sensitiveQueryParameters,
      ['sid', 'ticket'],
    );
    assert.deepEqual(
      resolveTracingConfig({}, { OTELKIT_SENSITIVE_QUERY_PARAMETERS: 'none' }).sensitiveQueryParameters,
      [],
    );
    assert.deepEqual(
      resolveTracingConfig({ sensitiveQueryParameters: ['a'] }, { OTELKIT_SENSITIVE_QUERY_PARAMETERS: 'b' })
        .sensitiveQueryParameters,
      ['a'],
    );
    assert.throws(
      () => resolveTracingConfig({}, { OTELKIT_SENSITIVE_QUERY_PARAMETERS: 'a,,b' }),
      (error: unknown) => isOtelkitError(error) && /OTELKIT_SENSITIVE_QUERY_PARAMETERS/.test(error.message),
    );
  });
});
