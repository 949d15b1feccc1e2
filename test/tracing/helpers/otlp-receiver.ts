import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTraceBody } from '../../../packages/core/test/helpers/otlp-traces';
import { decodeProtobufLogs, parseLogs, type ReceivedLog } from './otlp-logs';

/** One span as it arrived over OTLP (protobuf or JSON), with its resource's service name. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, string | number | boolean>;
  readonly status: { code?: number; message?: string };
  readonly events: ReadonlyArray<{ name: string; attributes: Record<string, string | number | boolean> }>;
}

/** How the receiver answers: store and 200, 500, or never answer. */
export type ReceiverMode = 'ok' | 'error' | 'hang';

/** A tiny OTLP/HTTP receiver (protobuf and JSON) on 127.0.0.1 for tests. */
export interface OtlpReceiver {
  readonly url: string;
  readonly spans: ReceivedSpan[];
  /** Log records that reached `/v1/logs` (OTLP/JSON or OTLP/protobuf). */
  readonly logs: ReceivedLog[];
  /** Every `/v1/logs` request body as received, to search for what must not be there. */
  readonly logBodies: Buffer[];
  requests: number;
  mode: ReceiverMode;
  /** Resolves once `predicate` holds for the received spans (polls every 20 ms, gives up after `ms`). */
  waitFor(predicate: (spans: ReceivedSpan[]) => boolean, ms?: number): Promise<ReceivedSpan[]>;
  /** The same for log records. */
  waitForLogs(predicate: (logs: ReceivedLog[]) => boolean, ms?: number): Promise<ReceivedLog[]>;
  close(): Promise<void>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpKeyValue {
  key: string;
  value: OtlpValue;
}
interface OtlpBody {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: Array<{
      spans?: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: OtlpKeyValue[];
        status?: { code?: number; message?: string };
        events?: Array<{ name: string; attributes?: OtlpKeyValue[] }>;
      }>;
    }>;
  }>;
}

function value(v: OtlpValue): string | number | boolean {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  return Boolean(v.boolValue);
}

function attributes(list: OtlpKeyValue[] | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const kv of list ?? []) out[kv.key] = value(kv.value);
  return out;
}

/** Flattens an OTLP trace export body (the JSON mapping, or protobuf decoded to the same shape). */
export function parseSpans(body: OtlpBody): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const rs of body.resourceSpans ?? []) {
    const service = String(attributes(rs.resource?.attributes)['service.name'] ?? '');
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        out.push({
          service,
          traceId: s.traceId,
          spanId: s.spanId,
          parentSpanId: s.parentSpanId === '' ? undefined : s.parentSpanId,
          name: s.name,
          kind: s.kind,
          attributes: attributes(s.attributes),
          status: s.status ?? {},
          events: (s.events ?? []).map((e) => ({ name: e.name, attributes: attributes(e.attributes) })),
        });
      }
    }
  }
  return out;
}

/** Starts a receiver on an ephemeral loopback port. */
export async function startOtlpReceiver(mode: ReceiverMode = 'ok'): Promise<OtlpReceiver> {
  const hanging: ServerResponse[] = [];
  const receiver = {
    spans: [] as ReceivedSpan[],
    logs: [] as ReceivedLog[],
    logBodies: [] as Buffer[],
    requests: 0,
    mode,
  } as OtlpReceiver & { url: string };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.requests++;
      if (receiver.mode === 'hang') {
        hanging.push(res);
        return;
      }
      if (receiver.mode === 'error') {
        res.writeHead(500).end('{}');
        return;
      }
      if (req.url === '/v1/traces') {
        try {
          receiver.spans.push(
            ...parseSpans(parseTraceBody(Buffer.concat(chunks), req.headers['content-type']) as OtlpBody),
          );
        } catch (error) {
          process.stderr.write(`OTLP receiver: undecodable /v1/traces body: ${String(error)}\n`);
        }
      }
      if (req.url === '/v1/logs') {
        const body = Buffer.concat(chunks);
        receiver.logBodies.push(body);
        try {
          receiver.logs.push(
            ...(req.headers['content-type']?.includes('protobuf')
              ? decodeProtobufLogs(body)
              : parseLogs(JSON.parse(body.toString('utf8')))),
          );
        } catch (error) {
          process.stderr.write(`OTLP receiver: undecodable /v1/logs body: ${String(error)}\n`);
        }
      }
      // An empty ExportServiceResponse in the request's encoding.
      if (req.headers['content-type']?.includes('protobuf'))
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}`;
  receiver.waitFor = async (predicate, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!predicate(receiver.spans)) {
      if (Date.now() > deadline)
        throw new Error(
          `spans not received in ${ms} ms: ${JSON.stringify(receiver.spans.map((s) => s.name))}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
    return receiver.spans;
  };
  receiver.waitForLogs = async (predicate, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!predicate(receiver.logs)) {
      if (Date.now() > deadline)
        throw new Error(`log records not received in ${ms} ms: ${JSON.stringify(receiver.logs)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return receiver.logs;
  };
  receiver.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
