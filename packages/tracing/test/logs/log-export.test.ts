import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import type { ReceivedLog } from '../../../../test/tracing/helpers/otlp-logs';
import { type OtlpReceiver, startOtlpReceiver } from '../../../../test/tracing/helpers/otlp-receiver';
import { withCorrelation } from '../../src/correlation/context';
import { createLogger } from '../../src/logs/logger';
import type { LogsOptions } from '../../src/logs/logs-config';
import { traced } from '../../src/traced';
import { startTracing, type Tracing } from '../../src/tracing';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString('utf8');
      cb();
    },
  });
  return {
    stream,
    lines: () =>
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** Telemetry and tracing sending spans and log records to `receiver`; `logs` overrides the log settings. */
function start(receiver: OtlpReceiver, logs: LogsOptions): { telemetry: Telemetry; tracing: Tracing } {
  const telemetry = startTelemetry({
    serviceName: 'log-unit',
    server: false,
    runtimeMetrics: false,
    env: {},
  });
  const tracing = startTracing(telemetry, {
    endpoint: `${receiver.url}/v1/traces`,
    http: false,
    env: {},
    logs: { endpoint: `${receiver.url}/v1/logs`, ...logs },
  });
  return { telemetry, tracing };
}

const byBody = (logs: readonly ReceivedLog[], body: string) => logs.find((l) => l.body === body);

describe('log export (createLogger to a real OTLP receiver)', () => {
  for (const protocol of ['http/protobuf', 'http/json'] as const) {
    it(`sends each line as a log record with the trace ids of its span, severity, body, attributes and resource (${protocol})`, async () => {
      const receiver = await startOtlpReceiver();
      const { telemetry, tracing } = start(receiver, { exporters: ['otlp'], protocol });
      try {
        const out = capture();
        const log = createLogger({ name: 'orders', level: 'trace', destination: out.stream });
        let traceId = '';
        let spanId = '';
        withCorrelation({ id: 'corr-123' }, () =>
          traced('store order', () => {
            const sc = trace.getActiveSpan()!.spanContext();
            traceId = sc.traceId;
            spanId = sc.spanId;
            log.info({ orderId: 42, items: ['a', 'b'], meta: { vip: true } }, 'order %s stored', 'A-1');
            log.child({ tenant: 't1' }).warn('child line');
          }),
        );
        log.trace('t');
        log.debug('d');
        log.error(new TypeError('disk full'), 'failed');
        log.fatal('f');
        await tracing.forceFlush();
        const logs = await receiver.waitForLogs((l) => l.length >= 6);
        const stored = byBody(logs, 'order A-1 stored');
        assert.ok(stored, JSON.stringify(logs));
        assert.equal(stored.traceId, traceId);
        assert.equal(stored.spanId, spanId);
        assert.equal(stored.flags & 1, 1, 'sampled');
        assert.equal(stored.severityNumber, 9);
        assert.equal(stored.severityText, 'INFO');
        assert.equal(stored.attributes.orderId, 42);
        assert.deepEqual(stored.attributes.items, ['a', 'b']);
        assert.deepEqual(stored.attributes.meta, { vip: true });
        assert.equal(stored.attributes['correlation.id'], 'corr-123');
        assert.equal(stored.attributes.name, 'orders');
        assert.equal(stored.resource['service.name'], 'log-unit');
        assert.ok(
          receiver.spans.some((s) => s.traceId === traceId && s.name === 'store order'),
          'its span',
        );
        const child = byBody(logs, 'child line');
        assert.equal(child?.attributes.tenant, 't1');
        assert.equal(child?.traceId, traceId);
        assert.equal(child?.severityNumber, 13);
        const levels = ['t', 'd', 'failed', 'f'].map((b) => [
          byBody(logs, b)?.severityNumber,
          byBody(logs, b)?.severityText,
        ]);
        assert.deepEqual(levels, [
          [1, 'TRACE'],
          [5, 'DEBUG'],
          [17, 'ERROR'],
          [21, 'FATAL'],
        ]);
        const failed = byBody(logs, 'failed');
        assert.equal(failed?.attributes['exception.type'], 'TypeError');
        assert.equal(failed?.attributes['exception.message'], 'disk full');
        assert.match(String(failed?.attributes['exception.stacktrace']), /TypeError: disk full/);
        assert.equal(byBody(logs, 't')?.traceId, '', 'outside a span: no trace id');
        // The JSON lines are written as always.
        const lines = out.lines();
        assert.equal(lines.length, 6);
        assert.equal(lines[0]?.msg, 'order A-1 stored');
        assert.equal(lines[0]?.trace_id, traceId);
        assert.equal(lines[0]?.correlation_id, 'corr-123');
        const stats = telemetry.exportStats
          .snapshot()
          .find((s) => s.signal === 'logs' && s.exporter === 'otlp');
        assert.ok(stats !== undefined && stats.successes >= 1 && stats.failures === 0, JSON.stringify(stats));
      } finally {
        await telemetry.shutdown();
        await receiver.close();
      }
    });
  }

  it('shows the log export outcomes on /metrics (otelkit_exporter_*{signal="logs"})', async () => {
    const receiver = await startOtlpReceiver();
    const telemetry = startTelemetry({ serviceName: 'log-unit', port: 0, host: '127.0.0.1', env: {} });
    const tracing = startTracing(telemetry, {
      exporters: ['none'],
      http: false,
      env: {},
      logs: { exporters: ['otlp'], endpoint: `${receiver.url}/v1/logs` },
    });
    try {
      const address = await telemetry.ready;
      createLogger({ name: 'm', destination: capture().stream }).info('counted');
      await tracing.forceFlush();
      const text = await (await fetch(`${address!.url}/metrics`)).text();
      assert.match(
        text,
        /otelkit_exporter_exports_total\{[^}]*signal="logs"[^}]*outcome="success"[^}]*\} 1\b/,
      );
      assert.match(text, /otelkit_exporter_dropped_total\{[^}]*signal="logs"[^}]*\} 0\b/);
      assert.match(text, /otelkit_exporter_last_success_timestamp_seconds\{[^}]*signal="logs"[^}]*\} \d/);
    } finally {
      await telemetry.shutdown();
      await receiver.close();
    }
  });

  it('writes the same JSON lines whether log export runs or not', async () => {
    const error = new Error('e');
    const call = (log: ReturnType<typeof createLogger>) => {
      log.info({ a: 1, password: 'hunter2hunter2' }, 'same %d', 5);
      log.child({ k: 'v' }).error(error);
    };
    const strip = (lines: Array<Record<string, unknown>>) =>
      lines.map(({ time: _t, pid: _p, ...rest }) => rest);
    const off = capture();
    call(createLogger({ name: 'same', destination: off.stream }));
    const receiver = await startOtlpReceiver();
    const { telemetry } = start(receiver, { exporters: ['otlp'] });
    try {
      const on = capture();
      call(createLogger({ name: 'same', destination: on.stream }));
      assert.deepEqual(strip(on.lines()), strip(off.lines()));
    } finally {
      await telemetry.shutdown();
      await receiver.close();
    }
  });

  it('flushes the last records on telemetry.shutdown() and sends nothing once stopped', async () => {
    const receiver = await startOtlpReceiver();
    const { telemetry } = start(receiver, { exporters: ['otlp'], scheduledDelayMs: 600_000 });
    const log = createLogger({ name: 'bye', destination: capture().stream });
    log.info('last words');
    assert.equal(receiver.logs.length, 0, 'nothing sent before shutdown');
    await telemetry.shutdown();
    try {
      assert.ok(byBody(receiver.logs, 'last words'), 'sent by shutdown');
      log.info('after shutdown');
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(byBody(receiver.logs, 'after shutdown'), undefined);
    } finally {
      await receiver.close();
    }
  });

  for (const mode of ['hang', 'error'] as const) {
    it(`never holds logging up on a backend that ${mode === 'hang' ? 'hangs' : 'refuses (500)'}; every lost record is counted (full queue or failed export)`, async () => {
      const receiver = await startOtlpReceiver(mode);
      const { telemetry } = start(receiver, {
        exporters: ['otlp'],
        protocol: 'http/json',
        timeoutMs: 300,
        scheduledDelayMs: 10,
        maxQueueSize: 20,
        maxExportBatchSize: 10,
      });
      try {
        const log = createLogger({ name: 'busy', destination: capture().stream });
        const started = performance.now();
        for (let i = 0; i < 500; i++) log.info({ i }, 'line');
        const took = performance.now() - started;
        assert.ok(took < 2_000, `500 lines took ${Math.round(took)} ms`);
        const stat = () =>
          telemetry.exportStats.snapshot().find((s) => s.signal === 'logs' && s.exporter === 'otlp');
        // Every line is accounted for: dropped at the full queue, or lost with a failed export.
        const deadline = Date.now() + 15_000;
        while ((stat()?.dropped ?? 0) < 500 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50));
        const s = stat();
        assert.equal(s?.dropped, 500, JSON.stringify(s));
        assert.ok(s !== undefined && s.failures >= 1, 'failed exports counted');
        assert.equal(s.successes, 0);
        assert.ok(receiver.requests >= 1, 'the export was attempted');
      } finally {
        await telemetry.shutdown();
        await receiver.close();
      }
    });
  }
});
