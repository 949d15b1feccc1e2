import type { Attributes, Context, HrTime, SeverityNumber, SpanContext } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { ReadWriteLogRecord } from '@opentelemetry/sdk-logs';
import { CORRELATION_KEY } from '../correlation/context';
import { FIXED32, FIXED64, LENGTH_DELIMITED, VARINT, writeAnyValue } from '../export/otlp-proto/common';
import { ENCODED } from '../export/otlp-proto/logs-request';
import { ProtoWriter } from '../export/otlp-proto/proto-writer';
import { hrTimeOf, LOG_RECORD_LIMITS, type LogRecordSink, MAX_VALUE_DEPTH } from './pino-log-record';

/** Values a log record leaves out: `toAnyValue` returns `undefined` for them. */
function isDropped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * The AnyValue content of `toAnyValue(value, depth)` (`log-record.ts`), written directly: Dates as ISO
 * text, bigints as text, Uint8Arrays as bytes, functions and symbols as the empty value (they only
 * reach here inside arrays), objects as maps of their own enumerable keys, `'[Truncated]'` at depth 8.
 */
function writeLogValue(w: ProtoWriter, value: unknown, depth: number): void {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      writeAnyValue(w, value);
      return;
    case 'bigint':
      writeAnyValue(w, value.toString());
      return;
    case 'object':
      break;
    default:
      return;
  }
  if (value === null) return;
  if (value instanceof Date) {
    writeAnyValue(w, Number.isNaN(value.getTime()) ? String(value) : value.toISOString());
  } else if (value instanceof Uint8Array) {
    writeAnyValue(w, value);
  } else if (depth >= MAX_VALUE_DEPTH) {
    writeAnyValue(w, '[Truncated]');
  } else if (Array.isArray(value)) {
    w.tag(5, LENGTH_DELIMITED);
    const array = w.begin(2);
    for (const item of value) {
      w.tag(1, LENGTH_DELIMITED);
      const entry = w.begin(1);
      writeLogValue(w, item, depth + 1);
      w.end(entry);
    }
    w.end(array);
  } else {
    w.tag(6, LENGTH_DELIMITED);
    const list = w.begin(2);
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const v = object[key];
      if (!isDropped(v)) writeKeyValue(w, 1, key, v, depth + 1);
    }
    w.end(list);
  }
}

function writeKeyValue(w: ProtoWriter, field: number, key: string, value: unknown, depth: number): void {
  w.tag(field, LENGTH_DELIMITED);
  const kv = w.begin(1);
  w.tag(1, LENGTH_DELIMITED);
  w.string(key);
  w.tag(2, LENGTH_DELIMITED);
  const v = w.begin(1);
  writeLogValue(w, value, depth);
  w.end(v);
  w.end(kv);
}

/** Whether the attribute object `emitPinoCall` builds would order `key` differently (array indices first). */
function startsWithDigit(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * Writes the attributes `emitPinoCall` would build (bindings, then the call's own fields, then
 * `correlation.id`) as field 6 of a LogRecord, returning their count; or -1 when the direct order
 * would differ from that object's (a key in both, a key that is an array index, `correlation.id` among
 * the fields) or the count exceeds the limit: the caller then takes the record path.
 */
function writeAttributes(
  w: ProtoWriter,
  bindings: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, unknown>> | undefined,
  correlationId: string | undefined,
): number {
  let count = 0;
  for (const key in bindings) {
    if (key === 'msg' || !Object.hasOwn(bindings, key)) continue;
    if (startsWithDigit(key) || (correlationId !== undefined && key === CORRELATION_KEY)) return -1;
    if (fields !== undefined && Object.hasOwn(fields, key)) return -1;
    const value = bindings[key];
    if (isDropped(value)) continue;
    writeKeyValue(w, 6, key, value, 1);
    count++;
  }
  if (fields !== undefined) {
    for (const key in fields) {
      if (key === 'msg' || !Object.hasOwn(fields, key)) continue;
      if (startsWithDigit(key) || (correlationId !== undefined && key === CORRELATION_KEY)) return -1;
      const value = fields[key];
      if (isDropped(value)) continue;
      writeKeyValue(w, 6, key, value, 1);
      count++;
    }
  }
  if (correlationId !== undefined) {
    writeKeyValue(w, 6, CORRELATION_KEY, correlationId, 1);
    count++;
  }
  return count > LOG_RECORD_LIMITS.attributeCountLimit ? -1 : count;
}

/** Where the records' messages are written, one after the other (each record keeps a view of its bytes). */
const slab = new ProtoWriter();

const NO_ATTRIBUTES: Attributes = Object.freeze({});

/**
 * A `createLogger()` log record written as an OTLP `LogRecord` message when it is emitted, for log
 * export over OTLP/protobuf: the queue then holds a few hundred bytes per record instead of the record's
 * objects (its attributes and their values), and the export copies the bytes. Its fields are those the
 * batch processor and the encoder read; the attributes and body live only in the message. Built by
 * {@link encodePinoCall}; read-only (it is emitted as soon as it is made).
 * @internal
 */
export class EncodedLogRecord implements ReadWriteLogRecord {
  readonly [ENCODED]: Uint8Array;
  readonly hrTime: HrTime;
  readonly hrTimeObserved: HrTime;
  readonly attributes: Attributes = NO_ATTRIBUTES;
  readonly resource: Resource;
  readonly instrumentationScope: InstrumentationScope;

  constructor(
    sink: LogRecordSink,
    encoded: Uint8Array,
    time: HrTime,
    readonly spanContext: SpanContext | undefined,
    readonly severityNumber: SeverityNumber,
    readonly severityText: string,
    readonly droppedAttributesCount: number,
  ) {
    this[ENCODED] = encoded;
    this.hrTime = time;
    this.hrTimeObserved = time;
    this.resource = sink.resource;
    this.instrumentationScope = sink.scope;
  }

  setAttribute(): this {
    return this;
  }
  setAttributes(): this {
    return this;
  }
  setBody(): this {
    return this;
  }
  setEventName(): this {
    return this;
  }
  setSeverityNumber(): this {
    return this;
  }
  setSeverityText(): this {
    return this;
  }

  /** Hands the record to every processor of `sink`. */
  emit(sink: LogRecordSink, context: Context): void {
    for (const processor of sink.processors) processor.onEmit(this, context);
  }
}

/**
 * One pino call as an {@link EncodedLogRecord}: the message the LogsRequestEncoder would write for the
 * `PinoLogRecord` emitPinoCall builds from the same call (the tests compare the bytes). `undefined` when
 * the attributes cannot be written in order directly (see {@link writeAttributes}); the caller then
 * builds the record object.
 * @internal
 */
export function encodePinoCall(
  sink: LogRecordSink,
  now: number,
  spanContext: SpanContext | undefined,
  severityNumber: SeverityNumber,
  severityText: string,
  body: unknown,
  bindings: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, unknown>> | undefined,
  correlationId: string | undefined,
): EncodedLogRecord | undefined {
  const w = slab;
  const start = w.startRecord();
  const time = hrTimeOf(now);
  w.tag(1, FIXED64);
  w.hrTime(time);
  if (severityNumber !== 0) {
    w.tag(2, VARINT);
    w.varint32(severityNumber);
  }
  if (severityText) {
    w.tag(3, LENGTH_DELIMITED);
    w.string(severityText);
  }
  if (!isDropped(body)) {
    w.tag(5, LENGTH_DELIMITED);
    const mark = w.begin(1);
    writeLogValue(w, body, 1);
    w.end(mark);
  }
  const count = writeAttributes(w, bindings, fields, correlationId);
  if (count < 0) {
    w.abandonRecord(start);
    return undefined;
  }
  w.tag(7, VARINT);
  w.varint32(0);
  if (spanContext !== undefined) {
    if (spanContext.traceFlags) {
      w.tag(8, FIXED32);
      w.fixed32(spanContext.traceFlags);
    }
    w.tag(9, LENGTH_DELIMITED);
    w.hexBytes(spanContext.traceId);
    w.tag(10, LENGTH_DELIMITED);
    w.hexBytes(spanContext.spanId);
  }
  w.tag(11, FIXED64);
  w.hrTime(time);
  return new EncodedLogRecord(sink, w.takeRecord(start), time, spanContext, severityNumber, severityText, 0);
}
