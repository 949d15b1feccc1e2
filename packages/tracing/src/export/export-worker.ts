/**
 * The export thread: runs the OTLP/HTTP span exporter (`createOtlpTraceExporter`: otelkit's protobuf
 * encoder on the upstream transport, or the upstream JSON exporter) for the main thread's batch processor, so that encoding spans and sending
 * them costs the app's event loop nothing. Started by {@link WorkerSpanExporter}; not an entry point for users.
 */

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { format } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import {
  CRASH_FAILED,
  CRASH_SENT,
  type CrashLogRequest,
  type ExportReply,
  type ExportRequest,
  type ExportWorkerData,
} from './export-protocol';
import { createOtlpTraceExporter } from './otlp-trace-exporter';
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

const exporter = createOtlpTraceExporter(data);

/** POSTs one encoded OTLP logs request; `done(true)` on a 2xx answer within the timeout. */
function postLogs(logs: CrashLogRequest, done: (ok: boolean) => void): void {
  let settled = false;
  const finish = (ok: boolean): void => {
    if (!settled) done(ok);
    settled = true;
  };
  const send = logs.url.startsWith('https:') ? httpsRequest : httpRequest;
  const req = send(
    logs.url,
    {
      method: 'POST',
      headers: { ...logs.headers, 'content-type': logs.contentType },
      timeout: logs.timeoutMillis,
    },
    (res) => {
      res.resume();
      res.on('end', () => finish((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
      res.on('error', () => finish(false));
    },
  );
  req.on('timeout', () => req.destroy(new Error('timed out')));
  req.on('error', () => finish(false));
  req.end(Buffer.from(logs.body.buffer, logs.body.byteOffset, logs.body.byteLength));
}

// Started by CrashFlush: one batch of spans and one of log records, while the main thread waits on `signal`.
if (data.crash !== undefined) {
  const signal = new Int32Array(data.crash.signal);
  const wake = (index: number, outcome: number): void => {
    Atomics.store(signal, index, outcome);
    Atomics.notify(signal, index);
  };
  if (data.crash.batch.data.length > 0) {
    try {
      exporter.export(fromSpanBatch(data.crash.batch), (result) =>
        wake(0, result.code === ExportResultCode.SUCCESS ? CRASH_SENT : CRASH_FAILED),
      );
    } catch {
      wake(0, CRASH_FAILED);
    }
  }
  if (data.crash.logs !== undefined) {
    postLogs(data.crash.logs, (ok) => wake(1, ok ? CRASH_SENT : CRASH_FAILED));
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
