import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { isOtelkitError } from '@otelkit/core';
import { resolveTracingConfig } from '../../src/config';
import { EnrichSpanProcessor } from '../../src/export/enrich-processor';
import { redactQuery, SENSITIVE_QUERY_PARAMETERS } from '../../src/redact/query';

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

describe('redactQuery', () => {
  const names = new Set(SENSITIVE_QUERY_PARAMETERS);

  it('masks each default name (the semantic conventions’ and otelkit’s)', () => {
    const documented = [
      'X-Amz-Signature',
      'X-Amz-Credential',
      'X-Amz-Security-Token',
      'AWSAccessKeyId',
      'Signature',
      'sig',
      'X-Goog-Signature',
      'X-Goog-Credential',
      'key',
      'api_key',
      'apikey',
      'apiKey',
      'api-key',
      'token',
      'access_token',
      'refresh_token',
      'id_token',
      'code',
      'client_secret',
      'password',
      'secret',
      'signature',
    ];
    assert.deepEqual([...SENSITIVE_QUERY_PARAMETERS].sort(), [...documented].sort());
    for (const name of documented) {
      assert.equal(redactQuery(`a=1&${name}=v1&b=2`, names, true), `a=1&${name}=REDACTED&b=2`, name);
    }
  });

  it('reads the query of a full URL only after ?, and leaves the fragment alone', () => {
    const sig = new Set(['sig']);
    assert.equal(redactQuery('https://h/p?sig=1#x&sig=2', sig, false), 'https://h/p?sig=REDACTED#x&sig=2');
    assert.equal(redactQuery('https://h/sig=1', sig, false), 'https://h/sig=1');
    assert.equal(redactQuery('sig=1', sig, false), 'sig=1');
    assert.equal(redactQuery('sig=1#sig=2', sig, true), 'sig=REDACTED#sig=2');
    assert.equal(redactQuery('?sig=1', sig, false), '?sig=REDACTED');
    assert.equal(redactQuery('&sig=1', sig, true), '&sig=REDACTED');
    assert.equal(
      redactQuery('https://h/p?sig=1&a=2#x&b=3', sig, false),
      'https://h/p?sig=REDACTED&a=2#x&b=3',
    );
    assert.equal(redactQuery('#x&sig=1', sig, true), '#x&sig=1');
    // A `?` inside the fragment (hash routing, `#/login?sig=…`) is read as a query: masking more is safe.
    assert.equal(redactQuery('https://h/#?sig=1', sig, false), 'https://h/#?sig=REDACTED');
    assert.equal(redactQuery('https://h/?sig=1', new Set(), false), 'https://h/?sig=1');
  });

  it('keeps empty pairs, names without a value and values already REDACTED as they are', () => {
    const sig = new Set(['sig']);
    assert.equal(redactQuery('a=1&&sig=2&', sig, true), 'a=1&&sig=REDACTED&');
    assert.equal(redactQuery('sig&sig=', sig, true), 'sig&sig=REDACTED');
    const same = 'x=1&sig=REDACTED';
    assert.equal(redactQuery(same, sig, true), same);
    assert.equal(redactQuery('sig=a=b', sig, true), 'sig=REDACTED');
  });

  it('matches percent- and plus-encoded names, keeping them as written', () => {
    const spaced = new Set(['api key', 'sig']);
    assert.equal(
      redactQuery('api+key=1&api%20key=2&si%67=3', spaced, true),
      'api+key=REDACTED&api%20key=REDACTED&si%67=REDACTED',
    );
    assert.equal(
      redactQuery('%E0%A4%A=1&sig%=2', new Set(['%E0%A4%A', 'sig%']), true),
      '%E0%A4%A=REDACTED&sig%=REDACTED',
    );
  });
});
