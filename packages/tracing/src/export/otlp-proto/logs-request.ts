import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import {
  FIXED32,
  FIXED64,
  LENGTH_DELIMITED,
  VARINT,
  writeAnyValue,
  writeAttributes,
  writeExportRequest,
} from './common';
import { ProtoWriter } from './proto-writer';

/**
 * Where a log record that was written as its `LogRecord` message when emitted keeps those bytes
 * (`logs/encoded-log-record.ts`): the encoder copies them as they are.
 * @internal
 */
export const ENCODED: unique symbol = Symbol('otelkit.encoded-log-record');

/**
 * `opentelemetry.proto.logs.v1.LogRecord`, fields in number order: time 1, severity number 2 (unless
 * unspecified), severity text 3, body 5, attributes 6, dropped attributes 7 (always), trace flags 8
 * (when non-zero), trace ID 9, span ID 10, observed time 11, event name 12.
 */
function writeLogRecord(w: ProtoWriter, record: ReadableLogRecord): void {
  const encoded = (record as { readonly [ENCODED]?: Uint8Array })[ENCODED];
  if (encoded !== undefined) {
    w.tag(2, LENGTH_DELIMITED);
    w.bytes(encoded);
    return;
  }
  w.tag(2, LENGTH_DELIMITED);
  const mark = w.begin(2);
  w.tag(1, FIXED64);
  w.hrTime(record.hrTime);
  if (record.severityNumber !== undefined && record.severityNumber !== 0) {
    w.tag(2, VARINT);
    w.varint32(record.severityNumber);
  }
  if (record.severityText) {
    w.tag(3, LENGTH_DELIMITED);
    w.string(record.severityText);
  }
  if (record.body !== undefined) {
    w.tag(5, LENGTH_DELIMITED);
    const body = w.begin(1);
    writeAnyValue(w, record.body);
    w.end(body);
  }
  writeAttributes(w, record.attributes, 6);
  w.tag(7, VARINT);
  w.varint32(record.droppedAttributesCount);
  const ctx = record.spanContext;
  if (ctx?.traceFlags) {
    w.tag(8, FIXED32);
    w.fixed32(ctx.traceFlags);
  }
  if (ctx?.traceId) {
    w.tag(9, LENGTH_DELIMITED);
    w.hexBytes(ctx.traceId);
  }
  if (ctx?.spanId) {
    w.tag(10, LENGTH_DELIMITED);
    w.hexBytes(ctx.spanId);
  }
  w.tag(11, FIXED64);
  w.hrTime(record.hrTimeObserved);
  if (record.eventName) {
    w.tag(12, LENGTH_DELIMITED);
    w.string(record.eventName);
  }
  w.end(mark);
}

/**
 * Encodes log records as an OTLP `ExportLogsServiceRequest` in protobuf, in one pass: `ResourceLogs`
 * (resource 1, scope logs 2, schema URL 3) per resource, `ScopeLogs` (scope 1, log records 2, schema
 * URL 3) per instrumentation scope. Byte for byte what the upstream `ProtobufLogsSerializer` writes
 * (the tests compare both), with less CPU and no intermediate objects.
 * @internal
 */
export class LogsRequestEncoder {
  private readonly writer = new ProtoWriter();

  encode(records: readonly ReadableLogRecord[]): Uint8Array {
    return writeExportRequest(this.writer, records, writeLogRecord);
  }
}
