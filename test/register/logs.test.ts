import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type OtlpReceiver, startOtlpReceiver } from '../tracing/helpers/otlp-receiver';
import { spawnApp } from './helpers';

const APP = 'test/register/fixtures/pino-logs-app.cjs';

let receiver: OtlpReceiver;
before(async () => {
  receiver = await startOtlpReceiver();
});
after(() => receiver.close());

describe('log records through the preload (child process)', () => {
  for (const protocol of ['http/protobuf', 'http/json']) {
    it(`sends createLogger() lines and, with the pino instrumentation, the app's own pino lines with the span's trace ids (${protocol})`, async () => {
      receiver.logs.length = 0;
      const app = spawnApp(['--require', '@otelkit/register', APP], {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: protocol,
        OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'pino',
        OTEL_SERVICE_NAME: 'logs-app',
        OTEL_BLRP_SCHEDULE_DELAY: '60000',
        OTEL_LOG_LEVEL: 'info',
      });
      assert.equal(await app.exited, 0, app.stderr);
      const [, traceId, spanId] = app.stdout.match(/IDS (\w+) (\w+)/) ?? [];
      // The stdout lines are pino's JSON lines, as without log export.
      const lines = app.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.deepEqual(
        lines.map((l) => [l.msg, l.trace_id]),
        [
          ['from own pino', traceId],
          ['from createLogger', traceId],
        ],
      );
      const logs = receiver.logs;
      const own = logs.filter((l) => l.body === 'from own pino');
      const kit = logs.filter((l) => l.body === 'from createLogger');
      assert.equal(own.length, 1, `the own pino line, once: ${JSON.stringify(logs)}`);
      assert.equal(kit.length, 1, `the createLogger line, once (not again through the instrumentation)`);
      for (const record of [own[0]!, kit[0]!]) {
        assert.equal(record.traceId, traceId);
        assert.equal(record.spanId, spanId);
        assert.equal(record.resource['service.name'], 'logs-app');
      }
      assert.equal(own[0]!.severityText, 'info');
      assert.equal(own[0]!.severityNumber, 9);
      assert.equal(kit[0]!.severityText, 'WARN');
      assert.equal(kit[0]!.attributes.orderId, 8);
      assert.equal(kit[0]!.attributes.password, '[REDACTED]');
      assert.ok(!receiver.logBodies.some((b) => b.includes('kit-secret-value')), 'createLogger: masked');
    });
  }

  it('sends nothing and writes the same lines when no OTLP endpoint is set (the default: none)', async () => {
    const app = spawnApp(['--require', '@otelkit/register', APP], {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`,
      OTEL_LOG_LEVEL: 'info',
    });
    const before = receiver.logBodies.length;
    assert.equal(await app.exited, 0, app.stderr);
    assert.match(app.stdout, /"msg":"from createLogger"/);
    assert.equal(receiver.logBodies.length, before, 'no /v1/logs request');
  });
});
