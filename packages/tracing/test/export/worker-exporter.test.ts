import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { type OtlpReceiver, startOtlpReceiver } from '../../../../test/tracing/helpers/otlp-receiver';
import { WorkerSpanExporter } from '../../src/export/worker-exporter';

function spans(...names: string[]): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: memory })] });
  const tracer = provider.getTracer('worker-test');
  for (const name of names) tracer.startSpan(name, { attributes: { 'job.name': name } }).end();
  return memory.getFinishedSpans();
}

function exportOnce(exporter: WorkerSpanExporter, batch: ReadableSpan[]): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(batch, resolve));
}

function exporterFor(url: string, workerFile?: string): WorkerSpanExporter {
  const data = {
    url,
    headers: { 'x-tenant': 't1' },
    timeoutMillis: 2_000,
    protocol: 'http/protobuf' as const,
    logLevel: 'error',
  };
  const local = () => new OTLPTraceExporter({ url, headers: { 'x-tenant': 't1' }, timeoutMillis: 2_000 });
  return new WorkerSpanExporter(data, local, workerFile);
}

describe('WorkerSpanExporter (OTLP/HTTP export on a worker thread)', () => {
  let receiver: OtlpReceiver;
  let failing: OtlpReceiver;

  before(async () => {
    receiver = await startOtlpReceiver();
    failing = await startOtlpReceiver('error');
  });

  after(async () => {
    await receiver.close();
    await failing.close();
  });

  it('delivers each batch through the thread and reports success; forceFlush waits for batches in flight', async () => {
    const exporter = exporterFor(`${receiver.url}/v1/traces`);
    const first = exportOnce(exporter, spans('one', 'two'));
    const second = exportOnce(exporter, spans('three'));
    await exporter.forceFlush();
    assert.equal((await first).code, ExportResultCode.SUCCESS);
    assert.equal((await second).code, ExportResultCode.SUCCESS);
    const names = receiver.spans.map((s) => s.name).sort();
    for (const name of ['one', 'two', 'three']) assert.ok(names.includes(name), `${name} in ${names}`);
    await exporter.shutdown();
    const late = await exportOnce(exporter, spans('late'));
    assert.equal(late.code, ExportResultCode.FAILED);
  });

  it("reports the backend's refusal as a failed export, with its reason", async () => {
    const exporter = exporterFor(`${failing.url}/v1/traces`);
    const result = await exportOnce(exporter, spans('refused'));
    assert.equal(result.code, ExportResultCode.FAILED);
    assert.ok(result.error instanceof Error && result.error.message.length > 0);
    await exporter.shutdown();
  });

  it('exports on the main thread, losing nothing, when the thread cannot run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otelkit-worker-'));
    const broken = join(dir, 'broken-worker.js');
    writeFileSync(broken, "throw new Error('cannot start');\n");
    const warnings: string[] = [];
    const logger: DiagLogger = {
      error: () => {},
      warn: (message: string) => warnings.push(message),
      info: () => {},
      debug: () => {},
      verbose: () => {},
    };
    diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
    try {
      const exporter = exporterFor(`${receiver.url}/v1/traces`, broken);
      const first = await exportOnce(exporter, spans('held-by-dead-thread'));
      const second = await exportOnce(exporter, spans('after-fallback'));
      assert.equal(first.code, ExportResultCode.SUCCESS);
      assert.equal(second.code, ExportResultCode.SUCCESS);
      const names = receiver.spans.map((s) => s.name);
      assert.ok(names.includes('held-by-dead-thread') && names.includes('after-fallback'), String(names));
      assert.equal(warnings.filter((w) => w.includes('export thread')).length, 1, String(warnings));
      await exporter.shutdown();
    } finally {
      diag.disable();
    }
  });
});
