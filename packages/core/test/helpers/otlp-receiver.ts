import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTraceBody } from './otlp-traces';

/** One request the receiver got. */
export interface Received {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

/** How the receiver answers: normally 200; tests switch it to fail. */
export type ReceiverMode = 'ok' | 'error500' | 'hang';

/**
 * A local OTLP/HTTP receiver on 127.0.0.1 that records every POST: JSON bodies parsed, OTLP/protobuf
 * trace bodies decoded to the same shape ({@link parseTraceBody}).
 */
export class OtlpReceiver {
  readonly received: Received[] = [];
  mode: ReceiverMode = 'ok';
  private readonly server: Server;
  private waiters: Array<() => void> = [];

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.mode === 'hang') return;
        const bytes = Buffer.concat(chunks);
        const contentType = req.headers['content-type'];
        let body: unknown = bytes.toString('utf8');
        try {
          body =
            req.url === '/v1/traces'
              ? parseTraceBody(bytes, contentType)
              : (JSON.parse(body as string) as unknown);
        } catch {}
        if (this.mode === 'error500') {
          res.writeHead(500).end('{}');
          return;
        }
        this.received.push({ path: req.url ?? '', headers: req.headers, body });
        // An empty ExportServiceResponse in the request's encoding.
        if (contentType?.includes('protobuf'))
          res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        for (const w of this.waiters.splice(0)) w();
      });
    });
  }

  /** Starts listening; returns the base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Waits until `predicate` holds for the received requests (or rejects after `ms`). */
  async waitFor(predicate: (received: readonly Received[]) => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate(this.received)) {
      if (Date.now() > deadline) throw new Error(`OTLP receiver: condition not met within ${ms} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100).unref();
      });
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
