import type { AnyValue, Attributes, Context, HrTime, SeverityNumber, SpanContext } from '@opentelemetry/api';
import { AddAttributeDecision, type InstrumentationScope, maybeAddAttribute } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { LogRecordLimits, LogRecordProcessor, ReadWriteLogRecord } from '@opentelemetry/sdk-logs';

/**
 * The log record limits of otelkit's `LoggerProvider` (the SDK's defaults, given explicitly so that
 * {@link PinoLogRecord} applies the same ones).
 * @internal
 */
export const LOG_RECORD_LIMITS: Required<LogRecordLimits> = {
  attributeCountLimit: 128,
  attributeValueLengthLimit: Number.POSITIVE_INFINITY,
};

/** Nesting depth below which log values are written out; deeper ones become `'[Truncated]'`. @internal */
export const MAX_VALUE_DEPTH = 8;

/** A log record's time from `Date.now()` milliseconds. @internal */
export function hrTimeOf(now: number): HrTime {
  return [Math.trunc(now / 1000), (now % 1000) * 1e6];
}

/**
 * Where `createLogger()` loggers send their records while log export runs: the provider's resource,
 * otelkit's instrumentation scope and the provider's processors (what the SDK's `Logger.emit` would
 * hand them, without rebuilding and revalidating attributes that are valid by construction).
 * @internal
 */
export interface LogRecordSink {
  readonly resource: Resource;
  readonly scope: InstrumentationScope;
  readonly processors: readonly LogRecordProcessor[];
  /**
   * Whether every processor exports over OTLP/protobuf only, so that records may be written as their
   * OTLP message when emitted (`EncodedLogRecord`).
   */
  readonly preEncoded?: boolean;
}

/**
 * One pino call as an OpenTelemetry log record: a `ReadWriteLogRecord` as the SDK's own, with the
 * same fields (times, span context, severity, body, attributes under the provider's limits, resource,
 * scope) and the same rules (the setters apply the limits; after `onEmit` the record is read-only).
 * Built from attributes that are already `AnyValue`s (see `emitPinoCall`), so they are taken as they
 * are, up to the count limit.
 * @internal
 */
export class PinoLogRecord implements ReadWriteLogRecord {
  hrTime: HrTime;
  hrTimeObserved: HrTime;
  spanContext: SpanContext | undefined;
  severityNumber: SeverityNumber | undefined;
  severityText: string | undefined;
  body: AnyValue | undefined;
  eventName: string | undefined = undefined;
  readonly attributes: Attributes;
  readonly resource: Resource;
  readonly instrumentationScope: InstrumentationScope;
  droppedAttributesCount: number;
  private count: number;
  private readonly: boolean = false;

  constructor(
    sink: LogRecordSink,
    spanContext: SpanContext | undefined,
    severityNumber: SeverityNumber,
    severityText: string,
    body: AnyValue | undefined,
    attributes: Attributes,
    count: number,
    now: number = Date.now(),
  ) {
    this.hrTime = hrTimeOf(now);
    this.hrTimeObserved = this.hrTime;
    this.spanContext = spanContext;
    this.severityNumber = severityNumber;
    this.severityText = severityText;
    this.body = body;
    this.resource = sink.resource;
    this.instrumentationScope = sink.scope;
    const limit = LOG_RECORD_LIMITS.attributeCountLimit;
    this.attributes = count > limit ? firstKeys(attributes, limit) : attributes;
    this.count = Math.min(count, limit);
    this.droppedAttributesCount = count - this.count;
  }

  setAttribute(key: string, value?: AnyValue): this {
    if (this.readonly) return this;
    const decision = maybeAddAttribute({
      key,
      value,
      attributes: this.attributes,
      limits: LOG_RECORD_LIMITS,
      currentAttributesCount: this.count,
    });
    if (decision === AddAttributeDecision.DROP_LIMIT_REACHED) this.droppedAttributesCount++;
    else if (decision === AddAttributeDecision.ADD_NEW) this.count++;
    return this;
  }

  setAttributes(attributes: Attributes): this {
    for (const key of Object.keys(attributes)) this.setAttribute(key, attributes[key]);
    return this;
  }

  setBody(body: AnyValue): this {
    if (!this.readonly) this.body = body;
    return this;
  }

  setEventName(eventName: string): this {
    if (!this.readonly) this.eventName = eventName;
    return this;
  }

  setSeverityNumber(severityNumber: SeverityNumber): this {
    if (!this.readonly) this.severityNumber = severityNumber;
    return this;
  }

  setSeverityText(severityText: string): this {
    if (!this.readonly) this.severityText = severityText;
    return this;
  }

  /** Hands the record to every processor of `sink`, then makes it read-only (as the SDK's `Logger.emit`). */
  emit(sink: LogRecordSink, context: Context): void {
    for (const processor of sink.processors) processor.onEmit(this, context);
    this.readonly = true;
  }
}

/** The first `limit` attributes of `attributes` (the SDK keeps the first ones set, and drops the rest). */
function firstKeys(attributes: Attributes, limit: number): Attributes {
  const kept: Attributes = {};
  let n = 0;
  for (const key of Object.keys(attributes)) {
    if (n++ === limit) break;
    kept[key] = attributes[key];
  }
  return kept;
}
