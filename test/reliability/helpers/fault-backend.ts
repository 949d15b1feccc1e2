import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseTraceBody } from '../../../packages/core/test/helpers/otlp-traces';
import { decodeProtobufLogs, parseLogs } from '../../tracing/helpers/otlp-logs';

/**
 * How the backend treats an export:
 * - `ok`: 200, counts the spans by `url.path` and the log records by their `path` attribute;
 * - `refuse`: nothing listens on the port (connections refused);
 * - `hang`: accepts the request and never answers;
 * - `error500`: answers 500;
 * - `throttle429`: answers 429 with `Retry-After: 1`;
 * - `reset`: destroys the connection in the middle of the request body.
 * (f) "comes back after being down" is `refuse` followed by `ok` on the same port.
 */
export type FaultMode = 'ok' | 'refuse' | 'hang' | 'error500' | 'throttle429' | 'reset';

interface OtlpSpans {
  resourceSpans?: Array<{
    scopeSpans?: Array<{
      spans?: Array<{ attributes?: Array<{ key: string; value: { stringValue?: string } }> }>;
    }>;
  }>;
}

/**
 * A fault-injecting OTLP/HTTP (protobuf or JSON) backend on 127.0.0.1 whose mode changes at run time. It keeps
 * counts only (spans per `url.path`, requests per mode), so memory stays flat over long runs.
 */
export class FaultBackend {
  mode: FaultMode = 'ok';
  /** Server spans received, by their `url.path` attribute. */
  readonly spansByPath = new Map<string, number>();
  /** Log records received (OTLP/protobuf or JSON), by their `path` attribute (the http-app fixture's). */
  readonly logsByPath = new Map<string, number>();
  /** Export requests seen (any outcome), by signal path and mode. */
  readonly requests = new Map<string, number>();
  /** Successful (200) exports per signal path (`/v1/traces`, `/v1/metrics`). */
  readonly accepted = new Map<string, number>();
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  /** Starts listening (once); returns the base URL (use it as `OTEL_EXPORTER_OTLP_ENDPOINT`). */
  async start(): Promise<string> {
    if (this.server === undefined) await this.listen();
    return `http://127.0.0.1:${this.port}`;
  }

  /** Switches mode; `refuse` closes the port, leaving it reopens the same port. */
  async setMode(mode: FaultMode): Promise<void> {
    const previous = this.mode;
    this.mode = mode;
    for (const socket of this.sockets) socket.destroy();
    if (mode === 'refuse' && previous !== 'refuse') await this.close();
    if (mode !== 'refuse' && previous === 'refuse') await this.listen();
  }

  /** Spans received for paths starting with `prefix`. */
  spansUnder(prefix: string): number {
    return countUnder(this.spansByPath, prefix);
  }

  /** Log records received for paths starting with `prefix`. */
  logsUnder(prefix: string): number {
    return countUnder(this.logsByPath, prefix);
  }

  async stop(): Promise<void> {
    await this.close();
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const key = `${req.url ?? ''} ${this.mode}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const mode = this.mode;
    if (mode === 'reset') {
      req.once('data', () => req.socket.destroy());
      req.once('end', () => req.socket.destroy());
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (mode === 'hang') return;
      if (mode === 'error500') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"injected"}');
        return;
      }
      if (mode === 'throttle429') {
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{}');
        return;
      }
      const path = req.url ?? '';
      this.accepted.set(path, (this.accepted.get(path) ?? 0) + 1);
      if (path === '/v1/traces') this.countSpans(Buffer.concat(chunks), req.headers['content-type']);
      if (path === '/v1/logs') this.countLogs(Buffer.concat(chunks), req.headers['content-type']);
      // An empty ExportServiceResponse in the request's encoding.
      if (req.headers['content-type']?.includes('protobuf'))
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  }

  private countLogs(body: Buffer, contentType: string | undefined): void {
    let records: ReturnType<typeof parseLogs>;
    try {
      records = contentType?.includes('json')
        ? parseLogs(JSON.parse(body.toString('utf8')))
        : decodeProtobufLogs(body);
    } catch {
      return;
    }
    for (const record of records) {
      const path = typeof record.attributes.path === 'string' ? record.attributes.path : '(none)';
      this.logsByPath.set(path, (this.logsByPath.get(path) ?? 0) + 1);
    }
  }

  private countSpans(bytes: Buffer, contentType: string | undefined): void {
    let body: OtlpSpans;
    try {
      body = parseTraceBody(bytes, contentType) as OtlpSpans;
    } catch {
      return;
    }
    for (const rs of body.resourceSpans ?? [])
      for (const ss of rs.scopeSpans ?? [])
        for (const span of ss.spans ?? []) {
          const path = span.attributes?.find((a) => a.key === 'url.path')?.value.stringValue ?? '(none)';
          this.spansByPath.set(path, (this.spansByPath.get(path) ?? 0) + 1);
        }
  }
}

function countUnder(byPath: ReadonlyMap<string, number>, prefix: string): number {
  let n = 0;
  for (const [path, count] of byPath) if (path.startsWith(prefix)) n += count;
  return n;
}
