import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { createCircuitBreaker } from '../src/breaker';

describe('breaker span events', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const manager = new AsyncLocalStorageContextManager();
  before(() => {
    context.setGlobalContextManager(manager.enable());
  });
  after(() => {
    context.disable();
  });

  it('adds state transitions to the active span and marks a rejected call on its span', async () => {
    const tracer = provider.getTracer('test');
    const breaker = createCircuitBreaker('tmdb', { consecutiveFailures: 1, metrics: false });
    await tracer.startActiveSpan('failing', async (span) => {
      await breaker.execute(() => Promise.reject(new Error('x'))).catch(() => undefined);
      span.end();
    });
    await tracer.startActiveSpan('rejected', async (span) => {
      await breaker.execute(() => 'never').catch(() => undefined);
      span.end();
    });
    const [failing, rejected] = exporter.getFinishedSpans();
    const change = failing.events.find((e) => e.name === 'otelkit.circuit_breaker.state_change');
    assert.deepEqual(change?.attributes, {
      'otelkit.circuit_breaker.name': 'tmdb',
      'otelkit.circuit_breaker.from': 'closed',
      'otelkit.circuit_breaker.to': 'open',
    });
    assert.equal(rejected.attributes['otelkit.circuit_breaker.rejected'], true);
    assert.equal(rejected.events[0]?.name, 'otelkit.circuit_breaker.rejected');
    assert.equal(trace.getActiveSpan(), undefined);
  });
});
