import {
  type Attributes,
  createTraceState,
  type HrTime,
  type Link,
  type SpanContext,
  type SpanKind,
  type SpanStatus,
} from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';

/** A link with its trace state as text (a `TraceState` object does not survive `postMessage`). */
interface LinkRecord {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
  readonly traceState: string | undefined;
  readonly isRemote: boolean | undefined;
  readonly attributes: Attributes | undefined;
  readonly droppedAttributesCount: number | undefined;
}

/**
 * One finished span as plain data, for the export thread: everything the OTLP transformer reads, and
 * nothing that `postMessage` cannot clone (no functions, no class instances).
 * @internal
 */
export interface SpanRecord {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
  readonly traceState: string | undefined;
  readonly parentSpanId: string | undefined;
  readonly parentIsRemote: boolean | undefined;
  readonly name: string;
  readonly kind: SpanKind;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly duration: HrTime;
  readonly status: SpanStatus;
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
  readonly events: readonly TimedEvent[];
  readonly droppedEventsCount: number;
  readonly links: readonly LinkRecord[];
  readonly droppedLinksCount: number;
  /** Index into the batch's `resources`. */
  readonly resource: number;
  /** Index into the batch's `scopes`. */
  readonly scope: number;
}

/** A resource as plain data. @internal */
export interface ResourceRecord {
  readonly attributes: Attributes;
  readonly schemaUrl: string | undefined;
}

/** One batch of spans for the export thread, resources and scopes listed once. @internal */
export interface SpanBatch {
  readonly resources: readonly ResourceRecord[];
  readonly scopes: readonly InstrumentationScope[];
  readonly spans: readonly SpanRecord[];
}

function indexOf<T>(item: T, seen: Map<T, number>, list: unknown[], record: () => unknown): number {
  let index = seen.get(item);
  if (index === undefined) {
    index = list.length;
    list.push(record());
    seen.set(item, index);
  }
  return index;
}

/** Packs finished spans into a {@link SpanBatch}. @internal */
export function toSpanBatch(spans: readonly ReadableSpan[]): SpanBatch {
  const resources: ResourceRecord[] = [];
  const scopes: InstrumentationScope[] = [];
  const resourceIndex = new Map<Resource, number>();
  const scopeIndex = new Map<InstrumentationScope, number>();
  const records = new Array<SpanRecord>(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const sc = span.spanContext();
    const parent = span.parentSpanContext;
    records[i] = {
      traceId: sc.traceId,
      spanId: sc.spanId,
      traceFlags: sc.traceFlags,
      traceState: sc.traceState?.serialize(),
      parentSpanId: parent?.spanId,
      parentIsRemote: parent?.isRemote,
      name: span.name,
      kind: span.kind,
      startTime: span.startTime,
      endTime: span.endTime,
      duration: span.duration,
      status: span.status,
      attributes: span.attributes,
      droppedAttributesCount: span.droppedAttributesCount,
      events: span.events,
      droppedEventsCount: span.droppedEventsCount,
      links: span.links.length === 0 ? [] : span.links.map(toLinkRecord),
      droppedLinksCount: span.droppedLinksCount,
      resource: indexOf(span.resource, resourceIndex, resources, () => ({
        attributes: span.resource.attributes,
        schemaUrl: span.resource.schemaUrl,
      })),
      scope: indexOf(span.instrumentationScope, scopeIndex, scopes, () => ({
        name: span.instrumentationScope.name,
        version: span.instrumentationScope.version,
        schemaUrl: span.instrumentationScope.schemaUrl,
      })),
    };
  }
  return { resources, scopes, spans: records };
}

function toLinkRecord(link: Link): LinkRecord {
  return {
    traceId: link.context.traceId,
    spanId: link.context.spanId,
    traceFlags: link.context.traceFlags,
    traceState: link.context.traceState?.serialize(),
    isRemote: link.context.isRemote,
    attributes: link.attributes,
    droppedAttributesCount: link.droppedAttributesCount,
  };
}

function toResource(record: ResourceRecord): Resource {
  return resourceFromAttributes(
    record.attributes,
    record.schemaUrl === undefined ? undefined : { schemaUrl: record.schemaUrl },
  );
}

function spanContextOf(
  traceId: string,
  spanId: string,
  traceFlags: number,
  traceState: string | undefined,
  isRemote: boolean | undefined,
): SpanContext {
  return {
    traceId,
    spanId,
    traceFlags,
    isRemote,
    traceState: traceState === undefined ? undefined : createTraceState(traceState),
  };
}

/** Unpacks a {@link SpanBatch} into spans the SDK's exporters accept. @internal */
export function fromSpanBatch(batch: SpanBatch): ReadableSpan[] {
  const resources = batch.resources.map(toResource);
  return batch.spans.map((r): ReadableSpan => {
    const context = spanContextOf(r.traceId, r.spanId, r.traceFlags, r.traceState, false);
    return {
      name: r.name,
      kind: r.kind,
      spanContext: () => context,
      parentSpanContext:
        r.parentSpanId === undefined
          ? undefined
          : {
              traceId: r.traceId,
              spanId: r.parentSpanId,
              traceFlags: r.traceFlags,
              isRemote: r.parentIsRemote,
            },
      startTime: r.startTime,
      endTime: r.endTime,
      duration: r.duration,
      status: r.status,
      attributes: r.attributes,
      links: r.links.map((l) => ({
        context: spanContextOf(l.traceId, l.spanId, l.traceFlags, l.traceState, l.isRemote),
        attributes: l.attributes,
        droppedAttributesCount: l.droppedAttributesCount,
      })),
      events: r.events as TimedEvent[],
      ended: true,
      resource: resources[r.resource]!,
      instrumentationScope: batch.scopes[r.scope]!,
      droppedAttributesCount: r.droppedAttributesCount,
      droppedEventsCount: r.droppedEventsCount,
      droppedLinksCount: r.droppedLinksCount,
    };
  });
}
