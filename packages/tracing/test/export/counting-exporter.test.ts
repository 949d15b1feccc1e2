import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { ExportStats } from '@otelkit/core/internal';
import FakeTimers from '@sinonjs/fake-timers';
import { type OtlpReceiver, startOtlpReceiver } from '../../../../test/tracing/helpers/otlp-receiver';
import { CountingSpanExporter } from '../../src/export/counting-exporter';

function spans(n: number): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const tracer = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
  }).getTracer('t');
  for (let i = 0; i < n; i++) tracer.startSpan(`span-${i}`).end();
  return memory.getFinishedSpans();
}

describe('CountingSpanExporter (OTLP/HTTP to a real receiver)', () => {
  let receiver: OtlpReceiver;
  before(async () => {
    receiver = await startOtlpReceiver();
  });
  after(() => receiver.close());

  it('counts successes and failures with the spans lost, and moves last-success only on success', async () => {
    const stats = new ExportStats();
    const exporter = new CountingSpanExporter(
      new OTLPTraceExporter({ url: `${receiver.url}/v1/traces`, timeoutMillis: 5_000 }),
      stats,
      'otlp',
    );
    const exportOnce = (batch: ReadableSpan[]) =>
      new Promise<ExportResult>((resolve) => exporter.export(batch, resolve));
    const clock = FakeTimers.install({ now: 1_700_000_000_000, toFake: ['Date'] });
    try {
      receiver.mode = 'ok';
      assert.equal((await exportOnce(spans(2))).code, ExportResultCode.SUCCESS);
      clock.tick(60_000);
      receiver.mode = 'error';
      assert.equal((await exportOnce(spans(3))).code, ExportResultCode.FAILED);
      assert.equal((await exportOnce(spans(4))).code, ExportResultCode.FAILED);
    } finally {
      clock.uninstall();
      receiver.mode = 'ok';
    }
    assert.deepEqual(stats.snapshot(), [
      {
        signal: 'traces',
        exporter: 'otlp',
        successes: 1,
        failures: 2,
        dropped: 7,
        lastSuccessMs: 1_700_000_000_000,
      },
    ]);
    assert.equal(exporter.exported, 9);
    await exporter.shutdown();
  });
});
