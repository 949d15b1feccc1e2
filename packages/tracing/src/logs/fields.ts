import { context, trace } from '@opentelemetry/api';
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
  const span = trace.getSpan(ctx);
  if (span !== undefined) {
    const sc = span.spanContext();
    if (trace.isSpanContextValid(sc)) {
      fields.trace_id = sc.traceId;
      fields.span_id = sc.spanId;
      fields.trace_flags = `0${(sc.traceFlags & 0xff).toString(16)}`.slice(-2);
    }
  }
  const id = correlationIdFrom(ctx);
  if (id !== undefined) fields.correlation_id = id;
  return fields;
}
