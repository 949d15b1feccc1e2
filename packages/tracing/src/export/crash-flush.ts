import { type Context, context, type Span, trace } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { requestThatThrew, SERVER_STATE_KEY, type ServerRequestState } from '../http/request-state';
import { recordFailure } from '../record-failure';
import { CRASH_PENDING, CRASH_SENT, type CrashLogRequest, type ExportWorkerData } from './export-protocol';
import { toSpanBatch } from './span-record';
import { EXPORT_WORKER_FILE } from './worker-exporter';

type Callback = (result: ExportResult) => void;

/** What {@link CrashFlush} needs. @internal */
export interface CrashFlushOptions {
  /** What the export thread builds its OTLP exporter from. */
  readonly exporter: Omit<ExportWorkerData, 'crash'>;
  /** Longest the dying process waits for the backend. */
  readonly timeoutMs: number;
}

/**
 * Log records not yet exported, and how to send them: the OTLP log processor registers itself with
 * {@link CrashFlush.addLogs}. @internal
 */
export interface CrashLogSource {
  /** Records accepted and not yet handed to the exporter, oldest first. */
  pending(): ReadableLogRecord[];
  /** One OTLP request carrying `records` (already encoded), or `undefined` when they cannot be encoded. */
  encode(records: ReadableLogRecord[]): CrashLogRequest | undefined;
}

/** Ends `span` as failed by `error`, if it is still open. */
function failSpan(span: Span, error: unknown): void {
  if (!span.isRecording()) return;
  recordFailure(span, error);
  span.end();
}

/**
 * Sends the spans an uncaught exception would otherwise take down with the process. Node runs
 * `uncaughtExceptionMonitor` listeners synchronously before it prints the error and exits, so there is
 * no event loop left for an HTTP request: CrashFlush ends the failing unit of work's span (and its
 * server request's) with the exception, has the batch processors hand over what they buffered, and
 * sends it from a fresh export thread while this thread waits (`Atomics.wait`, at most `timeoutMs`),
 * with the log records not yet exported (the last lines before the crash) in one OTLP logs request.
 * It does nothing when the app handles the exception (an `uncaughtException` listener or a capture
 * callback): then the process lives on and the batch processors export as usual. Spans already in an
 * HTTP request when the exception came are not sent twice.
 * @internal
 */
export class CrashFlush {
  /** Batches handed over while crashing, with the callbacks that report their outcome. */
  private collected: Array<{ spans: ReadableSpan[]; callback: Callback }> | undefined;
  private readonly logSources: CrashLogSource[] = [];

  constructor(private readonly options: CrashFlushOptions) {}

  /** Sends `source`'s pending log records too when the process crashes. */
  addLogs(source: CrashLogSource): void {
    this.logSources.push(source);
  }

  /** `exporter`, except that while the process is crashing its batches are collected for one send. */
  wrap(exporter: SpanExporter): SpanExporter {
    return {
      export: (spans, callback) => {
        if (this.collected !== undefined) this.collected.push({ spans, callback });
        else exporter.export(spans, callback);
      },
      shutdown: () => exporter.shutdown(),
      forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
    };
  }

  /**
   * Listens for uncaught exceptions; returns the function that stops listening.
   * @param flush Hands every buffered span to the exporters, synchronously (the tracer provider's
   *   `forceFlush`: the batch processors call `export` before their promise exists).
   */
  install(flush: () => Promise<void>): () => void {
    const monitor = (error: unknown): void => {
      try {
        if (process.listenerCount('uncaughtException') > 0) return;
        if (process.hasUncaughtExceptionCaptureCallback()) return;
        this.crash(error, context.active(), flush);
      } catch {
        // Never in the way of the crash itself.
      }
    };
    process.on('uncaughtExceptionMonitor', monitor);
    return () => {
      process.off('uncaughtExceptionMonitor', monitor);
    };
  }

  /**
   * Ends the spans of the work that failed (active in `ctx`), then sends every finished span not yet
   * exported before returning.
   */
  crash(error: unknown, ctx: Context, flush: () => Promise<void>): void {
    const active = trace.getSpan(ctx);
    if (active !== undefined) failSpan(active, error);
    // A handler that threw synchronously has left its request's context; the server noted the request
    // (and already recorded the exception on its span).
    const threw = requestThatThrew(error);
    const request = (ctx.getValue(SERVER_STATE_KEY) as ServerRequestState | undefined) ?? threw;
    if (request !== undefined && !request.ended) {
      request.ended = true;
      if (request !== threw) failSpan(request.span, error);
      else if (request.span.isRecording()) request.span.end();
    }
    const batches: Array<{ spans: ReadableSpan[]; callback: Callback }> = [];
    this.collected = batches;
    try {
      flush().catch(() => {});
    } finally {
      this.collected = undefined;
    }
    const spans = batches.flatMap((batch) => batch.spans);
    // One OTLP log exporter per process (exporter names are unique), so at most one request.
    const records = this.logSources[0]?.pending() ?? [];
    const logs = records.length > 0 ? this.logSources[0]?.encode(records) : undefined;
    const sent = (spans.length > 0 || logs !== undefined) && this.send(spans, logs);
    const result: ExportResult = sent
      ? { code: ExportResultCode.SUCCESS }
      : { code: ExportResultCode.FAILED, error: new Error('spans not sent before the process exited') };
    for (const { callback } of batches) callback(result);
  }

  /**
   * One OTLP request for the spans and one for the log records from a new export thread, waited for
   * here (both within `timeoutMs`); true when the spans were sent.
   */
  private send(spans: ReadableSpan[], logs: CrashLogRequest | undefined): boolean {
    const signal = new SharedArrayBuffer(8);
    try {
      // node:worker_threads is loaded here, on the first use of a thread: start-up does not need it.
      const threads = require('node:worker_threads') as typeof import('node:worker_threads');
      const worker = new threads.Worker(EXPORT_WORKER_FILE, {
        workerData: { ...this.options.exporter, crash: { batch: toSpanBatch(spans), logs, signal } },
        name: 'otelkit crash export',
      });
      worker.unref();
    } catch {
      return false;
    }
    const state = new Int32Array(signal);
    const deadline = performance.now() + this.options.timeoutMs;
    if (spans.length > 0) Atomics.wait(state, 0, CRASH_PENDING, this.options.timeoutMs);
    if (logs !== undefined) Atomics.wait(state, 1, CRASH_PENDING, Math.max(0, deadline - performance.now()));
    return Atomics.load(state, 0) === CRASH_SENT;
  }
}
