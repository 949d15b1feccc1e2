import type { ProtoWriter } from './proto-writer';

/** Wire types of the protobuf encoding. @internal */
export const VARINT = 0;
/** @internal */
export const FIXED64 = 1;
/** @internal */
export const LENGTH_DELIMITED = 2;
/** @internal */
export const FIXED32 = 5;

/** Integers the OTLP `int_value` (int64) holds; others are sent as `double_value`. */
const MIN_INT64 = -(2 ** 63);
const MAX_INT64 = 2 ** 63;

/** What an attribute or log body may hold: OTLP's `AnyValue`. */
type Value = unknown;

/** The parts of an SDK resource the encoding reads. @internal */
export interface ResourceLike {
  readonly attributes: Readonly<Record<string, Value>>;
  readonly schemaUrl?: string | undefined;
}

/** The parts of an instrumentation scope the encoding reads. @internal */
export interface ScopeLike {
  readonly name: string;
  readonly version?: string | undefined;
  readonly schemaUrl?: string | undefined;
  readonly attributes?: Readonly<Record<string, Value>> | undefined;
  readonly droppedAttributesCount?: number | undefined;
}

/**
 * `opentelemetry.proto.common.v1.AnyValue`: string 1, bool 2, int 3, double 4, array 5, kvlist 6,
 * bytes 7. Anything else (null, undefined, a function) is the empty value, as the upstream encoder
 * writes it.
 * @internal
 */
export function writeAnyValue(w: ProtoWriter, value: Value): void {
  switch (typeof value) {
    case 'string':
      w.tag(1, LENGTH_DELIMITED);
      w.string(value);
      return;
    case 'boolean':
      w.tag(2, VARINT);
      w.varint32(value ? 1 : 0);
      return;
    case 'number':
      if (Number.isInteger(value) && value >= MIN_INT64 && value < MAX_INT64) {
        w.tag(3, VARINT);
        w.varint64(value);
      } else {
        w.tag(4, FIXED64);
        w.double(value);
      }
      return;
    case 'object':
      if (value === null) return;
      if (value instanceof Uint8Array) {
        w.tag(7, LENGTH_DELIMITED);
        w.bytes(value);
      } else if (Array.isArray(value)) {
        w.tag(5, LENGTH_DELIMITED);
        const array = w.begin(2);
        for (const item of value) {
          w.tag(1, LENGTH_DELIMITED);
          const entry = w.begin(1);
          writeAnyValue(w, item);
          w.end(entry);
        }
        w.end(array);
      } else {
        w.tag(6, LENGTH_DELIMITED);
        const list = w.begin(2);
        writeAttributes(w, value as Record<string, Value>, 1);
        w.end(list);
      }
      return;
    default:
      return;
  }
}

/** Each own enumerable property as a `KeyValue` (key 1, value 2) in repeated field `field`. @internal */
export function writeAttributes(
  w: ProtoWriter,
  attributes: Readonly<Record<string, Value>>,
  field: number,
): void {
  for (const key in attributes) {
    if (!Object.hasOwn(attributes, key)) continue;
    w.tag(field, LENGTH_DELIMITED);
    const kv = w.begin(1);
    w.tag(1, LENGTH_DELIMITED);
    w.string(key);
    w.tag(2, LENGTH_DELIMITED);
    const value = w.begin(1);
    writeAnyValue(w, attributes[key]);
    w.end(value);
    w.end(kv);
  }
}

/** `Resource` (attributes 1, dropped count 2) as field `field`. @internal */
export function writeResource(w: ProtoWriter, resource: ResourceLike, field: number): void {
  w.tag(field, LENGTH_DELIMITED);
  const mark = w.begin(2);
  writeAttributes(w, resource.attributes, 1);
  w.tag(2, VARINT);
  w.varint32(0);
  w.end(mark);
}

/** `InstrumentationScope` (name 1, version 2, attributes 3, dropped count 4) as field `field`. @internal */
export function writeScope(w: ProtoWriter, scope: ScopeLike, field: number): void {
  w.tag(field, LENGTH_DELIMITED);
  const mark = w.begin(1);
  w.tag(1, LENGTH_DELIMITED);
  w.string(scope.name);
  if (scope.version) {
    w.tag(2, LENGTH_DELIMITED);
    w.string(scope.version);
  }
  if (scope.attributes !== undefined) writeAttributes(w, scope.attributes, 3);
  if (scope.droppedAttributesCount) {
    w.tag(4, VARINT);
    w.varint32(scope.droppedAttributesCount);
  }
  w.end(mark);
}

/** What the export requests group by: spans and log records both carry their resource and scope. @internal */
export interface Scoped {
  readonly resource: ResourceLike;
  readonly instrumentationScope: ScopeLike;
}

/** Items grouped by resource, then by instrumentation scope (object identity, first-seen order). */
function groupByResourceAndScope<T extends Scoped>(
  items: readonly T[],
): Map<ResourceLike, Map<ScopeLike, T[]>> {
  const byResource = new Map<ResourceLike, Map<ScopeLike, T[]>>();
  let last: T[] | undefined;
  let lastItem: T | undefined;
  for (const item of items) {
    const { resource, instrumentationScope: scope } = item;
    if (last !== undefined && resource === lastItem!.resource && scope === lastItem!.instrumentationScope) {
      last.push(item);
      continue;
    }
    let byScope = byResource.get(resource);
    if (byScope === undefined) {
      byScope = new Map();
      byResource.set(resource, byScope);
    }
    let group = byScope.get(scope);
    if (group === undefined) {
      group = [];
      byScope.set(scope, group);
    }
    group.push(item);
    last = group;
    lastItem = item;
  }
  return byResource;
}

/**
 * An OTLP export request (`ExportTraceServiceRequest`, `ExportLogsServiceRequest`): field 1 per
 * resource (resource 1, one field 2 per scope, schema URL 3), each scope's message holding the scope 1,
 * its items as field 2 (written by `writeItem`, tag included) and the scope's schema URL 3. Resources
 * and scopes come in the order the items first name them, as the upstream serializers write them.
 * @internal
 */
export function writeExportRequest<T extends Scoped>(
  w: ProtoWriter,
  items: readonly T[],
  writeItem: (w: ProtoWriter, item: T) => void,
): Uint8Array {
  w.reset();
  for (const [resource, byScope] of groupByResourceAndScope(items)) {
    w.tag(1, LENGTH_DELIMITED);
    const resourceMark = w.begin(3);
    writeResource(w, resource, 1);
    for (const [scope, group] of byScope) {
      w.tag(2, LENGTH_DELIMITED);
      const scopeMark = w.begin(3);
      writeScope(w, scope, 1);
      for (const item of group) writeItem(w, item);
      if (scope.schemaUrl) {
        w.tag(3, LENGTH_DELIMITED);
        w.string(scope.schemaUrl);
      }
      w.end(scopeMark);
    }
    if (resource.schemaUrl) {
      w.tag(3, LENGTH_DELIMITED);
      w.string(resource.schemaUrl);
    }
    w.end(resourceMark);
  }
  return w.finish();
}
