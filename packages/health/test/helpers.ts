import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { startTelemetry, type Telemetry } from '@otelkit/core';

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One request on a fresh connection (no agent, so nothing lingers after the test). */
export function fetchText(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Telemetry on 127.0.0.1, a free port, no runtime metrics; `url` is the server's base URL. */
export async function startTestTelemetry(
  options: Parameters<typeof startTelemetry>[0] = {},
): Promise<{ telemetry: Telemetry; url: string }> {
  const telemetry = startTelemetry({
    host: '127.0.0.1',
    port: 0,
    runtimeMetrics: false,
    serviceName: 'health-test',
    serviceVersion: '1.2.3',
    metricsExporters: ['prometheus'],
    env: {},
    ...options,
  });
  const address = await telemetry.ready;
  if (address === undefined) throw new Error('observability server did not start');
  return { telemetry, url: address.url };
}

export function basicHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
