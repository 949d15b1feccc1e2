import { Worker } from 'node:worker_threads';
import { type Context, context, type Span, trace } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { requestThatThrew, SERVER_STATE_KEY, type ServerRequestState } from '../http/request-state';
import { recordFailure } from '../record-failure';
import { CRASH_PENDING, CRASH_SENT, type ExportWorkerData } from './export-protocol';
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
 * sends it from a fresh export thread while this thread waits (`Atomics.wait`, at most `timeoutMs`).
 * It does nothing when the app handles the exception (an `uncaughtException` listener or a capture
 * callback): then the process lives on and the batch processors export as usual. Spans already in an
 * HTTP request when the exception came are not sent twice.
 * @internal
 */
export class CrashFlush {
  /** Batches handed over while crashing, with the callbacks that report their outcome. */
  private collected: Array<{ spans: ReadableSpan[]; callback: Callback }> | undefined;

  constructor(private readonly options: CrashFlushOptions) {}

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
    const sent = spans.length > 0 && this.send(spans);
    const result: ExportResult = sent
      ? { code: ExportResultCode.SUCCESS }
      : { code: ExportResultCode.FAILED, error: new Error('spans not sent before the process exited') };
    for (const { callback } of batches) callback(result);
  }

  /** One OTLP request from a new export thread, waited for here. */
  private send(spans: ReadableSpan[]): boolean {
    const signal = new SharedArrayBuffer(4);
    try {
      const worker = new Worker(EXPORT_WORKER_FILE, {
        workerData: { ...this.options.exporter, crash: { batch: toSpanBatch(spans), signal } },
        name: 'otelkit crash export',
      });
      worker.unref();
    } catch {
      return false;
    }
    const state = new Int32Array(signal);
    Atomics.wait(state, 0, CRASH_PENDING, this.options.timeoutMs);
    return Atomics.load(state, 0) === CRASH_SENT;
  }
}
