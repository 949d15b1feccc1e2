import { join } from 'node:path';
import protobuf from 'protobufjs';

/** The OTLP protos as published by the OpenTelemetry project (shipped in dd-trace), read by protobufjs. */
const PROTO_DIR = join(
  __dirname,
  '../../../../node_modules/dd-trace/packages/dd-trace/src/opentelemetry/otlp',
);
let requestType: protobuf.Type | undefined;

interface Idded {
  traceId?: unknown;
  spanId?: unknown;
  parentSpanId?: unknown;
  links?: Idded[];
}
interface TracesBody {
  resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: Idded[] }> }>;
}

const hex = (b64: unknown): string =>
  typeof b64 === 'string' ? Buffer.from(b64, 'base64').toString('hex') : '';

/**
 * Decodes an OTLP/protobuf `ExportTraceServiceRequest` with protobufjs and the official .proto files
 * (independent of the encoder in `@opentelemetry/otlp-transformer`) into the OTLP/JSON mapping's shape:
 * ids as lower-case hex, 64-bit integers as strings, enums as numbers, unset fields absent.
 */
export function decodeProtobufTraces(bytes: Uint8Array): unknown {
  if (requestType === undefined) {
    const root = new protobuf.Root();
    root.resolvePath = (_origin, target) => join(PROTO_DIR, target.replace(/^.*\//, ''));
    root.loadSync('trace_service.proto', { keepCase: false });
    requestType = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
  }
  const plain = requestType.toObject(requestType.decode(bytes), {
    longs: String,
    enums: Number,
    bytes: String,
    defaults: false,
  }) as TracesBody;
  const ids = (item: Idded): void => {
    item.traceId = hex(item.traceId);
    item.spanId = hex(item.spanId);
    if (item.parentSpanId !== undefined) item.parentSpanId = hex(item.parentSpanId);
  };
  for (const rs of plain.resourceSpans ?? [])
    for (const ss of rs.scopeSpans ?? [])
      for (const span of ss.spans ?? []) {
        ids(span);
        for (const link of span.links ?? []) ids(link);
      }
  return plain;
}

/**
 * An OTLP/HTTP trace export body as the JSON mapping's object, whichever encoding it came in
 * (`application/x-protobuf`, otelkit's default, or `application/json`).
 */
export function parseTraceBody(body: Buffer, contentType: string | undefined): unknown {
  return contentType?.includes('protobuf')
    ? decodeProtobufTraces(body)
    : (JSON.parse(body.toString('utf8')) as unknown);
}
