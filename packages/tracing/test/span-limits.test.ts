import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { startTelemetry } from '@otelkit/core';
import { OtlpReceiver } from '../../core/test/helpers/otlp-receiver';
import { resolveTracingConfig } from '../src/config';
import { startTracing } from '../src/tracing';

describe('span limits (OTEL_*_LIMIT, read by otelkit since SDK 3.x no longer does)', () => {
  it('takes the span-specific variable over the general one, and leaves unset limits to the SDK', () => {
    const { spanLimits } = resolveTracingConfig(
      {},
      {
        OTEL_ATTRIBUTE_COUNT_LIMIT: '10',
        OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: '3',
        OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '20',
        OTEL_SPAN_EVENT_COUNT_LIMIT: '5',
      },
    );
    assert.deepEqual(spanLimits, {
      attributeCountLimit: 3,
      attributeValueLengthLimit: 20,
      eventCountLimit: 5,
    });
    assert.throws(
      () => resolveTracingConfig({}, { OTEL_SPAN_LINK_COUNT_LIMIT: 'many' }),
      /OTEL_SPAN_LINK_COUNT_LIMIT/,
    );
  });

  it('applies them to the spans of the tracer provider', async () => {
    const receiver = new OtlpReceiver();
    // An exporter, so that spans are recorded (with `none` alone no span is built).
    const endpoint = `${await receiver.start()}/v1/traces`;
    const telemetry = startTelemetry({ server: false, runtimeMetrics: false, env: {} });
    const tracing = startTracing(telemetry, {
      endpoint,
      http: false,
      env: { OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: '2', OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '4' },
    });
    try {
      const span = tracing
        .tracerProvider!.getTracer('limits')
        .startSpan('limited', { attributes: { a: 'abcdefgh', b: 1, c: 2 } });
      span.end();
      const { attributes } = span as unknown as ReadableSpan;
      assert.equal(Object.keys(attributes).length, 2);
      assert.equal(attributes.a, 'abcd');
    } finally {
      await telemetry.shutdown();
      await receiver.stop();
    }
  });
});
