import { type Attributes, createTraceState, type Link, type SpanContext } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace';

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

/** Events and links of one span (most spans have neither, so they live outside the flat data). */
interface Extras {
  readonly events: readonly TimedEvent[];
  readonly links: readonly LinkRecord[];
}

/** A resource as plain data. @internal */
export interface ResourceRecord {
  readonly attributes: Attributes;
  readonly schemaUrl: string | undefined;
}

/**
 * One batch of finished spans as plain data for the export thread: everything the OTLP transformer
 * reads, nothing `postMessage` cannot clone. Each span is a run of {@link FIELDS} values in `data`,
 * followed by its attributes as (index into `keys`, value) pairs: one flat array clones several times
 * faster than an object per span, which would repeat every field and attribute name.
 * @internal
 */
export interface SpanBatch {
  readonly resources: readonly ResourceRecord[];
  readonly scopes: readonly InstrumentationScope[];
  readonly keys: readonly string[];
  readonly extras: readonly Extras[];
  readonly data: readonly unknown[];
}

/** Fixed values per span in `data`, then `2 × attribute count` more. */
const FIELDS = 21;

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

/** Packs finished spans into a {@link SpanBatch}. @internal */
export function toSpanBatch(spans: readonly ReadableSpan[]): SpanBatch {
  const resources: ResourceRecord[] = [];
  const resourceSources: Resource[] = [];
  const scopes: InstrumentationScope[] = [];
  const extras: Extras[] = [];
  const keyIndex = new Map<string, number>();
  // Filled with push only: a packed array clones densely, one with holes (index writes) does not.
  const data: unknown[] = [];
  // Spans of a batch nearly always share one resource and few scopes: remember the last of each.
  let lastResource: Resource | undefined;
  let resourceAt = -1;
  let lastScope: InstrumentationScope | undefined;
  let scopeAt = -1;
  for (const span of spans) {
    const sc = span.spanContext();
    const parent = span.parentSpanContext;
    if (span.resource !== lastResource) {
      lastResource = span.resource;
      resourceAt = resourceSources.indexOf(lastResource);
      if (resourceAt === -1) {
        resourceSources.push(lastResource);
        resourceAt =
          resources.push({ attributes: lastResource.attributes, schemaUrl: lastResource.schemaUrl }) - 1;
      }
    }
    if (span.instrumentationScope !== lastScope) {
      const scope = span.instrumentationScope;
      lastScope = scope;
      scopeAt = scopes.findIndex(
        (s) => s.name === scope.name && s.version === scope.version && s.schemaUrl === scope.schemaUrl,
      );
      if (scopeAt === -1) {
        scopeAt = scopes.push({ name: scope.name, version: scope.version, schemaUrl: scope.schemaUrl }) - 1;
      }
    }
    const countAt =
      data.push(
        sc.traceId,
        sc.spanId,
        sc.traceFlags,
        sc.traceState?.serialize(),
        parent?.spanId,
        parent?.isRemote,
        span.name,
        span.kind,
        span.startTime[0],
        span.startTime[1],
        span.endTime[0],
        span.endTime[1],
        span.status.code,
        span.status.message,
        span.droppedAttributesCount,
        span.droppedEventsCount,
        span.droppedLinksCount,
        resourceAt,
        scopeAt,
        span.events.length > 0 || span.links.length > 0
          ? extras.push({ events: span.events, links: span.links.map(toLinkRecord) }) - 1
          : -1,
        0,
      ) - 1;
    let count = 0;
    const attributes = span.attributes;
    for (const key in attributes) {
      let index = keyIndex.get(key);
      if (index === undefined) {
        index = keyIndex.size;
        keyIndex.set(key, index);
      }
      data.push(index, attributes[key]);
      count++;
    }
    data[countAt] = count;
  }
  return { resources, scopes, keys: [...keyIndex.keys()], extras, data };
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

const NO_EXTRAS: Extras = { events: [], links: [] };

/** Unpacks a {@link SpanBatch} into spans the SDK's exporters accept. @internal */
export function fromSpanBatch(batch: SpanBatch): ReadableSpan[] {
  const resources = batch.resources.map(toResource);
  const { data, keys } = batch;
  const spans: ReadableSpan[] = [];
  let at = 0;
  while (at < data.length) {
    const traceId = data[at] as string;
    const traceFlags = data[at + 2] as number;
    const parentSpanId = data[at + 4] as string | undefined;
    const context = spanContextOf(
      traceId,
      data[at + 1] as string,
      traceFlags,
      data[at + 3] as string | undefined,
      false,
    );
    const startTime: [number, number] = [data[at + 8] as number, data[at + 9] as number];
    const endTime: [number, number] = [data[at + 10] as number, data[at + 11] as number];
    const message = data[at + 13] as string | undefined;
    const extrasIndex = data[at + 19] as number;
    const extras = extrasIndex === -1 ? NO_EXTRAS : batch.extras[extrasIndex]!;
    const attributeCount = data[at + 20] as number;
    const attributes: Attributes = {};
    for (let i = 0, p = at + FIELDS; i < attributeCount; i++, p += 2) {
      attributes[keys[data[p] as number]!] = data[p + 1] as Attributes[string];
    }
    spans.push({
      name: data[at + 6] as string,
      kind: data[at + 7] as number,
      spanContext: () => context,
      parentSpanContext:
        parentSpanId === undefined
          ? undefined
          : { traceId, spanId: parentSpanId, traceFlags, isRemote: data[at + 5] as boolean | undefined },
      startTime,
      endTime,
      duration: durationOf(startTime, endTime),
      status:
        message === undefined
          ? { code: data[at + 12] as number }
          : { code: data[at + 12] as number, message },
      attributes,
      links: extras.links.map((l) => ({
        context: spanContextOf(l.traceId, l.spanId, l.traceFlags, l.traceState, l.isRemote),
        attributes: l.attributes,
        droppedAttributesCount: l.droppedAttributesCount,
      })),
      events: extras.events as TimedEvent[],
      ended: true,
      resource: resources[data[at + 17] as number]!,
      instrumentationScope: batch.scopes[data[at + 18] as number]!,
      droppedAttributesCount: data[at + 14] as number,
      droppedEventsCount: data[at + 15] as number,
      droppedLinksCount: data[at + 16] as number,
    });
    at += FIELDS + 2 * attributeCount;
  }
  return spans;
}

/** `end - start` as an `HrTime` (the transformer does not read it; `ReadableSpan` requires it). */
function durationOf(start: [number, number], end: [number, number]): [number, number] {
  let seconds = end[0] - start[0];
  let nanos = end[1] - start[1];
  if (nanos < 0) {
    seconds -= 1;
    nanos += 1e9;
  }
  return [seconds, nanos];
}
