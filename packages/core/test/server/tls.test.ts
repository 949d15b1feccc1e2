import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type KeyPair, selfSigned } from '../../../../test/helpers/tls';
import { isOtelkitError } from '../../src/errors';
import type { ServerTlsOptions } from '../../src/server/options';
import { createObservabilityServer, type ObservabilityServer } from '../../src/server/server';

interface TlsFetch {
  readonly ca: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
}

function fetchTls(url: string, tls: TlsFetch): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...tls, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('ObservabilityServer TLS', () => {
  let dir: string;
  let server: KeyPair;
  let client: KeyPair;
  const running: ObservabilityServer[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'otelkit-tls-'));
    server = selfSigned(dir, 'server');
    client = selfSigned(dir, 'client');
  });

  after(async () => {
    await Promise.all(running.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(tls: ServerTlsOptions): Promise<string> {
    const observability = createObservabilityServer({ host: '127.0.0.1', port: 0, tls });
    observability.route('/metrics', (_req, res) => {
      res.end('up 1\n');
    });
    running.push(observability);
    return (await observability.listen()).url;
  }

  it('serves HTTPS with the configured certificate', async () => {
    const url = await start(server);
    assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const reply = await fetchTls(`${url}/metrics`, { ca: readFileSync(server.certFile) });
    assert.equal(reply.status, 200);
    assert.equal(reply.body, 'up 1\n');
  });

  it('is refused by a client that does not trust the certificate', async () => {
    const url = await start(server);
    await assert.rejects(
      fetchTls(`${url}/metrics`, { ca: readFileSync(client.certFile) }),
      /self[- ]signed/i,
    );
  });

  it('requires a client certificate signed by caFile when caFile is set', async () => {
    const url = await start({ ...server, caFile: client.certFile });
    const ca = readFileSync(server.certFile);
    await assert.rejects(fetchTls(`${url}/metrics`, { ca }));
    const reply = await fetchTls(`${url}/metrics`, {
      ca,
      cert: readFileSync(client.certFile),
      key: readFileSync(client.keyFile),
    });
    assert.equal(reply.status, 200);
  });

  it('rejects listen() with OTELKIT_ERR_TLS_FILE naming the option and path of a missing file', async () => {
    const missing = join(dir, 'missing.key');
    const observability = createObservabilityServer({
      host: '127.0.0.1',
      port: 0,
      tls: { certFile: server.certFile, keyFile: missing },
    });
    await assert.rejects(
      observability.listen(),
      (e: unknown) =>
        isOtelkitError(e) &&
        e.code === 'OTELKIT_ERR_TLS_FILE' &&
        e.message.includes('tls.keyFile') &&
        e.message.includes(missing) &&
        e.message.includes('ENOENT'),
    );
    assert.equal(observability.address(), undefined);
  });

  it('rejects listen() with OTELKIT_ERR_TLS_FILE when the files are not a certificate and key', async () => {
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a pem file\n');
    const observability = createObservabilityServer({
      host: '127.0.0.1',
      port: 0,
      tls: { certFile: junk, keyFile: server.keyFile },
    });
    await assert.rejects(
      observability.listen(),
      (e: unknown) => isOtelkitError(e) && e.code === 'OTELKIT_ERR_TLS_FILE' && e.message.includes(junk),
    );
  });
});
