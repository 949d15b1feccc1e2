import assert from 'node:assert/strict';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createDenyListAttributesProcessor } from '@opentelemetry/sdk-metrics';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { startTracing } from '../../src/tracing';

function request(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, (res) => res.resume().on('end', resolve)).on('error', reject);
  });
}

describe('a user View on an HTTP RED metric', () => {
  let telemetry: Telemetry;
  let server: Server;
  let base: string;

  before(async () => {
    telemetry = startTelemetry({
      serviceName: 'red-views',
      host: '127.0.0.1',
      port: 0,
      logLevel: 'none',
      runtimeMetrics: false,
      env: {},
      views: [
        {
          instrumentName: 'http.server.request.duration',
          name: 'web.request.duration',
          attributesProcessors: [createDenyListAttributesProcessor(['url.scheme'])],
        },
      ],
    });
    startTracing(telemetry, { env: { OTEL_TRACES_EXPORTER: 'none' } });
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.close();
    await telemetry.shutdown();
  });

  it('renames the server duration histogram and drops the excluded attribute on /metrics', async () => {
    await request(`${base}/a`);
    await request(`${base}/b`);
    const address = await telemetry.ready;
    const text = await (await fetch(`${address!.url}/metrics`)).text();
    const count = text.split('\n').find((line) => line.startsWith('web_request_duration_seconds_count{'));
    assert.ok(count, `a renamed series in:\n${text}`);
    assert.match(count, /http_request_method="GET"/);
    assert.match(count, /http_response_status_code="200"/);
    assert.doesNotMatch(count, /url_scheme/);
    assert.match(count, / 2$/);
    assert.doesNotMatch(text, /^http_server_request_duration_seconds/m);
    // The client side, which no view selects, keeps its name.
    assert.match(text, /^http_client_request_duration_seconds_count\{/m);
  });
});
