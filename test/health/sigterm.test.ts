import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseTraceBody } from '../../packages/core/test/helpers/otlp-traces';

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A local OTLP/HTTP receiver that records the span names and `request.id`s it is sent. */
async function startReceiver() {
  const ids: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const payload = parseTraceBody(Buffer.concat(chunks), req.headers['content-type']) as {
        resourceSpans: Array<{
          scopeSpans: Array<{
            spans: Array<{ attributes: Array<{ key: string; value: { stringValue?: string } }> }>;
          }>;
        }>;
      };
      for (const rs of payload.resourceSpans)
        for (const ss of rs.scopeSpans)
          for (const span of ss.spans) {
            const id = span.attributes.find((a) => a.key === 'request.id')?.value.stringValue;
            if (id !== undefined) ids.push(id);
          }
      // An empty ExportServiceResponse in the request's encoding.
      const protobuf = req.headers['content-type']?.includes('protobuf') === true;
      res.setHeader('Content-Type', protobuf ? 'application/x-protobuf' : 'application/json');
      res.end(protobuf ? '' : '{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { ids, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, server };
}

describe('SIGTERM under load (child process)', () => {
  it('fails readiness before the listener closes, finishes in-flight requests, flushes spans, exits 0', async () => {
    const receiver = await startReceiver();
    const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'load-app.cjs')], {
      env: {
        PATH: process.env.PATH,
        RECEIVER_URL: receiver.url,
        OTELKIT_SHUTDOWN_DELAY_MS: '400',
        REQUEST_MS: '300',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    try {
      const [line] = (await once(child.stdout!, 'data')) as [Buffer];
      const [, appPort, obsPort] = line.toString().trim().split(' ').map(Number) as [number, number, number];
      assert.equal(await get(obsPort, '/readyz'), 200);

      // Spans finished before the signal.
      assert.deepEqual(
        await Promise.all([0, 1, 2].map((i) => get(appPort, `/before-${i}`))),
        [200, 200, 200],
      );
      // Load: requests in flight when the signal arrives.
      const inFlight = Array.from({ length: 20 }, (_, i) => get(appPort, `/inflight-${i}`));
      await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGTERM');

      let readyz = 200;
      while (readyz === 200) readyz = await get(obsPort, '/readyz');
      assert.equal(readyz, 503);
      // The app's listener is still open after readiness turned 503: load balancers can stop first.
      assert.equal(await get(appPort, '/after-503'), 200);

      assert.ok((await Promise.all(inFlight)).every((status) => status === 200));
      const [code, signal] = await exited;
      assert.deepEqual({ code, signal }, { code: 0, signal: null });
      for (const id of ['before-0', 'before-1', 'before-2', 'inflight-0', 'inflight-19', 'after-503']) {
        assert.ok(receiver.ids.includes(id), `span ${id} reached the receiver`);
      }
    } finally {
      child.kill('SIGKILL');
      receiver.server.close();
    }
  });
});
