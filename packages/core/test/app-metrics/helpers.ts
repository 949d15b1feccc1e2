// Shared set-up of the app-port /metrics tests: a running telemetry with a few stable series, the
// observability server's own /metrics to compare with, and an app server on an ephemeral port.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createOperationMonitor,
  startTelemetry,
  type Telemetry,
  type TelemetryOptions,
} from '@otelkit/core/internal';
import { fetchText, type Reply } from '../../../../test/helpers/http';

export type { Reply } from '../../../../test/helpers/http';
export { basicHeader, fetchText } from '../../../../test/helpers/http';

/** What Prometheus sends. */
export const PROMETHEUS_ACCEPT =
  'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

/** Starts telemetry on a loopback ephemeral port with one recorded operation (stable values). */
export async function startWithSeries(options: TelemetryOptions = {}): Promise<Telemetry> {
  const telemetry = startTelemetry({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'none',
    runtimeMetrics: false,
    env: {},
    ...options,
  });
  await telemetry.ready;
  await createOperationMonitor({ namespace: 'appport' }).track('sync', async () => {});
  return telemetry;
}

/** `/metrics` of the telemetry's observability server, with `headers`. */
export async function serverMetrics(
  telemetry: Telemetry,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const address = await telemetry.ready;
  return fetchText(`${address!.url}/metrics`, { headers });
}

/** Listens on 127.0.0.1, port 0; resolves with the base URL. */
export function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

/** Closes a server and its idle connections. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
