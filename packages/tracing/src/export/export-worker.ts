/**
 * The export thread: runs `@opentelemetry/exporter-trace-otlp-http` for the main thread's batch
 * processor, so that turning spans into OTLP/JSON and sending them costs the app's event loop
 * nothing. Started by {@link WorkerSpanExporter}; not an entry point for users.
 */

import { format } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  CRASH_FAILED,
  CRASH_SENT,
  type ExportReply,
  type ExportRequest,
  type ExportWorkerData,
} from './export-protocol';
import { fromSpanBatch } from './span-record';

const data = workerData as ExportWorkerData;
const port = parentPort;

/**
 * Every diagnostic to stderr, as core's logger does on the main thread (stdout belongs to the app); core
 * itself is not imported, so the thread loads only the exporter.
 */
const line = (message: string, ...args: unknown[]): void => {
  process.stderr.write(`${format(message, ...args)}\n`);
};
const stderr: DiagLogger = { error: line, warn: line, info: line, debug: line, verbose: line };
const level = DiagLogLevel[data.logLevel.toUpperCase() as keyof typeof DiagLogLevel];
diag.setLogger(stderr, { logLevel: level ?? DiagLogLevel.WARN, suppressOverrideMessage: true });

const exporter = new OTLPTraceExporter({
  url: data.url,
  headers: { ...data.headers },
  timeoutMillis: data.timeoutMillis,
});

// Started by CrashFlush: one batch, while the main thread waits on `signal`.
if (data.crash !== undefined) {
  const signal = new Int32Array(data.crash.signal);
  const wake = (outcome: number): void => {
    Atomics.store(signal, 0, outcome);
    Atomics.notify(signal, 0);
  };
  try {
    exporter.export(fromSpanBatch(data.crash.batch), (result) =>
      wake(result.code === ExportResultCode.SUCCESS ? CRASH_SENT : CRASH_FAILED),
    );
  } catch {
    wake(CRASH_FAILED);
  }
}

function reply(message: ExportReply): void {
  port?.postMessage(message);
}

port?.on('message', (request: ExportRequest) => {
  if (request.type === 'shutdown') {
    exporter.shutdown().then(
      () => reply({ id: request.id, ok: true }),
      (error: unknown) => reply({ id: request.id, ok: false, error: String(error) }),
    );
    return;
  }
  try {
    exporter.export(fromSpanBatch(request.batch), (result) => {
      reply(
        result.code === ExportResultCode.SUCCESS
          ? { id: request.id, ok: true }
          : { id: request.id, ok: false, error: result.error?.message ?? 'export failed' },
      );
    });
  } catch (error) {
    reply({ id: request.id, ok: false, error: String(error) });
  }
});
