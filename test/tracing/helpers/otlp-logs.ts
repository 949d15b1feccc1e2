import { join } from 'node:path';
import protobuf from 'protobufjs';

/** A value as decoded from OTLP `AnyValue` (maps as plain objects). */
export type Decoded = string | number | boolean | null | Decoded[] | { [key: string]: Decoded };

/** One log record as it arrived over OTLP (JSON or protobuf), with its resource and scope. */
export interface ReceivedLog {
  readonly resource: Record<string, Decoded>;
  readonly scope: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly flags: number;
  readonly severityNumber: number;
  readonly severityText: string;
  readonly body: Decoded;
  readonly attributes: Record<string, Decoded>;
}

interface AnyValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: KeyValue[] };
  bytesValue?: string;
}
interface KeyValue {
  key: string;
  value?: AnyValue;
}
interface LogsBody {
  resourceLogs?: Array<{
    resource?: { attributes?: KeyValue[] };
    scopeLogs?: Array<{
      scope?: { name?: string };
      logRecords?: Array<{
        traceId?: string;
        spanId?: string;
        flags?: number;
        severityNumber?: number | string;
        severityText?: string;
        body?: AnyValue;
        attributes?: KeyValue[];
      }>;
    }>;
  }>;
}

function decodeValue(v: AnyValue | undefined): Decoded {
  if (v === undefined) return null;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(decodeValue);
  if (v.kvlistValue !== undefined) return decodeList(v.kvlistValue.values);
  if (v.bytesValue !== undefined) return v.bytesValue;
  return null;
}

function decodeList(list: KeyValue[] | undefined): Record<string, Decoded> {
  const out: Record<string, Decoded> = {};
  for (const kv of list ?? []) out[kv.key] = decodeValue(kv.value);
  return out;
}

/** Flattens an OTLP logs export body (the JSON mapping, or protobuf decoded to the same shape). */
export function parseLogs(body: LogsBody): ReceivedLog[] {
  const out: ReceivedLog[] = [];
  for (const rl of body.resourceLogs ?? []) {
    const resource = decodeList(rl.resource?.attributes);
    for (const sl of rl.scopeLogs ?? []) {
      for (const r of sl.logRecords ?? []) {
        out.push({
          resource,
          scope: sl.scope?.name ?? '',
          traceId: r.traceId ?? '',
          spanId: r.spanId ?? '',
          flags: r.flags ?? 0,
          severityNumber: Number(r.severityNumber ?? 0),
          severityText: r.severityText ?? '',
          body: decodeValue(r.body),
          attributes: decodeList(r.attributes),
        });
      }
    }
  }
  return out;
}

/** The OTLP protos as published by the OpenTelemetry project (shipped in dd-trace), read by protobufjs. */
const PROTO_DIR = join(__dirname, '../../../node_modules/dd-trace/packages/dd-trace/src/opentelemetry/otlp');
let requestType: protobuf.Type | undefined;

/**
 * Decodes an OTLP/protobuf `ExportLogsServiceRequest` with protobufjs and the official .proto files
 * (independent of the encoder in @opentelemetry/otlp-transformer): ids as lower-case hex.
 */
export function decodeProtobufLogs(bytes: Uint8Array): ReceivedLog[] {
  if (requestType === undefined) {
    const root = new protobuf.Root();
    root.resolvePath = (_origin, target) => join(PROTO_DIR, target.replace(/^.*\//, ''));
    root.loadSync('logs_service.proto', { keepCase: false });
    requestType = root.lookupType('opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest');
  }
  const message = requestType.decode(bytes);
  const plain = requestType.toObject(message, {
    longs: String,
    enums: Number,
    bytes: String,
    defaults: false,
  });
  const hex = (b64: unknown): string =>
    typeof b64 === 'string' ? Buffer.from(b64, 'base64').toString('hex') : '';
  for (const rl of (plain as LogsBody).resourceLogs ?? []) {
    for (const sl of rl.scopeLogs ?? []) {
      for (const r of sl.logRecords ?? []) {
        r.traceId = hex(r.traceId);
        r.spanId = hex(r.spanId);
      }
    }
  }
  return parseLogs(plain as LogsBody);
}
