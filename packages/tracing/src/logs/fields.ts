import { context, type SpanContext, trace } from '@opentelemetry/api';
import { correlationIdFrom } from '../correlation/context';

/** Log fields that tie a log line to its trace and unit of work. */
export interface LogCorrelationFields {
  trace_id?: string;
  span_id?: string;
  trace_flags?: string;
  correlation_id?: string;
}

/**
 * The trace and correlation fields of the active context, for any logger: `trace_id`, `span_id`,
 * `trace_flags` (`01` when sampled) and `correlation_id`; absent fields are left out.
 * @example
 * console.log(JSON.stringify({ msg: 'done', ...logCorrelationFields() }));
 */
export function logCorrelationFields(): LogCorrelationFields {
  const ctx = context.active();
  const fields: LogCorrelationFields = {};
  const sc = trace.getSpanContext(ctx);
  if (sc !== undefined && isValid(sc)) {
    fields.trace_id = sc.traceId;
    fields.span_id = sc.spanId;
    fields.trace_flags = FLAGS[sc.traceFlags & 0xff];
  }
  const id = correlationIdFrom(ctx);
  if (id !== undefined) fields.correlation_id = id;
  return fields;
}

/** `trace_flags` text of each flags byte. */
const FLAGS: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The span context last found valid: a unit of work logs many lines in one span. */
let lastValid: SpanContext | undefined;

/**
 * `trace.isSpanContextValid`, checked once per span context (span contexts do not change).
 * @internal
 */
export function isValid(sc: SpanContext): boolean {
  if (sc === lastValid) return true;
  if (!trace.isSpanContextValid(sc)) return false;
  lastValid = sc;
  return true;
}
