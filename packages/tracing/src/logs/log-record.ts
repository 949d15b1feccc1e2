import { format } from 'node:util';
import {
  type AnyValue,
  type Attributes,
  context,
  SeverityNumber,
  type SpanContext,
  trace,
} from '@opentelemetry/api';
import { CORRELATION_KEY, correlationIdFrom } from '../correlation/context';
import { encodePinoCall } from './encoded-log-record';
import { isValid } from './fields';
import { type LogRecordSink, MAX_VALUE_DEPTH, PinoLogRecord } from './pino-log-record';

/** Where otelkit's loggers send log records; set while log export runs. */
let sink: LogRecordSink | undefined;

/** Sets (or clears) where `createLogger()` loggers emit their records. @internal */
export function setLogSink(target: LogRecordSink | undefined): void {
  sink = target;
}

/** Where records go, or `undefined` when log export is off. @internal */
export function logSink(): LogRecordSink | undefined {
  return sink;
}

const SEVERITIES: ReadonlyArray<readonly [number, SeverityNumber, string]> = [
  [60, SeverityNumber.FATAL, 'FATAL'],
  [50, SeverityNumber.ERROR, 'ERROR'],
  [40, SeverityNumber.WARN, 'WARN'],
  [30, SeverityNumber.INFO, 'INFO'],
  [20, SeverityNumber.DEBUG, 'DEBUG'],
];

/**
 * The specification's severity for a pino level: trace=10 -> TRACE (1), debug=20 -> DEBUG (5),
 * info=30 -> INFO (9), warn=40 -> WARN (13), error=50 -> ERROR (17), fatal=60 -> FATAL (21); a custom
 * level takes the range it falls in.
 * @see https://opentelemetry.io/docs/specs/otel/logs/data-model-appendix/#appendix-b-severitynumber-example-mappings
 */
export function pinoSeverity(level: number): readonly [SeverityNumber, string] {
  for (const [from, number, text] of SEVERITIES) if (level >= from) return [number, text];
  return [SeverityNumber.TRACE, 'TRACE'];
}

/** A log attribute value OTLP can carry: Dates as ISO text, bigints as text, functions dropped. */
function toAnyValue(value: unknown, depth: number): AnyValue {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'function' || typeof value === 'symbol') return undefined;
    return value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return value;
  if (depth >= MAX_VALUE_DEPTH) return '[Truncated]';
  if (Array.isArray(value)) return value.map((v) => toAnyValue(v, depth + 1));
  const out: Record<string, AnyValue> = {};
  for (const key of Object.keys(value)) {
    const v = toAnyValue((value as Record<string, unknown>)[key], depth + 1);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Copies `fields` into `attributes` (the message key excluded); returns how many keys were new. */
function addFields(attributes: Attributes, fields: Readonly<Record<string, unknown>>): number {
  let added = 0;
  for (const key in fields) {
    if (key === 'msg' || !Object.hasOwn(fields, key)) continue;
    const v = toAnyValue(fields[key], 1);
    if (v === undefined) continue;
    if (!Object.hasOwn(attributes, key)) added++;
    attributes[key] = v;
  }
  return added;
}

/** The exception fields of an Error logged as the first argument (after redaction, as an object). */
function exceptionFields(error: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    'exception.type': error.type,
    'exception.message': error.message,
    'exception.stacktrace': error.stack,
  };
}

/**
 * Emits one pino call as an OpenTelemetry log record: severity from the level, the message as body,
 * the merging object's fields and the logger's bindings as attributes (an Error as `exception.type`,
 * `exception.message`, `exception.stacktrace`), `correlation.id` of the active context, the trace id,
 * span id and trace flags of the active span, the sink's resource and scope. `args` are the call's
 * arguments after redaction; `wasError` tells whether the first one was an Error before it. When the
 * sink exports only OTLP/protobuf the record is written as its message at once
 * (`encoded-log-record.ts`); otherwise it is a {@link PinoLogRecord}.
 * Never throws.
 * @internal
 */
export function emitPinoCall(
  target: LogRecordSink,
  level: number,
  args: readonly unknown[],
  wasError: boolean,
  bindings: Readonly<Record<string, unknown>>,
): void {
  try {
    const first = args[0];
    const object =
      first !== null && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
    const rest = object === undefined ? 0 : 1;
    let body: unknown;
    let fields: Readonly<Record<string, unknown>> | undefined = object;
    if (object !== undefined && wasError) {
      fields = exceptionFields(object);
      body = object.message;
    } else if (object !== undefined && typeof object.msg === 'string') {
      body = object.msg;
    }
    if (args.length > rest) {
      const template = args[rest];
      body = args.length > rest + 1 ? format(template, ...args.slice(rest + 1)) : template;
    }
    const ctx = context.active();
    const id = correlationIdFrom(ctx);
    const sc = trace.getSpanContext(ctx);
    const spanContext = sc !== undefined && isValid(sc) ? sc : undefined;
    const [severityNumber, severityText] = pinoSeverity(level);
    const now = Date.now();
    const record =
      (target.preEncoded === true &&
        encodePinoCall(target, now, spanContext, severityNumber, severityText, body, bindings, fields, id)) ||
      pinoLogRecord(target, now, spanContext, severityNumber, severityText, body, bindings, fields, id);
    record.emit(target, ctx);
  } catch {
    // A log record that cannot be built is not exported; the line on stdout is written regardless.
  }
}

/** The call as a {@link PinoLogRecord}: its attributes object built from bindings, fields and correlation ID. */
function pinoLogRecord(
  target: LogRecordSink,
  now: number,
  spanContext: SpanContext | undefined,
  severityNumber: SeverityNumber,
  severityText: string,
  body: unknown,
  bindings: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, unknown>> | undefined,
  id: string | undefined,
): PinoLogRecord {
  const attributes: Attributes = {};
  let count = addFields(attributes, bindings);
  if (fields !== undefined) count += addFields(attributes, fields);
  if (id !== undefined) {
    if (!Object.hasOwn(attributes, CORRELATION_KEY)) count++;
    attributes[CORRELATION_KEY] = id;
  }
  return new PinoLogRecord(
    target,
    spanContext,
    severityNumber,
    severityText,
    toAnyValue(body, 1),
    attributes,
    count,
    now,
  );
}
