import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { dnsCheck, httpCheck, tcpCheck } from '../../src';
import type { CheckResult } from '../../src/check/types';

let server: Server;
let base = '';
let closedPort = 0;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('slow'), 80);
    else if (req.url === '/hang') return;
    else {
      res.statusCode = req.url === '/boom' ? 503 : req.url === '/missing' ? 404 : 200;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createTcpServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const run = async (fn: () => unknown) => (await fn()) as CheckResult;

describe('httpCheck', () => {
  it('passes for a status below 500 and reports latency in ms', async () => {
    const ok = await run(httpCheck({ url: `${base}/` }));
    assert.equal(ok.status, 'pass');
    assert.equal(ok.observedUnit, 'ms');
    assert.equal(typeof ok.observedValue, 'number');
    assert.equal((await run(httpCheck({ url: `${base}/missing` }))).status, 'pass');
  });

  it('fails on 5xx, on an unreachable port and on its timeout', async () => {
    const boom = await run(httpCheck({ url: `${base}/boom` }));
    assert.equal(boom.status, 'fail');
    assert.match(boom.output ?? '', /answered 503/);
    const down = await run(httpCheck({ url: `http://127.0.0.1:${closedPort}/` }));
    assert.equal(down.status, 'fail');
    assert.match(down.output ?? '', /unreachable: ECONNREFUSED/);
    const hung = await run(httpCheck({ url: `${base}/hang`, timeoutMs: 50 }));
    assert.equal(hung.status, 'fail');
  });

  it('warns when slower than warnLatencyMs', async () => {
    const slow = await run(httpCheck({ url: `${base}/slow`, warnLatencyMs: 50 }));
    assert.equal(slow.status, 'warn');
    assert.match(slow.output ?? '', /took .* ms \(status 200\)/);
  });

  it('refuses a URL that is not http(s)', () => {
    assert.throws(
      () => httpCheck({ url: 'ftp://x' }),
      /OTELKIT_ERR_INVALID_CONFIG: httpCheck url="ftp:\/\/x"/,
    );
  });
});

describe('tcpCheck', () => {
  it('passes when the port accepts and fails when it refuses', async () => {
    const port = Number(new URL(base).port);
    const ok = await run(tcpCheck({ host: '127.0.0.1', port }));
    assert.equal(ok.status, 'pass');
    assert.equal(ok.observedUnit, 'ms');
    const down = await run(tcpCheck({ host: '127.0.0.1', port: closedPort }));
    assert.equal(down.status, 'fail');
    assert.match(down.output ?? '', /ECONNREFUSED/);
  });
});

describe('dnsCheck', () => {
  it('passes for a name that resolves and fails for one that does not', async () => {
    assert.equal((await run(dnsCheck({ hostname: 'localhost' }))).status, 'pass');
    const bad = await run(dnsCheck({ hostname: 'no-such-host.invalid' }));
    assert.equal(bad.status, 'fail');
    assert.match(bad.output ?? '', /cannot resolve no-such-host\.invalid/);
  });
});
