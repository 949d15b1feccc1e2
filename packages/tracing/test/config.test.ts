import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOtelkitError } from '@otelkit/core';
import { resolveTracingConfig } from '../src/config';

function rejects(env: Record<string, string>, pattern: RegExp): void {
  assert.throws(
    () => resolveTracingConfig({}, env),
    (error: unknown) =>
      isOtelkitError(error) && error.code === 'OTELKIT_ERR_INVALID_CONFIG' && pattern.test(error.message),
  );
}

describe('resolveTracingConfig', () => {
  it('uses the specification defaults with an empty environment', () => {
    const config = resolveTracingConfig({}, {});
    assert.deepEqual(config.exporters, ['otlp']);
    assert.equal(config.endpoint, 'http://localhost:4318/v1/traces');
    assert.equal(config.sampler, 'parentbased_always_on');
    assert.deepEqual(config.propagators, ['tracecontext', 'baggage']);
    assert.equal(config.maxQueueSize, 2048);
    assert.equal(config.maxExportBatchSize, 512);
  });

  it('appends /v1/traces to OTEL_EXPORTER_OTLP_ENDPOINT and takes the traces endpoint as is', () => {
    assert.equal(
      resolveTracingConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }).endpoint,
      'http://c:4318/v1/traces',
    );
    const specific = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:1/x',
    };
    assert.equal(resolveTracingConfig({}, specific).endpoint, 'http://t:1/x');
  });

  it('prefers the _TRACES_ headers and timeout over the general ones', () => {
    const config = resolveTracingConfig(
      {},
      {
        OTEL_EXPORTER_OTLP_HEADERS: 'a=1',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=2',
        OTEL_EXPORTER_OTLP_TIMEOUT: '100',
        OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '200',
      },
    );
    assert.deepEqual(config.headers, { b: '2' });
    assert.equal(config.timeoutMs, 200);
  });

  it('reads the sampler and its ratio', () => {
    const config = resolveTracingConfig(
      {},
      { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' },
    );
    assert.equal(config.sampler, 'traceidratio');
    assert.equal(config.samplerRatio, 0.25);
  });

  it('reads the batch settings', () => {
    const config = resolveTracingConfig(
      {},
      {
        OTEL_BSP_SCHEDULE_DELAY: '7',
        OTEL_BSP_EXPORT_TIMEOUT: '8',
        OTEL_BSP_MAX_QUEUE_SIZE: '9',
        OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '3',
      },
    );
    assert.deepEqual(
      [config.scheduledDelayMs, config.exportTimeoutMs, config.maxQueueSize, config.maxExportBatchSize],
      [7, 8, 9, 3],
    );
  });

  it('lets options win over the environment', () => {
    const config = resolveTracingConfig(
      { sampler: 'always_off', exporters: ['none'] },
      { OTEL_TRACES_SAMPLER: 'always_on' },
    );
    assert.equal(config.sampler, 'always_off');
    assert.deepEqual(config.exporters, ['none']);
  });

  it('refuses bad values with one line naming the variable and the value', () => {
    rejects({ OTEL_TRACES_SAMPLER: 'jaeger_remote' }, /OTEL_TRACES_SAMPLER="jaeger_remote"/);
    rejects(
      { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' },
      /OTEL_TRACES_SAMPLER_ARG="1.5"/,
    );
    rejects({ OTEL_PROPAGATORS: 'tracecontext,b3' }, /OTEL_PROPAGATORS="tracecontext,b3"/);
    rejects({ OTEL_PROPAGATORS: 'none,baggage' }, /OTEL_PROPAGATORS/);
    rejects({ OTEL_TRACES_EXPORTER: 'zipkin' }, /OTEL_TRACES_EXPORTER="zipkin"/);
    rejects({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector:4318' }, /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/);
    rejects(
      { OTEL_BSP_MAX_QUEUE_SIZE: '10', OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '20' },
      /OTEL_BSP_MAX_EXPORT_BATCH_SIZE=/,
    );
    rejects({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, /OTEL_EXPORTER_OTLP_PROTOCOL="grpc"/);
    rejects({ OTEL_BSP_SCHEDULE_DELAY: '5s' }, /OTEL_BSP_SCHEDULE_DELAY="5s"/);
  });

  it('samples the preset’s ratio of new traces when no sampler is set, and never overrides one', () => {
    const production = resolveTracingConfig({}, {}, 'production');
    assert.equal(production.sampler, 'parentbased_traceidratio');
    assert.equal(production.samplerRatio, 0.1);
    const explicit = resolveTracingConfig({}, { OTEL_TRACES_SAMPLER: 'always_on' }, 'production');
    assert.equal(explicit.sampler, 'always_on');
    const arg = resolveTracingConfig({}, { OTEL_TRACES_SAMPLER_ARG: '0.25' }, 'production');
    assert.equal(arg.samplerRatio, 0.25);
    assert.equal(resolveTracingConfig({}, {}, 'development').samplerRatio, 1);
  });
});
