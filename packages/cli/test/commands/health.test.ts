import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { healthVerdict } from '../../src/commands/health';
import { cli, closedPort, serve } from '../helpers';

describe('otelkit health', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve((req, res) => {
      const body: Record<string, unknown> = {
        '/pass': { status: 'pass', checks: { 'db:responseTime': [{ status: 'pass', observedValue: 3 }] } },
        '/warn': { status: 'warn', checks: { cache: [{ status: 'warn', output: 'cache is cold' }] } },
        '/fail': { status: 'fail', checks: { db: [{ status: 'fail', output: 'connection refused' }] } },
      };
      const doc = body[req.url ?? ''];
      if (req.url === '/plain503') return void res.writeHead(503).end('down');
      if (doc === undefined) return void res.writeHead(404).end();
      const code = (doc as { status: string }).status === 'fail' ? 503 : 200;
      res.writeHead(code, { 'content-type': 'application/health+json' }).end(JSON.stringify(doc));
    });
  });
  after(() => server.close());

  it('exits 0 and prints the verdict and checks when the service passes', async () => {
    const r = await cli(['health', '--url', `${server.url}/pass`]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^pass http:\/\/127\.0\.0\.1:\d+\/pass \(HTTP 200, \d+ ms\)/);
    assert.match(r.out, /pass {2}db:responseTime/);
  });

  it('exits 0 for warn and shows the warning check', async () => {
    const r = await cli(['health', '--url', `${server.url}/warn`]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^warn /);
    assert.match(r.out, /cache: cache is cold/);
  });

  it('exits 1 for fail, also when the body is not health+json but the status is 503', async () => {
    assert.equal((await cli(['health', '--url', `${server.url}/fail`])).code, 1);
    const plain = await cli(['health', '--url', `${server.url}/plain503`]);
    assert.equal(plain.code, 1);
    assert.match(plain.out, /^fail .*HTTP 503/);
  });

  it('prints JSON with the verdict, HTTP status and body with --json', async () => {
    const r = await cli(['health', '--url', `${server.url}/fail`, '--json']);
    const doc = JSON.parse(r.out);
    assert.equal(doc.status, 'fail');
    assert.equal(doc.httpStatus, 503);
    assert.equal(doc.body.checks.db[0].output, 'connection refused');
  });

  it('exits 2 when nothing listens', async () => {
    const port = await closedPort();
    const r = await cli(['health', '--url', `http://127.0.0.1:${port}/healthz`]);
    assert.equal(r.code, 2);
    assert.match(r.err, /unreachable: cannot reach .* ECONNREFUSED/);
    const json = await cli(['health', '--url', `http://127.0.0.1:${port}/healthz`, '--json']);
    assert.equal(JSON.parse(json.out).status, 'unreachable');
  });

  it('rejects a URL that is not http(s) with exit 2', async () => {
    const r = await cli(['health', '--url', 'ftp://x']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--url="ftp:\/\/x" is invalid/);
  });

  it('judges by the document status first, the HTTP status second', () => {
    assert.equal(healthVerdict(200, { status: 'degraded' }), 'warn');
    assert.equal(healthVerdict(200, { status: 'down' }), 'fail');
    assert.equal(healthVerdict(204, undefined), 'pass');
    assert.equal(healthVerdict(500, undefined), 'fail');
  });
});
