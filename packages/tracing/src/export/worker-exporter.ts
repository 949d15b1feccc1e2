import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { diag } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { ExportReply, ExportRequest, ExportWorkerData } from './export-protocol';
import { toSpanBatch } from './span-record';

/**
 * The export thread's entry in the built package (`dist/export/export-worker.js`), found from the
 * package root: this file runs from `src/` in the tests (a worker cannot start from `.ts`), from
 * `dist/export/` as tsc emits it, and from the bundled `dist/index.js`.
 * @internal
 */
export const EXPORT_WORKER_FILE = join(
  dirname(require.resolve('@otelkit/tracing/package.json')),
  'dist',
  'export',
  'export-worker.js',
);

type Callback = (result: ExportResult) => void;

/** A request handed to the thread: its callback, and its spans to export here should the thread die. */
interface Pending {
  readonly callback: Callback;
  readonly spans: ReadableSpan[] | undefined;
}

function failed(error: unknown): ExportResult {
  return { code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) };
}

/**
 * A span exporter that hands each batch to a worker thread running
 * `@opentelemetry/exporter-trace-otlp-http`. Building the OTLP/JSON payload of a batch costs
 * milliseconds; here the app's event loop only copies the spans' fields (`postMessage`) and the
 * transformation, serialisation and HTTP request run on another core, so request latency no longer
 * jumps every time a batch leaves. The thread starts with the first export (start-up pays nothing),
 * does not keep the process alive while idle, and is waited for while an export is in flight.
 * Should it fail to start or die, export carries on in this thread with the same exporter (one
 * warning), and the batches it held are reported failed.
 */
export class WorkerSpanExporter implements SpanExporter {
  private worker: Worker | undefined;
  /** The in-thread exporter, once the worker could not run. */
  private local: SpanExporter | undefined;
  private readonly pending = new Map<number, Pending>();
  private waiting: Array<() => void> = [];
  private nextId = 1;
  private stopped = false;

  /**
   * @param data What the export thread builds its exporter from.
   * @param createLocal Builds the same exporter in this thread (the fallback).
   * @param workerFile The thread's entry (tests start a failing one).
   */
  constructor(
    private readonly data: ExportWorkerData,
    private readonly createLocal: () => SpanExporter,
    private readonly workerFile: string = EXPORT_WORKER_FILE,
  ) {}

  export(spans: ReadableSpan[], resultCallback: Callback): void {
    if (this.stopped) {
      resultCallback(failed(new Error('span exporter is shut down')));
      return;
    }
    const worker = this.local === undefined ? this.thread() : undefined;
    if (worker === undefined) {
      this.fallback().export(spans, resultCallback);
      return;
    }
    const id = this.nextId++;
    this.send(worker, { type: 'export', id, batch: toSpanBatch(spans) }, resultCallback, spans);
  }

  /** Resolves once every batch handed over so far has its outcome. */
  async forceFlush(): Promise<void> {
    if (this.pending.size > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    await this.local?.forceFlush?.();
  }

  /** Lets the export thread finish its requests, then stops it. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (worker !== undefined) {
      await new Promise<void>((resolve) =>
        this.send(worker, { type: 'shutdown', id: this.nextId++ }, () => resolve()),
      );
      this.worker = undefined;
      await worker.terminate();
    }
    await this.local?.shutdown();
  }

  private send(worker: Worker, request: ExportRequest, callback: Callback, spans?: ReadableSpan[]): void {
    this.pending.set(request.id, { callback, spans });
    // An export in flight keeps the process alive, as the HTTP request it becomes would.
    if (this.pending.size === 1) worker.ref();
    try {
      worker.postMessage(request);
    } catch (error) {
      this.settle(request.id, failed(error));
    }
  }

  private settle(id: number, result: ExportResult): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.pending.delete(id);
    if (this.pending.size === 0) {
      this.worker?.unref();
      for (const resolve of this.waiting.splice(0)) resolve();
    }
    pending.callback(result);
  }

  private thread(): Worker | undefined {
    if (this.worker !== undefined) return this.worker;
    try {
      // node:worker_threads is loaded here, on the first use of a thread: start-up does not need it.
      const threads = require('node:worker_threads') as typeof import('node:worker_threads');
      const worker = new threads.Worker(this.workerFile, {
        workerData: this.data,
        name: 'otelkit span export',
      });
      worker.unref();
      worker.on('message', (reply: ExportReply) =>
        this.settle(reply.id, reply.ok ? { code: ExportResultCode.SUCCESS } : failed(new Error(reply.error))),
      );
      worker.on('error', (error: Error) => this.lost(worker, error));
      worker.on('exit', (code: number) =>
        this.lost(worker, new Error(`export thread exited with code ${code}`)),
      );
      this.worker = worker;
      return worker;
    } catch (error) {
      diag.warn(`otelkit: span export thread not started (${String(error)}); exporting on the main thread`);
      return undefined;
    }
  }

  /** The export thread is gone: export what it held, and everything after, in this thread. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (!this.stopped) {
      diag.warn(`otelkit: span export thread stopped (${error.message}); exporting on the main thread`);
    }
    for (const [id, { spans }] of [...this.pending]) {
      if (spans === undefined || this.stopped) this.settle(id, failed(error));
      else this.fallback().export(spans, (result) => this.settle(id, result));
    }
  }

  private fallback(): SpanExporter {
    this.local ??= this.createLocal();
    return this.local;
  }
}
