// Telemetry for in-process tests: the observability server on 127.0.0.1 port 0, started and listening.
import assert from 'node:assert/strict';
import { startTelemetry, type Telemetry } from '@otelkit/core';

/** Starts telemetry on 127.0.0.1, a free port (`options` add to or override that); `url` is the server's base URL. */
export async function startTestTelemetry(
  options: Parameters<typeof startTelemetry>[0] = {},
): Promise<{ telemetry: Telemetry; url: string }> {
  const telemetry = startTelemetry({ host: '127.0.0.1', port: 0, ...options });
  const address = await telemetry.ready;
  assert.ok(address, 'observability server listening');
  return { telemetry, url: address.url };
}
