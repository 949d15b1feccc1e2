import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AlwaysOnSampler, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { isOtelkitError } from '@otelkit/core';
import { resolveTracingConfig } from '../src/config';

function rejects(options: object, pattern: RegExp): void {
  assert.throws(
    () => resolveTracingConfig(options, {}),
    (error: unknown) =>
      isOtelkitError(error) && error.code === 'OTELKIT_ERR_INVALID_CONFIG' && pattern.test(error.message),
    String(pattern),
  );
}

describe('resolveTracingConfig composition options', () => {
  it('lets a Sampler object win over OTEL_TRACES_SAMPLER, with the option as its provenance', () => {
    const sampler = new AlwaysOnSampler();
    const config = resolveTracingConfig({ sampler }, { OTEL_TRACES_SAMPLER: 'always_off' });
    assert.equal(config.sampler, sampler);
    assert.deepEqual(config.sources.sampler, { source: 'option', name: 'options.sampler' });
    assert.equal(config.settings.sampler, 'AlwaysOnSampler', 'shown by its toString()');
  });

  it('keeps propagator objects in order beside names, and still checks the names', () => {
    const w3c = new W3CTraceContextPropagator();
    const config = resolveTracingConfig({ propagators: ['baggage', w3c] }, { OTEL_PROPAGATORS: 'none' });
    assert.deepEqual(config.propagators, ['baggage', w3c]);
    rejects({ propagators: ['b3', w3c] }, /options\.propagators="b3"/);
  });

  it('takes span processors, and names a bad one, a bad sampler or a bad propagator', () => {
    const processor = new SimpleSpanProcessor({ exporter: new InMemorySpanExporter() });
    assert.deepEqual(resolveTracingConfig({ spanProcessors: [processor] }, {}).spanProcessors, [processor]);
    rejects({ spanProcessors: [processor, {}] }, /options\.spanProcessors\[1\]="a plain object"/);
    rejects({ sampler: { shouldSample: 1 } }, /options\.sampler="a plain object"/);
    rejects({ propagators: ['tracecontext', { inject() {} }] }, /options\.propagators\[1\]/);
    rejects(
      { http: { ignoreIncomingRequestHook: '/ping' } },
      /options\.http\.ignoreIncomingRequestHook="string"/,
    );
  });

  it('names options of a config module as the namer says', () => {
    assert.throws(
      () =>
        resolveTracingConfig(
          { sampler: 'sometimes' as never },
          {},
          undefined,
          (path) => `${path} in ./otelkit.config.cjs`,
        ),
      (error: unknown) =>
        isOtelkitError(error) && /sampler in \.\/otelkit\.config\.cjs="sometimes"/.test(error.message),
    );
  });
});
