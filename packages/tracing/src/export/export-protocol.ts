import type { OtlpHttpProtocol } from '@otelkit/core/internal';
import type { SpanBatch } from './span-record';

/** What the export thread is started with (its `workerData`). @internal */
export interface ExportWorkerData {
  /** OTLP/HTTP traces endpoint (full URL). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMillis: number;
  /** `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`: `http/protobuf` (default) or `http/json`. */
  readonly protocol: OtlpHttpProtocol;
  /** `OTEL_LOG_LEVEL` of the main thread (`warn`, `debug`, …), so the export thread's diagnostics match. */
  readonly logLevel: string;
  /**
   * Set when the thread is started to send one batch while the main thread waits (an uncaught
   * exception is ending the process, see `CrashFlush`): the thread exports `batch`, then stores 1
   * (sent) or 2 (failed) in `signal[0]` and wakes the main thread; the same for `logs` in `signal[1]`.
   */
  readonly crash?: {
    /** Spans to export (none: `signal[0]` is left alone). */
    readonly batch: SpanBatch;
    /** OTLP log records, already encoded, to POST; the outcome goes to `signal[1]`. */
    readonly logs?: CrashLogRequest;
    readonly signal: SharedArrayBuffer;
  };
}

/** One encoded OTLP logs request sent by a crash export. @internal */
export interface CrashLogRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string;
  readonly body: Uint8Array;
  readonly timeoutMillis: number;
}

/** `signal[0]` values of a crash export. @internal */
export const CRASH_PENDING = 0;
/** @internal */
export const CRASH_SENT = 1;
/** @internal */
export const CRASH_FAILED = 2;

/** Main thread → export thread. @internal */
export type ExportRequest =
  | { readonly type: 'export'; readonly id: number; readonly batch: SpanBatch }
  | { readonly type: 'shutdown'; readonly id: number };

/** Export thread → main thread: the outcome of one request. @internal */
export interface ExportReply {
  readonly id: number;
  readonly ok: boolean;
  /** Why the export failed (the exporter's error message). */
  readonly error?: string;
}
