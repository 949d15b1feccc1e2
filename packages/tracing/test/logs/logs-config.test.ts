import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveTracingConfig } from '../../src/config';
import { resolveLogsConfig } from '../../src/logs/logs-config';

const rejects = (env: Record<string, string>, pattern: RegExp) =>
  assert.throws(() => resolveLogsConfig({}, env), pattern);

describe('resolveLogsConfig', () => {
  it('exports no logs over OTLP unless an endpoint is set, then OTLP/protobuf to <endpoint>/v1/logs', () => {
    assert.deepEqual(resolveLogsConfig({}, {}).exporters, ['none']);
    const config = resolveLogsConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' });
    assert.deepEqual(config.exporters, ['otlp']);
    assert.equal(config.endpoint, 'http://c:4318/v1/logs');
    assert.equal(config.protocol, 'http/protobuf');
    assert.deepEqual(resolveLogsConfig({}, { OTEL_LOGS_EXPORTER: 'otlp' }).exporters, ['otlp']);
    assert.deepEqual(
      resolveLogsConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_LOGS_EXPORTER: 'none' })
        .exporters,
      ['none'],
    );
  });

  it('lets the logs-specific endpoint, headers, timeout and protocol win over the generic ones', () => {
    const config = resolveLogsConfig(
      {},
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://generic:4318',
        OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'http://logs:1/custom',
        OTEL_EXPORTER_OTLP_HEADERS: 'a=1',
        OTEL_EXPORTER_OTLP_LOGS_HEADERS: 'b=2',
        OTEL_EXPORTER_OTLP_TIMEOUT: '100',
        OTEL_EXPORTER_OTLP_LOGS_TIMEOUT: '200',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: 'http/json',
      },
    );
    assert.equal(config.endpoint, 'http://logs:1/custom');
    assert.deepEqual(config.headers, { b: '2' });
    assert.equal(config.timeoutMs, 200);
    assert.equal(config.protocol, 'http/json');
    assert.equal(resolveLogsConfig({}, { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).protocol, 'http/json');
  });

  it('reads OTEL_BLRP_* with the specification defaults (1000 ms delay, 30000 ms, 2048, 512)', () => {
    const defaults = resolveLogsConfig({}, {});
    assert.deepEqual(
      [
        defaults.scheduledDelayMs,
        defaults.exportTimeoutMs,
        defaults.maxQueueSize,
        defaults.maxExportBatchSize,
      ],
      [1000, 30000, 2048, 512],
    );
    const set = resolveLogsConfig(
      {},
      {
        OTEL_BLRP_SCHEDULE_DELAY: '50',
        OTEL_BLRP_EXPORT_TIMEOUT: '700',
        OTEL_BLRP_MAX_QUEUE_SIZE: '10',
        OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: '4',
        OTEL_BSP_SCHEDULE_DELAY: '9999',
      },
    );
    assert.deepEqual(
      [set.scheduledDelayMs, set.exportTimeoutMs, set.maxQueueSize, set.maxExportBatchSize],
      [50, 700, 10, 4],
    );
    assert.equal(resolveLogsConfig({}, { OTEL_BLRP_MAX_QUEUE_SIZE: '100' }).maxExportBatchSize, 100);
  });

  it('stops start-up with one line naming the bad variable and value', () => {
    rejects(
      { OTEL_LOGS_EXPORTER: 'otlp,kafka' },
      /OTELKIT_ERR_INVALID_CONFIG: OTEL_LOGS_EXPORTER="otlp,kafka" is invalid/,
    );
    rejects({ OTEL_LOGS_EXPORTER: 'none,otlp' }, /OTEL_LOGS_EXPORTER="none,otlp"/);
    rejects({ OTEL_BLRP_SCHEDULE_DELAY: '5s' }, /OTEL_BLRP_SCHEDULE_DELAY="5s"/);
    rejects({ OTEL_BLRP_EXPORT_TIMEOUT: '0' }, /OTEL_BLRP_EXPORT_TIMEOUT="0"/);
    rejects({ OTEL_BLRP_MAX_QUEUE_SIZE: '-1' }, /OTEL_BLRP_MAX_QUEUE_SIZE="-1"/);
    rejects(
      { OTEL_BLRP_MAX_QUEUE_SIZE: '10', OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: '11' },
      /OTEL_BLRP_MAX_EXPORT_BATCH_SIZE="11" is invalid: expected at most the queue size \(10\)/,
    );
    rejects({ OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: 'grpc' }, /OTEL_EXPORTER_OTLP_LOGS_PROTOCOL="grpc"/);
    rejects({ OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'ftp://x' }, /OTEL_EXPORTER_OTLP_LOGS_ENDPOINT="ftp:\/\/x"/);
    rejects({ OTEL_EXPORTER_OTLP_LOGS_TIMEOUT: 'soon' }, /OTEL_EXPORTER_OTLP_LOGS_TIMEOUT="soon"/);
    for (const line of [() => resolveLogsConfig({}, { OTEL_BLRP_MAX_QUEUE_SIZE: 'x' })]) {
      assert.throws(line, (e: Error) => !e.message.includes('\n'));
    }
  });

  it('names the option when an option is bad, and is part of the tracing configuration', () => {
    assert.throws(() => resolveLogsConfig({ maxQueueSize: 0 }, {}), /options\.logs\.maxQueueSize=/);
    assert.throws(
      () => resolveTracingConfig({}, { OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: 'many' }),
      /OTEL_BLRP_MAX_EXPORT_BATCH_SIZE="many"/,
    );
    assert.equal(resolveTracingConfig({ logs: { exporters: ['console'] } }, {}).logs.exporters[0], 'console');
  });
});
